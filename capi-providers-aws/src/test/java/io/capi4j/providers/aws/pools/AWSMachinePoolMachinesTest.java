package io.capi4j.providers.aws.pools;

import static io.capi4j.providers.aws.pools.AWSMachinePoolPlannerTest.created;
import static io.capi4j.providers.aws.pools.AWSMachinePoolPlannerTest.group;
import static io.capi4j.providers.aws.pools.AWSMachinePoolPlannerTest.instance;
import static io.capi4j.providers.aws.pools.AWSMachinePoolPlannerTest.mp;
import static io.capi4j.providers.aws.pools.AWSMachinePoolPlannerTest.obs;
import static io.capi4j.providers.aws.pools.AWSMachinePoolPlannerTest.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolPlan;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * MachinePool Machines of an AWSMachinePool (upstream's {@code awsmachinepool_machines.go} cases: gate off, gate on
 * with ASG instances 1 and 2, orphan deletion when the ASG holds only instance 1) and the pool-machine part of the
 * AWSMachine controller that capi4j folds in.
 */
class AWSMachinePoolMachinesTest {
  static final AWSMachinePoolPlanner PLANNER = new AWSMachinePoolPlanner();

  static PoolPlan planWith(ScalingGroup g, AWSMachinePool pool, List<Object> awsMachines, List<Machine> machines,
      boolean gate) {
    return PLANNER.plan(obs(mp(g.capacity()), pool).scalingGroup(g).infraMachines(awsMachines).machines(machines)
        .machinePoolMachines(gate).build());
  }

  static Machine machine(String name) {
    return Machine.builder().metadata(new ObjectMetaBuilder().withName(name).withNamespace("default")
        .withLabels(java.util.Map.of(Capi.MACHINE_POOL_NAME_LABEL, "mp")).build()).build();
  }

  static AWSMachine ownedBy(AWSMachine m, String machineName) {
    OwnerReference ref = new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind("Machine")
        .withName(machineName).build();
    List<OwnerReference> refs = new java.util.ArrayList<>(m.metadata().getOwnerReferences());
    refs.add(ref);
    return m.withMetadata(new ObjectMetaBuilder(m.metadata()).withOwnerReferences(refs).build());
  }

  @Test
  void gateOffNoAWSMachines() {
    var c = created(mp(2), pool());
    PoolPlan p = planWith(group(2, c.model(), Optional.empty()), c.pool(), List.of(), List.of(), false);
    assertThat(p.infraMachinesToApply()).isEmpty();
    assertThat(((AWSMachinePool) p.infraPool()).status().orElseThrow().infrastructureMachineKind()).isEmpty();
    assertThat(p.requeueAfter()).isEmpty();
  }

  @Test
  void gateOnOneAWSMachinePerInstance() {
    var c = created(mp(2), pool());
    ScalingGroup g = group(2, c.model(), Optional.empty());
    g = ScalingGroup.builder().from(g).instances(List.of(g.instances().get(0), instance("2", InstanceState.CREATING, c.model()))).build();
    PoolPlan p = planWith(g, c.pool(), List.of(), List.of(), true);
    assertThat(p.infraMachinesToApply()).hasSize(2);
    AWSMachine m1 = (AWSMachine) p.infraMachinesToApply().get(0);
    assertThat(m1.name()).isEqualTo("mp-i-1");
    assertThat(m1.namespace()).isEqualTo("default");
    assertThat(m1.labels()).containsEntry(Capi.MACHINE_POOL_NAME_LABEL, "mp").containsEntry(Capi.CLUSTER_NAME_LABEL, "c1");
    assertThat(m1.metadata().getOwnerReferences()).singleElement().satisfies(r -> {
      assertThat(r.getKind()).isEqualTo("AWSMachinePool");
      assertThat(r.getName()).isEqualTo("mp");
      assertThat(r.getUid()).isEqualTo("uid-amp");
      assertThat(r.getBlockOwnerDeletion()).isTrue();
    });
    assertThat(m1.metadata().getFinalizers()).containsExactly(AWSMachinePoolPlanner.MACHINE_FINALIZER);
    assertThat(m1.spec().providerID()).contains("aws:///us-east-1a/i-1");
    assertThat(m1.spec().instanceID()).contains("i-1");
    assertThat(m1.spec().instanceType()).isEqualTo("m5.large");
    assertThat(m1.spec().ami().orElseThrow().id()).contains("ami-abcdef123");
    assertThat(m1.status().orElseThrow().ready()).contains(true);
    assertThat(m1.status().orElseThrow().instanceState()).contains("running");
    AWSMachine m2 = (AWSMachine) p.infraMachinesToApply().get(1);
    assertThat(m2.name()).isEqualTo("mp-i-2");
    assertThat(m2.status().orElseThrow().ready()).contains(false);
    assertThat(m2.status().orElseThrow().instanceState()).contains("pending");
    assertThat(((AWSMachinePool) p.infraPool()).status().orElseThrow().infrastructureMachineKind()).isEqualTo("AWSMachine");
    assertThat(p.requeueAfter()).contains(Duration.ofMinutes(3));

    // Next pass: both exist; only the one whose instance now runs changes.
    ScalingGroup running = group(2, c.model(), Optional.empty());
    PoolPlan next = planWith(running, (AWSMachinePool) p.infraPool(), List.copyOf(p.infraMachinesToApply()), List.of(), true);
    assertThat(next.infraMachinesToApply()).singleElement()
        .satisfies(o -> assertThat(((AWSMachine) o).status().orElseThrow().ready()).contains(true));
    assertThat(next.steps()).contains("machines: AWSMachine mp-i-2: instance i-2 is running (ready)");
  }

  @Test
  void orphansGetTheirMachineDeletedOrAreDeletedThemselves() {
    var c = created(mp(2), pool());
    PoolPlan first = planWith(group(2, c.model(), Optional.empty()), c.pool(), List.of(), List.of(), true);
    AWSMachine m1 = (AWSMachine) first.infraMachinesToApply().get(0);
    AWSMachine m2 = (AWSMachine) first.infraMachinesToApply().get(1);
    ScalingGroup onlyOne = group(1, c.model(), Optional.empty());

    PoolPlan withOwner = planWith(onlyOne, c.pool(), List.of(m1, ownedBy(m2, "machine-2")),
        List.of(machine("machine-2")), true);
    assertThat(withOwner.machinesToDelete()).singleElement().satisfies(d -> {
      assertThat(d.machineName()).isEqualTo("machine-2");
      assertThat(d.reason()).isEqualTo("the instance of its AWSMachine mp-i-2 (aws:///us-east-1a/i-2) left the ASG");
    });
    assertThat(withOwner.infraMachinesToDelete()).isEmpty();

    PoolPlan noOwner = planWith(onlyOne, c.pool(), List.of(m1, m2), List.of(), true);
    assertThat(noOwner.machinesToDelete()).isEmpty();
    assertThat(noOwner.infraMachinesToDelete()).containsExactly("mp-i-2");
  }

  @Test
  void aDeletingAWSMachineTerminatesItsInstanceThenReleasesItsFinalizer() {
    var c = created(mp(2), pool());
    PoolPlan first = planWith(group(2, c.model(), Optional.empty()), c.pool(), List.of(), List.of(), true);
    AWSMachine m2 = (AWSMachine) first.infraMachinesToApply().get(1);
    AWSMachine deleting = m2.withMetadata(new ObjectMetaBuilder(m2.metadata())
        .withDeletionTimestamp("2026-01-01T00:09:00Z").build());
    AWSMachine m1 = (AWSMachine) first.infraMachinesToApply().get(0);

    PoolPlan p = planWith(group(2, c.model(), Optional.empty()), c.pool(), List.of(m1, deleting), List.of(), true);
    assertThat(p.cloudActions()).containsExactly(new CloudAction.DeleteInstance("mp", "2", false,
        "AWSMachine mp-i-2 is being deleted: terminate its instance"));

    PoolPlan gone = planWith(group(1, c.model(), Optional.empty()), c.pool(), List.of(m1, deleting), List.of(), true);
    assertThat(gone.cloudActions()).isEmpty();
    assertThat(gone.infraMachinesToApply()).singleElement()
        .satisfies(o -> assertThat(((AWSMachine) o).metadata().getFinalizers()).isEmpty());
  }
}
