package io.capi4j.providers.aws.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.aws.api.v1beta2.AMIReference;
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import io.capi4j.providers.aws.simulation.AwsSimulatedInfrastructure;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolPlan;
import io.capi4j.testing.cloud.CloudProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end instance refresh: the AWSMachinePool planner drives an ASG on a {@code SimulatedCloud} with the
 * {@code aws-m5-large} profile, whose instance refresh follows {@code RefreshBatching}. 10 instances with
 * {@code minHealthyPercentage: 80} are replaced 2 at a time, never fewer than 8 healthy, and all end on the new
 * launch template version.
 */
class InstanceRefreshOnSimulatedAsgTest {
  static final CloudProfile AWS = new AwsSimulatedInfrastructure().cloudProfile(AwsSimulatedInfrastructure.PROFILE);
  static final Duration WARMUP = Duration.ofSeconds(60);

  static AWSMachinePool pool(String ami) {
    return AWSMachinePool.builder()
        .metadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("workers").withNamespace("default")
            .withUid("uid-workers").build())
        .spec(AWSMachinePoolSpec.builder().minSize(0).maxSize(20)
            .availabilityZones(List.of("us-east-1a", "us-east-1b"))
            .refreshPreferences(RefreshPreferences.builder().minHealthyPercentage(80L).instanceWarmup(WARMUP.getSeconds())
                .build())
            .awsLaunchTemplate(AWSLaunchTemplate.builder().instanceType("m5.large")
                .ami(AMIReference.builder().id(ami).build()).build())
            .build())
        .build();
  }

  static long healthy(ScalingGroup g, Instant now) {
    return g.instances().stream().filter(i -> i.state() == InstanceState.RUNNING
        && !i.runningSince().orElseThrow().plus(WARMUP).isAfter(now)).count();
  }

  @Test
  void tenInstancesWithMinHealthy80AreReplacedTwoAtATimeAndEndOnTheNewModel() {
    PoolLoop loop = new PoolLoop(AWS, new AWSMachinePoolPlanner(),
        PoolLoop.machinePool("workers", 10, "v1.32.0", AWSMachinePool.KIND, "workers-bootstrap"), pool("ami-old"));

    PoolPlan first = loop.reconcile();
    assertThat(first.cloudActions()).singleElement().isInstanceOfSatisfying(CloudAction.CreateGroup.class, c -> {
      assertThat(c.capacity()).isEqualTo(10);
      assertThat(c.model().version()).isEqualTo("1");
      assertThat(c.model().attributes()).containsEntry("ami", "ami-old").containsEntry("kubernetesVersion", "v1.32.0");
    });
    loop.run(Duration.ofMinutes(5));
    ScalingGroup before = loop.group().orElseThrow();
    assertThat(healthy(before, loop.clock.instant())).isEqualTo(10);
    AWSMachinePool p = (AWSMachinePool) loop.pool;
    assertThat(p.spec().providerIDList()).hasSize(10).allMatch(id -> id.matches("aws:///us-east-1[ab]/i-0[0-9a-f]{16}"));
    assertThat(p.status().orElseThrow().replicas()).contains(10);
    assertThat(p.status().orElseThrow().ready()).contains(true);
    assertThat(loop.plans.get(loop.plans.size() - 1).cloudActions()).isEmpty();

    // A new AMI: a new launch template version and an instance refresh.
    loop.pool = p.withSpec(p.spec().withAwsLaunchTemplate(p.spec().awsLaunchTemplateOrEmpty()
        .withAmi(AMIReference.builder().id("ami-new").build())));
    PoolPlan rollout = loop.reconcile();
    assertThat(rollout.cloudActions()).hasSize(2);
    assertThat(rollout.cloudActions().get(0)).isInstanceOfSatisfying(CloudAction.UpdateModel.class,
        u -> assertThat(u.model().version()).isEqualTo("2"));
    assertThat(rollout.cloudActions().get(1)).isEqualTo(new CloudAction.StartRollingReplacement("workers", 80, 100, 60,
        "StartInstanceRefresh: roll out the new launch template version: AMI changed from ami-old to ami-new"));
    assertThat(rollout.steps()).anyMatch(s -> s.startsWith("instance refresh: start"));

    long[] minHealthy = {Long.MAX_VALUE};
    Map<Instant, Integer> terminations = new TreeMap<>();
    Set<String> seenDeleting = new HashSet<>();
    loop.run(Duration.ofMinutes(30), Duration.ofSeconds(10), now -> {
      ScalingGroup g = loop.group().orElseThrow();
      minHealthy[0] = Math.min(minHealthy[0], healthy(g, now));
      for (Instance i : g.instances()) {
        if (i.state() == InstanceState.DELETING && seenDeleting.add(i.id())) {
          terminations.merge(now, 1, Integer::sum);
        }
      }
    });

    ScalingGroup after = loop.group().orElseThrow();
    assertThat(after.rollingReplacement().orElseThrow().status()).isEqualTo("Successful");
    assertThat(after.instances()).hasSize(10).allSatisfy(i -> {
      assertThat(i.modelVersion()).isEqualTo("2");
      assertThat(i.modelAttributes()).containsEntry("ami", "ami-new");
    });
    assertThat(minHealthy[0]).as("never fewer than 8 healthy").isEqualTo(8);
    assertThat(terminations.values()).as("old instances terminated in batches of 2").containsExactly(2, 2, 2, 2, 2);
    PoolPlan last = loop.plans.get(loop.plans.size() - 1);
    assertThat(last.cloudActions()).isEmpty();
    assertThat(last.instances()).hasSize(10).allMatch(i -> i.upToDate().orElseThrow() && i.running());
    AWSMachinePool done = (AWSMachinePool) loop.pool;
    assertThat(done.status().orElseThrow().launchTemplateVersion()).contains("2");
    assertThat(done.spec().providerIDList()).hasSize(10)
        .doesNotContainAnyElementsOf(before.instances().stream().map(Instance::providerID).toList());
  }

  @Test
  void duringTheRefreshOldInstancesAreReportedOutdated() {
    PoolLoop loop = new PoolLoop(AWS, new AWSMachinePoolPlanner(),
        PoolLoop.machinePool("workers", 4, "v1.32.0", AWSMachinePool.KIND, "workers-bootstrap"), pool("ami-old"));
    loop.run(Duration.ofMinutes(4));
    AWSMachinePool p = (AWSMachinePool) loop.pool;
    loop.pool = p.withSpec(p.spec().withAwsLaunchTemplate(p.spec().awsLaunchTemplateOrEmpty().withInstanceType("m5.xlarge")));
    PoolPlan rollout = loop.reconcile();
    assertThat(rollout.steps()).anyMatch(s -> s.contains("LaunchTemplateNeedsUpdate: InstanceType"));
    assertThat(rollout.instances()).hasSize(4).extracting(PoolInstance::upToDate)
        .allMatch(u -> u.equals(java.util.Optional.of(false)));
    loop.run(Duration.ofMinutes(20));
    assertThat(loop.plans.get(loop.plans.size() - 1).instances()).hasSize(4)
        .allMatch(i -> i.upToDate().orElseThrow());
    assertThat(loop.group().orElseThrow().instances()).allMatch(i -> "m5.xlarge".equals(i.modelAttributes().get("instanceType")));
  }
}
