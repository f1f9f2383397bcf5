package io.capi4j.providers.azure.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.RollingReplacement;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.azure.agentpools.AgentPoolParameters;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.api.v1beta1.ManagedMachinePoolScaling;
import io.capi4j.providers.azure.simulation.AzureSimulatedInfrastructure;
import io.capi4j.simulation.Simulation;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AzureManagedMachinePoolPlannerTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final AzureManagedMachinePoolPlanner planner = new AzureManagedMachinePoolPlanner();
  final AzureSimulatedInfrastructure azure = new AzureSimulatedInfrastructure();

  MachinePool mp(Optional<Integer> replicas, String version, Map<String, String> annotations) {
    MachinePool m = (MachinePool) azure.managedPoolFlow("c1", "pool0", 1, version).get(0);
    m = m.withMetadata(new ObjectMetaBuilder(m.metadata()).withAnnotations(annotations).build());
    return m.withSpec(m.spec().withReplicas(replicas));
  }

  MachinePool mp(int replicas, String version) {
    return mp(Optional.of(replicas), version, Map.of());
  }

  AzureManagedMachinePool ammp(Optional<ManagedMachinePoolScaling> scaling) {
    AzureManagedMachinePool a = (AzureManagedMachinePool) azure.managedPoolFlow("c1", "pool0", 1, "v1.32.0").get(1);
    return a.withSpec(a.spec().withScaling(scaling).withAvailabilityZones("1", "2"));
  }

  AzureManagedMachinePool ammp() {
    return ammp(Optional.empty());
  }

  static InstanceModel model(String version, boolean autoscaling) {
    return AzureManagedMachinePoolPlanner.model(new AgentPoolParameters(0, autoscaling,
        autoscaling ? Optional.of(1) : Optional.empty(), autoscaling ? Optional.of(10) : Optional.empty(),
        Optional.of(version)), AzureSimulatedInfrastructure.VM_SIZE);
  }

  static ScalingGroup group(int n, InstanceModel model, Optional<RollingReplacement> refresh) {
    List<Instance> instances = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      String id = Integer.toString(i);
      instances.add(Instance.builder().id(id).providerID(PoolFixtures.IDS.providerID(Optional.of("pool0"), id, Optional.empty()))
          .state(InstanceState.RUNNING).modelVersion(model.version()).modelAttributes(model.attributes())
          .createdAt(T0).runningSince(T0).build());
    }
    return ScalingGroup.builder().id("pool0").capacity(n).model(model).instances(instances).rollingReplacement(refresh).build();
  }

  PoolObservation obs(MachinePool mp, AzureManagedMachinePool ammp, Optional<ScalingGroup> g) {
    return PoolObservation.builder().machinePool(mp).infraPool(ammp).scalingGroup(g).now(T0)
        .bootstrapDataSecretName("").random(new SplittableRandom(1)).build();
  }

  static AzureManagedMachinePool pool(PoolPlan p) {
    return (AzureManagedMachinePool) p.infraPool();
  }

  @Test
  void createsTheAgentPoolWithTheReplicasAsCount() {
    PoolPlan p = planner.plan(obs(mp(3, "v1.32.0"), ammp(), Optional.empty()));
    assertThat(p.cloudActions()).singleElement().isInstanceOfSatisfying(CloudAction.CreateGroup.class, c -> {
      assertThat(c.groupId()).isEqualTo("pool0");
      assertThat(c.capacity()).isEqualTo(3);
      assertThat(c.zones()).containsExactly("1", "2");
      assertThat(c.model().attributes())
          .containsEntry(AzureManagedMachinePoolPlanner.ORCHESTRATOR_VERSION, "1.32.0")
          .containsEntry(Simulation.KUBERNETES_VERSION, "v1.32.0")
          .containsEntry(AzureManagedMachinePoolPlanner.VM_SIZE, "Standard_D2s_v3")
          .containsEntry(AzureManagedMachinePoolPlanner.ENABLE_AUTO_SCALING, "false");
    });
    assertThat(p.requeueAfter()).contains(Duration.ofSeconds(20));
    assertThat(pool(p).status().orElseThrow().ready()).isFalse();
  }

  @Test
  void nilReplicasMeanOneNode() {
    PoolPlan p = planner.plan(obs(mp(Optional.empty(), "v1.32.0", Map.of()), ammp(), Optional.empty()));
    assertThat(((CloudAction.CreateGroup) p.cloudActions().get(0)).capacity()).isEqualTo(1);
  }

  @Test
  void scalesToTheReplicasAndReportsStatus() {
    PoolPlan p = planner.plan(obs(mp(5, "v1.32.0"), ammp(), Optional.of(group(3, model("1.32.0", false), Optional.empty()))));
    assertThat(p.cloudActions()).singleElement().isInstanceOfSatisfying(CloudAction.SetCapacity.class,
        s -> assertThat(s.capacity()).isEqualTo(5));
    AzureManagedMachinePool out = pool(p);
    assertThat(out.status().orElseThrow().ready()).isTrue();
    assertThat(out.status().orElseThrow().replicas()).isEqualTo(3);
    assertThat(out.spec().providerIDList()).hasSize(3).isSorted();
    assertThat(p.requeueAfter()).contains(AzureManagedMachinePoolPlanner.OPERATION_REQUEUE);
    assertThat(p.instances()).extracting(PoolInstance::upToDate).containsOnly(Optional.of(true));
  }

  @Test
  void aSettledPoolNeedsNothing() {
    PoolPlan p = planner.plan(obs(mp(3, "v1.32.0"), ammp(), Optional.of(group(3, model("1.32.0", false), Optional.empty()))));
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.requeueAfter()).isEmpty();
    assertThat(p.replicasToCopyBack()).isEmpty();
  }

  @Test
  void withAutoscalingAksKeepsItsCountAndCapiCopiesItBack() {
    ManagedMachinePoolScaling scaling = ManagedMachinePoolScaling.builder().minSize(1).maxSize(10).build();
    PoolPlan p = planner.plan(obs(mp(3, "v1.32.0"), ammp(Optional.of(scaling)),
        Optional.of(group(4, model("1.32.0", true), Optional.empty()))));
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.replicasToCopyBack()).contains(4);
    assertThat(p.steps()).anyMatch(s -> s.contains(Capi.REPLICAS_MANAGED_BY_ANNOTATION + "=\"true\""));
  }

  @Test
  void turningAutoscalingOnUpdatesTheSettingsWithoutARollout() {
    ManagedMachinePoolScaling scaling = ManagedMachinePoolScaling.builder().minSize(1).maxSize(10).build();
    PoolPlan p = planner.plan(obs(mp(3, "v1.32.0"), ammp(Optional.of(scaling)),
        Optional.of(group(3, model("1.32.0", false), Optional.empty()))));
    assertThat(p.cloudActions()).singleElement().isInstanceOfSatisfying(CloudAction.UpdateModel.class, u -> {
      assertThat(u.model().attributes()).containsEntry(AzureManagedMachinePoolPlanner.ENABLE_AUTO_SCALING, "true")
          .containsEntry(AzureManagedMachinePoolPlanner.MIN_COUNT, "1").containsEntry(AzureManagedMachinePoolPlanner.MAX_COUNT, "10");
      assertThat(u.model().version()).isEqualTo(model("1.32.0", false).version());
    });
  }

  @Test
  void turningAutoscalingOffRecordsTheAnnotationRemoval() {
    PoolPlan p = planner.plan(obs(mp(Optional.of(3), "v1.32.0", Map.of(Capi.REPLICAS_MANAGED_BY_ANNOTATION, "true")), ammp(),
        Optional.of(group(3, model("1.32.0", false), Optional.empty()))));
    assertThat(p.replicasToCopyBack()).isEmpty();
    assertThat(p.steps()).anyMatch(s -> s.startsWith("autoscaling off: remove MachinePool annotation"));
  }

  @Test
  void theVersionIsNeverDowngraded() {
    PoolPlan p = planner.plan(obs(mp(3, "v1.32.0"), ammp(), Optional.of(group(3, model("1.33.0", false), Optional.empty()))));
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.steps()).anyMatch(s -> s.contains("never downgraded to 1.32.0"));
  }

  @Test
  void anUpgradeUpdatesTheModelAndLetsAksRollTheNodes() {
    PoolPlan p = planner.plan(obs(mp(3, "v1.33.0"), ammp(), Optional.of(group(3, model("1.32.0", false), Optional.empty()))));
    assertThat(p.cloudActions()).hasSize(2);
    assertThat(p.cloudActions().get(0)).isInstanceOfSatisfying(CloudAction.UpdateModel.class, u -> {
      assertThat(u.model()).isEqualTo(model("1.33.0", false));
      assertThat(u.reason()).contains("1.32.0 -> 1.33.0");
    });
    assertThat(p.cloudActions().get(1)).isInstanceOfSatisfying(CloudAction.StartRollingReplacement.class, s -> {
      assertThat(s.minHealthyPercentage()).isEqualTo(100);
      assertThat(s.maxHealthyPercentage()).isEqualTo(134);
      assertThat(s.instanceWarmupSeconds()).isEqualTo(AzureManagedMachinePoolPlanner.UPGRADE_WARMUP_SECONDS);
    });
    assertThat(p.instances()).extracting(PoolInstance::upToDate).containsOnly(Optional.of(false));
  }

  @Test
  void aRunningUpgradeIsLeftAlone() {
    RollingReplacement running = RollingReplacement.builder().minHealthyPercentage(100).maxHealthyPercentage(134)
        .instanceWarmupSeconds(40).startedAt(T0).status("InProgress").build();
    ScalingGroup g = group(3, model("1.32.0", false), Optional.of(running));
    g = ScalingGroup.builder().from(g).model(model("1.33.0", false)).build();
    PoolPlan p = planner.plan(obs(mp(3, "v1.33.0"), ammp(), Optional.of(g)));
    assertThat(p.cloudActions()).isEmpty();
    assertThat(p.steps()).anyMatch(s -> s.contains("in progress"));
    assertThat(p.requeueAfter()).contains(AzureManagedMachinePoolPlanner.OPERATION_REQUEUE);
  }

  @Test
  void aStoppedUpgradeIsResumed() {
    ScalingGroup g = group(3, model("1.32.0", false), Optional.empty());
    g = ScalingGroup.builder().from(g).model(model("1.33.0", false)).build();
    PoolPlan p = planner.plan(obs(mp(3, "v1.33.0"), ammp(), Optional.of(g)));
    assertThat(p.cloudActions()).singleElement().isInstanceOf(CloudAction.StartRollingReplacement.class);
  }

  @Test
  void aDeletedPoolDeletesTheAgentPool() {
    AzureManagedMachinePool a = ammp();
    a = a.withMetadata(new ObjectMetaBuilder(a.metadata()).withDeletionTimestamp(T0.toString()).build());
    PoolPlan p = planner.plan(obs(mp(3, "v1.32.0"), a, Optional.of(group(3, model("1.32.0", false), Optional.empty()))));
    assertThat(p.cloudActions()).singleElement().isInstanceOf(CloudAction.DeleteGroup.class);
  }

  @ParameterizedTest(name = "count {0}: max healthy 100 + {1}")
  @CsvSource({"1, 100", "2, 50", "3, 34", "5, 20", "7, 15", "100, 1", "150, 1"})
  void surgeIsOneNode(int count, int percent) {
    assertThat(AzureManagedMachinePoolPlanner.surgePercent(count)).isEqualTo(percent);
    assertThat(Math.floor(count * (100.0 + percent) / 100)).isGreaterThanOrEqualTo(count + 1);
  }
}
