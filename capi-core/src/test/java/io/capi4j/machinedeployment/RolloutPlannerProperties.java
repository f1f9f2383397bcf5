package io.capi4j.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Invariants of single plans over arbitrary (even inconsistent) MachineSet states: planning never fails on valid
 * input, is deterministic, never scales an old MachineSet up, never scales the current one beyond
 * {@code spec.replicas}, never produces a negative size, and only names MachineSets it knows.
 */
class RolloutPlannerProperties {
  record State(int replicas, IntOrString surge, IntOrString unavailable, boolean onDelete, boolean inPlace, List<int[]> sets, long seed) {
    MachineDeployment md() {
      MachineDeploymentRolloutStrategy strategy = onDelete
          ? MachineDeploymentRolloutStrategy.builder().type("OnDelete").build()
          : MachineDeploymentRolloutStrategy.builder().type("RollingUpdate")
              .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(surge, unavailable)).build();
      MachineDeployment md = Fixtures.md("v3", replicas);
      return md.withSpec(md.spec().withRollout(MachineDeploymentRolloutSpec.builder().strategy(strategy).build()));
    }

    /** Each set: version (1..3), spec, status, available, upToDate, pending-acknowledge Machines. */
    List<MachineSet> machineSets() {
      List<MachineSet> l = new ArrayList<>();
      for (int i = 0; i < sets.size(); i++) {
        int[] s = sets.get(i);
        int st = s[2];
        int av = Math.min(s[3], st);
        l.add(Fixtures.ms("ms" + (i + 1), "v" + s[0], s[1]).counts(s[1], st, av).upToDate(Math.min(s[4], av))
            .annotation(Capi.REVISION_ANNOTATION, Integer.toString(i + 1)).build());
      }
      return l;
    }

    List<Machine> machines() {
      List<Machine> l = new ArrayList<>();
      int n = 1;
      for (int i = 0; i < sets.size(); i++) {
        int[] s = sets.get(i);
        for (int k = 0; k < s[2]; k++) {
          String[] annotations = k < s[5] ? new String[] {Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION, Capi.UPDATE_IN_PROGRESS_ANNOTATION} : new String[0];
          l.add(Fixtures.m("m" + n++, "ms" + (i + 1), "v" + s[0], annotations));
        }
      }
      return l;
    }

    RolloutInput input() {
      return RolloutInput.builder().machineDeployment(md()).machineSets(machineSets()).machines(machines())
          .now(Instant.parse("2025-01-01T00:00:00Z")).random(new SplittableRandom(seed)).inPlaceUpdates(inPlace)
          .canUpdateMachineSetInPlace((o, n) -> (o.name().hashCode() + seed) % 2 == 0).build();
    }
  }

  static Arbitrary<IntOrString> intOrPercent() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 20).map(IntOrPercent::of),
        Arbitraries.integers().between(0, 100).map(p -> IntOrPercent.of(p + "%")));
  }

  @Provide
  Arbitrary<State> states() {
    Arbitrary<int[]> set = Combinators.combine(
            Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60),
            Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 3))
        .as((v, spec, st, av, utd, pending) -> new int[] {v, spec, st, av, utd, Math.min(pending, st)});
    return Combinators.combine(
            Arbitraries.integers().between(0, 60), intOrPercent(), intOrPercent(), Arbitraries.of(true, false),
            Arbitraries.of(true, false), set.list().ofMinSize(0).ofMaxSize(4), Arbitraries.longs())
        .as(State::new);
  }

  @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
  void plansKeepTheirInvariants(@ForAll("states") State s) {
    RolloutInput input = s.input();
    RolloutPlan plan = RolloutPlanner.plan(input);
    assertThat(RolloutPlanner.plan(s.input())).isEqualTo(plan);

    Set<String> known = new HashSet<>();
    input.machineSets().forEach(ms -> known.add(ms.name()));
    plan.newMachineSet().ifPresent(ms -> known.add(ms.name()));
    assertThat(known).containsAll(plan.scaleIntents().keySet()).containsAll(plan.notes().keySet());
    plan.steps().forEach(step -> assertThat(known).contains(step.machineSet()));

    MachineSet newMS = plan.newMachineSet().orElseThrow();
    assertThat(newMS.annotations()).containsEntry(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false").containsKey(Capi.REVISION_ANNOTATION);
    for (Map.Entry<String, Integer> e : plan.scaleIntents().entrySet()) {
      assertThat(e.getValue()).isGreaterThanOrEqualTo(0);
      if (e.getKey().equals(newMS.name())) {
        assertThat(e.getValue()).isLessThanOrEqualTo(s.replicas());
      } else {
        MachineSet old = plan.oldMachineSets().stream().filter(ms -> ms.name().equals(e.getKey())).findFirst().orElseThrow();
        assertThat(e.getValue()).isLessThanOrEqualTo(MachineDeploymentUtil.specReplicas(old));
      }
    }
    for (MachineSet old : plan.oldMachineSets()) {
      assertThat(old.annotations()).containsEntry(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, s.onDelete() ? "true" : "false");
      assertThat(old.annotations()).doesNotContainKey(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION);
    }
    AppliedRollout applied = RolloutPlanner.apply(plan);
    assertThat(applied.machineSets()).hasSize(plan.oldMachineSets().size() + 1);
    assertThat(applied.created()).hasSize(plan.newMachineSetCreated() ? 1 : 0);
    assertThat(plan.machineSetsToDelete()).allSatisfy(name -> assertThat(plan.desiredReplicas(name)).contains(0));
  }
}
