package io.capi4j.providers.aws.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolStatus;
import io.capi4j.providers.aws.api.v1beta2.ManagedMachinePoolScaling;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import io.capi4j.providers.aws.simulation.AwsSimulatedInfrastructure;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolPlan;
import io.capi4j.testing.cloud.CloudProfile;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The AWSManagedMachinePool planner driving an EKS managed node group on a {@code SimulatedCloud} with the
 * {@code aws-m5-large} EKS profile: creation, scale-up, and a version upgrade one minor at a time, rolled under
 * {@code updateConfig.maxUnavailable}.
 */
class AWSManagedMachinePoolPlannerTest {
  static final CloudProfile EKS =
      new AwsSimulatedInfrastructure().managedPoolProfile(AwsSimulatedInfrastructure.PROFILE).orElseThrow();

  static AWSManagedMachinePool pool(UpdateConfig updateConfig) {
    return AWSManagedMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("ng").withNamespace("default").build())
        .spec(AWSManagedMachinePoolSpec.builder().eksNodegroupName("default_ng").instanceType("m5.large")
            .scaling(ManagedMachinePoolScaling.builder().minSize(0).maxSize(10).build())
            .updateConfig(updateConfig).build())
        .build();
  }

  static MachinePool mp(int replicas, String version) {
    return PoolLoop.machinePool("ng", replicas, version, AWSManagedMachinePool.KIND, "");
  }

  static AWSManagedMachinePoolStatus status(PoolLoop loop) {
    return ((AWSManagedMachinePool) loop.pool).status().orElseThrow();
  }

  static long running(ScalingGroup g) {
    return g.instances().stream().filter(i -> i.state() == InstanceState.RUNNING).count();
  }

  @Test
  void createsTheNodeGroupWaitsForActiveAndScalesUp() {
    PoolLoop loop = new PoolLoop(EKS, new AWSManagedMachinePoolPlanner(), mp(2, "v1.31.4"),
        pool(UpdateConfig.builder().maxUnavailable(1).build()));
    PoolPlan first = loop.reconcile();
    assertThat(first.cloudActions()).singleElement().isInstanceOfSatisfying(CloudAction.CreateGroup.class, c -> {
      assertThat(c.capacity()).isEqualTo(2);
      assertThat(c.model().version()).isEqualTo("1.31/default");
      assertThat(c.model().attributes()).containsEntry("eksVersion", "1.31").containsEntry("kubernetesVersion", "v1.31.4")
          .containsEntry("amiType", "AL2_x86_64").containsEntry("instanceType", "m5.large");
    });
    assertThat(first.requeueAfter()).contains(Duration.ofSeconds(30));
    assertThat(first.steps()).contains("node group: create default_ng at Kubernetes 1.31 (EKS picks the AMI release), "
        + "desired size 2, min 0, max 10");

    loop.run(Duration.ofSeconds(30));
    assertThat(loop.plans.get(1).steps()).anyMatch(s -> s.startsWith("node group: default_ng is CREATING: wait for ACTIVE"));
    assertThat(status(loop).ready()).contains(false);

    loop.run(Duration.ofMinutes(3));
    assertThat(status(loop).ready()).contains(true);
    assertThat(status(loop).replicas()).contains(2);
    assertThat(((AWSManagedMachinePool) loop.pool).spec().providerIDList()).hasSize(2)
        .allMatch(id -> id.startsWith("aws:///us-east-1a/i-0"));

    loop.mp = mp(5, "v1.31.4");
    PoolPlan scale = loop.reconcile();
    assertThat(scale.cloudActions()).containsExactly(new CloudAction.SetCapacity("ng", 5,
        "UpdateNodegroupConfig default_ng: desired size 2 != replicas 5"));
    loop.run(Duration.ofMinutes(4));
    assertThat(running(loop.group().orElseThrow())).isEqualTo(5);
    assertThat(status(loop).replicas()).contains(5);
    assertThat(loop.plans.get(loop.plans.size() - 1).cloudActions()).isEmpty();
  }

  @Test
  void aTwoMinorUpgradeGoesOneMinorPerUpdateUnderMaxUnavailable() {
    PoolLoop loop = new PoolLoop(EKS, new AWSManagedMachinePoolPlanner(), mp(4, "v1.30.2"),
        pool(UpdateConfig.builder().maxUnavailable(1).build()));
    loop.run(Duration.ofMinutes(4));
    assertThat(status(loop).ready()).contains(true);
    assertThat(running(loop.group().orElseThrow())).isEqualTo(4);

    loop.mp = mp(4, "v1.32.0");
    PoolPlan first = loop.reconcile();
    assertThat(first.cloudActions()).hasSize(2);
    assertThat(first.cloudActions().get(0)).isInstanceOfSatisfying(CloudAction.UpdateModel.class,
        u -> assertThat(u.model().attributes()).containsEntry("eksVersion", "1.31").containsEntry("kubernetesVersion", "v1.31.0"));
    assertThat(first.cloudActions().get(1)).isEqualTo(new CloudAction.StartRollingReplacement("ng", 75, 100, 0,
        "EKS rolls the node group to version 1.31 under updateConfig maxUnavailable=1"));
    assertThat(first.steps()).anyMatch(s -> s.contains("modelled as a rolling replacement keeping at least 75% of 4 healthy"));

    List<String> versionsSeen = new ArrayList<>();
    long[] minRunning = {Long.MAX_VALUE};
    loop.run(Duration.ofMinutes(30), Duration.ofSeconds(10), now -> {
      ScalingGroup g = loop.group().orElseThrow();
      minRunning[0] = Math.min(minRunning[0], running(g));
      String v = g.model().attributes().get("eksVersion");
      if (versionsSeen.isEmpty() || !versionsSeen.get(versionsSeen.size() - 1).equals(v)) {
        versionsSeen.add(v);
      }
    });
    ScalingGroup g = loop.group().orElseThrow();
    assertThat(versionsSeen).containsExactly("1.31", "1.32");
    assertThat(g.instances()).hasSize(4).allSatisfy((Instance i) -> {
      assertThat(i.modelAttributes()).containsEntry("eksVersion", "1.32").containsEntry("kubernetesVersion", "v1.32.0");
      assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    });
    assertThat(minRunning[0]).as("maxUnavailable 1 of 4").isEqualTo(3);
    assertThat(loop.plans.stream().flatMap(p -> p.steps().stream()))
        .anyMatch(s -> s.startsWith("node group: default_ng is UPDATING: wait for ACTIVE"));
    PoolPlan last = loop.plans.get(loop.plans.size() - 1);
    assertThat(last.cloudActions()).isEmpty();
    assertThat(last.instances()).hasSize(4).allMatch(i -> i.upToDate().orElseThrow());
  }

  @Test
  void anAmiReleaseUpdateComesAfterTheKubernetesVersion() {
    PoolLoop loop = new PoolLoop(EKS, new AWSManagedMachinePoolPlanner(), mp(2, "v1.31.4"),
        pool(UpdateConfig.builder().maxUnavailablePercentage(50).build()));
    loop.run(Duration.ofMinutes(4));
    AWSManagedMachinePool p = (AWSManagedMachinePool) loop.pool;
    loop.pool = p.withSpec(p.spec().withAmiVersion("1.31.4-20250101"));
    PoolPlan u = loop.reconcile();
    assertThat(u.cloudActions().get(0)).isInstanceOfSatisfying(CloudAction.UpdateModel.class,
        m -> assertThat(m.model().attributes()).containsEntry("releaseVersion", "1.31.4-20250101"));
    assertThat(u.cloudActions().get(1)).isInstanceOfSatisfying(CloudAction.StartRollingReplacement.class,
        s -> assertThat(s.minHealthyPercentage()).isEqualTo(50));
  }

  @Test
  void minHealthyPercentageFromUpdateConfig() {
    assertThat(AWSManagedMachinePoolPlanner.minHealthyPercentage(Optional.empty(), 10)).isEqualTo(90);
    assertThat(AWSManagedMachinePoolPlanner.minHealthyPercentage(
        Optional.of(UpdateConfig.builder().maxUnavailable(3).build()), 10)).isEqualTo(70);
    assertThat(AWSManagedMachinePoolPlanner.minHealthyPercentage(
        Optional.of(UpdateConfig.builder().maxUnavailable(1).build()), 3)).isEqualTo(66);
    assertThat(AWSManagedMachinePoolPlanner.minHealthyPercentage(
        Optional.of(UpdateConfig.builder().maxUnavailable(5).build()), 3)).isZero();
    assertThat(AWSManagedMachinePoolPlanner.minHealthyPercentage(
        Optional.of(UpdateConfig.builder().maxUnavailablePercentage(25).build()), 8)).isEqualTo(75);
    assertThat(AWSManagedMachinePoolPlanner.minHealthyPercentage(Optional.empty(), 0)).isEqualTo(100);
  }

  @Test
  void withoutAVersionTheNodeGroupIsNotPlanned() {
    PoolPlan p = new AWSManagedMachinePoolPlanner().plan(new PoolLoop(EKS, new AWSManagedMachinePoolPlanner(),
        mp(1, ""), pool(UpdateConfig.builder().maxUnavailable(1).build())).observe());
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.steps()).last().asString().contains("needs MachinePool default/ng spec.template.spec.version");
  }

  @Test
  void deletingDeletesTheNodeGroupThenReleasesTheFinalizer() {
    PoolLoop loop = new PoolLoop(EKS, new AWSManagedMachinePoolPlanner(), mp(1, "v1.31.4"),
        pool(UpdateConfig.builder().maxUnavailable(1).build()));
    loop.run(Duration.ofMinutes(3));
    AWSManagedMachinePool p = (AWSManagedMachinePool) loop.pool;
    loop.pool = p.withMetadata(new ObjectMetaBuilder(p.metadata()).withDeletionTimestamp("2026-01-01T00:03:00Z").build());
    PoolPlan d = loop.reconcile();
    assertThat(d.cloudActions()).singleElement().isInstanceOf(CloudAction.DeleteGroup.class);
    PoolPlan done = loop.reconcile();
    assertThat(((AWSManagedMachinePool) done.infraPool()).metadata().getFinalizers()).isEmpty();
  }
}
