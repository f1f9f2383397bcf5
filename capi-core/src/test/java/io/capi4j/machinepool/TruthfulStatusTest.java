package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.spi.PoolInstance;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link StatusPolicy#TRUTHFUL} counters and conditions, against upstream's. */
class TruthfulStatusTest {

  /** Three instances mid-rollout: one on the new model, two on the old one; all Nodes Ready for an hour. */
  static ImmutableMachinePoolInput.Builder midRollout(MachinePool mp) {
    List<String> ids = List.of("test://1", "test://2", "test://3");
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      nodes.add(Fixtures.readyNode("node-" + (i + 1), ids.get(i)));
    }
    return Fixtures.input(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret"))
        .infraMachinePool(Fixtures.infraPool("mp", true, ids, 3, null))
        .nodes(nodes)
        .poolInstances(List.of(
            PoolInstance.builder().providerID("test://1").upToDate(true).build(),
            PoolInstance.builder().providerID("test://2").upToDate(false).build(),
            PoolInstance.builder().providerID("test://3").upToDate(false).build()));
  }

  static Condition condition(MachinePool mp, String type) {
    return Conditions.get(mp.status().orElseThrow().conditions(), type).orElseThrow(() -> new AssertionError(type));
  }

  @Test
  void midRolloutUpToDateIsLowerThanDesired() {
    MachinePool mp = Fixtures.machinePool("mp", 3);
    MachinePoolStatus upstream = MachinePoolPlanner.plan(midRollout(mp).options(MachinePoolOptions.upstream()).build())
        .machinePool().status().orElseThrow();
    assertThat(upstream.upToDateReplicas()).as("upstream: spec.replicas").contains(3);
    assertThat(upstream.conditions()).extracting(Condition::getType).containsExactly(Capi.Conditions.PAUSED);

    MachinePool truthful = MachinePoolPlanner.plan(midRollout(mp).build()).machinePool();
    MachinePoolStatus st = truthful.status().orElseThrow();
    assertThat(st.replicas()).contains(3);
    assertThat(st.readyReplicas()).contains(3);
    assertThat(st.availableReplicas()).contains(3);
    assertThat(st.upToDateReplicas()).contains(1);
    assertThat(condition(truthful, Capi.Conditions.ROLLING_OUT)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("RollingOut");
      assertThat(c.getMessage()).isEqualTo("Rolling out 2 not up-to-date replicas");
    });
    assertThat(condition(truthful, Capi.Conditions.AVAILABLE).getStatus()).isEqualTo("True");
    assertThat(condition(truthful, Capi.Conditions.SCALING_UP).getReason()).isEqualTo("NotScalingUp");
    assertThat(condition(truthful, Capi.Conditions.SCALING_DOWN).getReason()).isEqualTo("NotScalingDown");
    assertThat(st.conditions()).extracting(Condition::getType)
        .doesNotContain(Capi.Conditions.MACHINES_READY, Capi.Conditions.MACHINES_UP_TO_DATE);
  }

  @Test
  void unknownInstancesCountAsNotUpToDateAndNoReportLeavesTheCounterUnset() {
    MachinePool mp = Fixtures.machinePool("mp", 3);
    MachinePoolStatus some = MachinePoolPlanner.plan(midRollout(mp).poolInstances(List.of(
        PoolInstance.builder().providerID("test://1").upToDate(true).build(),
        PoolInstance.builder().providerID("test://2").build())).build()).machinePool().status().orElseThrow();
    assertThat(some.upToDateReplicas()).contains(1);

    MachinePool none = MachinePoolPlanner.plan(midRollout(mp).poolInstances(java.util.Optional.empty()).build()).machinePool();
    assertThat(none.status().orElseThrow().upToDateReplicas()).isEmpty();
    assertThat(condition(none, Capi.Conditions.ROLLING_OUT)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("Unknown");
      assertThat(c.getReason()).isEqualTo(PoolStatus.INSTANCES_NOT_REPORTED);
    });
  }

  @Test
  void readyAndAvailableComeFromTheNodesNotFromTheInfrastructureCount() {
    MachinePool mp = Fixtures.machinePool("mp", 3);
    mp = mp.withSpec(mp.spec().withTemplate(mp.spec().templateOrEmpty().withSpec(
        mp.spec().templateOrEmpty().specOrEmpty().withMinReadySeconds(60))));
    List<Node> nodes = List.of(
        Fixtures.readyNode("node-1", "test://1"),
        Fixtures.node("node-2", "test://2", true, Fixtures.NOW.minusSeconds(20), "v1.32.0"),
        Fixtures.node("node-3", "test://3", false, Fixtures.NOW.minusSeconds(20), "v1.32.0"));
    MachinePoolPlan upstream = MachinePoolPlanner.plan(midRollout(mp).nodes(nodes).options(MachinePoolOptions.upstream()).build());
    assertThat(upstream.machinePool().status().orElseThrow().readyReplicas()).as("upstream: status.replicas").contains(3);
    assertThat(upstream.machinePool().status().orElseThrow().availableReplicas()).contains(3);

    MachinePoolPlan plan = MachinePoolPlanner.plan(midRollout(mp).nodes(nodes).build());
    MachinePool out = plan.machinePool();
    assertThat(out.status().orElseThrow().readyReplicas()).contains(2);
    assertThat(out.status().orElseThrow().availableReplicas()).contains(1);
    assertThat(condition(out, Capi.Conditions.AVAILABLE)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("NotAvailable");
      assertThat(c.getMessage()).isEqualTo("1 available replicas, at least 3 required");
    });
    // Not all ready: upstream's 30s; node-2 becomes available in 41s, so 30s wins.
    assertThat(plan.requeueAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void scalingConditionsLikeMachineDeployments() {
    MachinePool mp = Fixtures.machinePool("mp", 5);
    MachinePool up = MachinePoolPlanner.plan(midRollout(mp).build()).machinePool();
    assertThat(condition(up, Capi.Conditions.SCALING_UP)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getMessage()).isEqualTo("Scaling up from 3 to 5 replicas");
    });
    MachinePool down = MachinePoolPlanner.plan(midRollout(Fixtures.machinePool("mp", 1)).build()).machinePool();
    assertThat(condition(down, Capi.Conditions.SCALING_DOWN)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getMessage()).isEqualTo("Scaling down from 3 to 1 replicas");
    });
    MachinePool noReplicas = MachinePoolPlanner.plan(midRollout(Fixtures.machinePool("mp", null)).build()).machinePool();
    assertThat(condition(noReplicas, Capi.Conditions.AVAILABLE).getReason()).isEqualTo("WaitingForReplicasSet");
  }

  @Test
  void scalingUpIsBlockedWhenTheInfrastructureDoesNotExist() {
    MachinePool mp = Fixtures.machinePool("mp", 2);
    MachinePoolPlan plan = MachinePoolPlanner.plan(Fixtures.input(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret")).build());
    assertThat(plan.errors()).containsExactly("failed to retrieve FakeMachinePool default/mp: not found");
    assertThat(condition(plan.machinePool(), Capi.Conditions.SCALING_UP).getMessage())
        .isEqualTo("Scaling up from 0 to 2 replicas is blocked because FakeMachinePool does not exist");

    MachinePoolPlan both = MachinePoolPlanner.plan(Fixtures.input(mp).build());
    assertThat(condition(both.machinePool(), Capi.Conditions.SCALING_UP).getMessage())
        .isEqualTo("Scaling up from 0 to 2 replicas is blocked because KubeadmConfig and FakeMachinePool do not exist");
  }

  @Test
  void machinesConditionsAggregateTheMachinePoolMachines() {
    MachinePool mp = Fixtures.machinePool("mp", 2);
    Machine ready = withConditions(Fixtures.machine("fake-1", "mp", "fake-1"),
        Conditions.of("Ready", "True", "Ready", "", Fixtures.NOW));
    Machine notReady = withConditions(Fixtures.machine("fake-2", "mp", "fake-2"),
        Conditions.of("Ready", "False", "NotReady", "* NodeHealthy: Node not ready", Fixtures.NOW));
    MachinePoolPlan plan = MachinePoolPlanner.plan(Fixtures.input(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of("test://1", "test://2"), 2, "FakeMachine"))
        .addInfraMachines(Fixtures.infraMachine("mp", "fake-1", "test://1"), Fixtures.infraMachine("mp", "fake-2", "test://2"))
        .addMachines(ready, notReady)
        .poolInstances(List.of(PoolInstance.builder().providerID("test://1").upToDate(true).build(),
            PoolInstance.builder().providerID("test://2").upToDate(false).build()))
        .build());
    MachinePool out = plan.machinePool();
    assertThat(condition(out, Capi.Conditions.MACHINES_READY)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("NotReady");
      assertThat(c.getMessage()).isEqualTo("* Machine fake-2:\n  * NodeHealthy: Node not ready");
    });
    assertThat(condition(out, Capi.Conditions.MACHINES_UP_TO_DATE)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("NotUpToDate");
      assertThat(c.getMessage()).isEqualTo("* Machine fake-2:\n  * Instance is not on the MachinePool's latest model");
    });
    assertThat(out.status().orElseThrow().upToDateReplicas()).contains(1);
  }

  static Machine withConditions(Machine m, Condition... cs) {
    return m.withStatus(MachineStatus.builder().addConditions(cs).build())
        .withSpec(m.spec().withInfrastructureRef(ContractVersionedObjectReference.of(Fixtures.INFRA_GROUP, "FakeMachine", m.name())));
  }
}
