package io.capi4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.machineset.MachineDeletion;
import io.capi4j.machineset.MachineSetPlan;
import io.capi4j.testing.rollout.RolloutSimulation;
import io.capi4j.testing.rollout.RolloutTrace;
import io.capi4j.testing.rollout.TaskOrder;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they claim to: small versions of their workloads, checked (no timing here). */
class BenchmarkWorkloadsTest {
  @Test
  void mdSnapshotReconcileScalesTheOldMachineSetDownAndDeletesThatManyMachines() {
    MdSnapshot s = MdSnapshot.build(1100); // 1000 replicas: old 800 Machines, new 300 (50 provisioning)
    assertThat(s.machineCount()).isEqualTo(1100);
    MdSnapshot.Reconcile r = s.reconcile();

    assertThat(r.rollout().newMachineSetCreated()).isFalse();
    assertThat(r.rollout().newMachineSet()).hasValueSatisfying(ms -> assertThat(ms.name()).isEqualTo(s.newMs.name()));
    // maxSurge 100 is used up; 50 new Machines are not available yet, so the old MachineSet may lose 50.
    assertThat(r.rollout().scaleIntents()).containsExactly(java.util.Map.entry(s.oldMs.name(), 750));
    assertThat(r.machineSetPlans()).hasSize(2);
    for (MachineSetPlan p : r.machineSetPlans()) {
      assertThat(p.errors()).isEmpty();
      assertThat(p.machinesToAdopt()).isEmpty();
      assertThat(p.machinesToUpdate()).isEmpty();
      assertThat(p.machinesToCreate()).isEmpty();
      assertThat(p.conditionPatches()).isEmpty();
    }
    MachineSetPlan old = r.machineSetPlans().stream()
        .filter(p -> p.machineSet().name().equals(s.oldMs.name())).findFirst().orElseThrow();
    assertThat(old.machinesToDelete()).as("first steps: %s", old.steps().subList(0, Math.min(5, old.steps().size())))
        .hasSize(50)
        .allSatisfy((MachineDeletion d) -> assertThat(d.machine().name()).startsWith(s.oldMs.name()));
    assertThat(old.machineSet().status().orElseThrow().replicas()).contains(800);
    MachineSetPlan cur = r.machineSetPlans().stream()
        .filter(p -> p.machineSet().name().equals(s.newMs.name())).findFirst().orElseThrow();
    assertThat(cur.machinesToDelete()).isEmpty();
    assertThat(cur.machineSet().status().orElseThrow().readyReplicas()).contains(250);

    assertThat(s.barePass()).isPositive();
  }

  @Test
  void theRolloutTraceScenarioConverges() {
    RolloutTrace t = RolloutSimulation.run(RolloutTraceBenchmark.scenario(100), TaskOrder.DEFAULT);
    assertThat(t.converged()).as(t.text()).isTrue();
    assertThat(t.text()).contains("[Test] Rollout 100 replicas, MaxSurge=10%, MaxUnavailable=0\n");
  }

  @Test
  void scaleUpsReachEveryNode() {
    ScaleUp.Result md = ScaleUp.run("docker", ScaleUp.Flow.MACHINE_DEPLOYMENT, 20, 1);
    assertThat(md.ready()).isTrue();
    assertThat(md.machines()).isEqualTo(20);
    assertThat(md.events()).isPositive();
    ScaleUp.Result pool = ScaleUp.run("docker", ScaleUp.Flow.MACHINE_POOL, 20, 1);
    assertThat(pool.ready()).isTrue();
    assertThat(pool.readyNodes()).isEqualTo(20);
  }
}
