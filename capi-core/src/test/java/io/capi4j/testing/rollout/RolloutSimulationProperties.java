package io.capi4j.testing.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Generated RollingUpdate rollouts (1–60 replicas, maxSurge/maxUnavailable as ints and percents, in-place on and off,
 * from a stable state, midway, midway with a scale change, or midway with a spec change; default and random task
 * orders) must converge within 150 iterations without breaching {@code spec.replicas + maxSurge} or
 * {@code spec.replicas - maxUnavailable} (breaches already present in the initial state are tolerated, as upstream
 * tolerates them), and end with every Machine on the current MachineSet.
 *
 * <p>A rollout moves at most {@code maxSurge + maxUnavailable} Machines per round ({@code maxUnavailable + 1} when
 * updating in place, since surge is capped to one Machine then), and a round takes a few iterations; cases that need
 * more than 8 rounds cannot finish in 150 iterations by design and are not generated.
 */
class RolloutSimulationProperties {
  static final int MAX_ITERATIONS = 150;

  /** One generated case. */
  record Case(
      int replicas, int mdReplicas, IntOrString maxSurge, IntOrString maxUnavailable, boolean inPlace, int shape, int split,
      long seed, boolean random) {

    RolloutScenario scenario() {
      String mdVersion = shape == 3 ? "v3" : "v2";
      List<ScenarioMachineSet> sets = new ArrayList<>();
      if (shape == 0) {
        sets.add(RolloutScenarios.ms("ms1", "v1", replicas, 1, replicas));
      } else {
        int old = replicas * split / 100;
        sets.add(RolloutScenarios.ms("ms1", "v1", old, 1, old));
        sets.add(RolloutScenarios.ms("ms2", "v2", replicas - old, old + 1, replicas));
      }
      return RolloutScenario.builder()
          .name("generated")
          .maxSurge(maxSurge)
          .maxUnavailable(maxUnavailable)
          .inPlaceUpdates(inPlace)
          .machineDeployment(ScenarioMachineDeployment.of(mdVersion, shape == 2 ? mdReplicas : replicas))
          .machineSets(sets)
          .maxIterations(MAX_ITERATIONS)
          .build();
    }

    TaskOrder order() {
      return random ? TaskOrder.random(seed) : TaskOrder.DEFAULT;
    }

    /** Rounds of at most surge + unavailable Machines (unavailable + 1 in place) that the rollout needs at least. */
    int rounds() {
      int desired = shape == 2 ? mdReplicas : replicas;
      int surge = IntOrPercent.scaled(maxSurge, desired, true);
      int unavailable = IntOrPercent.scaled(maxUnavailable, desired, false);
      if (surge == 0 && unavailable == 0) {
        unavailable = 1;
      }
      unavailable = Math.min(unavailable, desired);
      int perRound = inPlace ? unavailable + Math.min(surge, 1) : surge + unavailable;
      int work = Math.max(desired, replicas);
      return perRound == 0 ? Integer.MAX_VALUE : (work + perRound - 1) / perRound;
    }
  }

  static Arbitrary<IntOrString> intOrPercent() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 62).map(IntOrPercent::of),
        Arbitraries.integers().between(0, 100).map(p -> IntOrPercent.of(p + "%")));
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(1, 60),
            intOrPercent(),
            intOrPercent(),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 100),
            Arbitraries.longs().between(0, 1_000_000))
        .as((r, mdR, s, u, inPlace, shape, split, seed) -> new Case(r, mdR, s, u, inPlace, shape, split, seed, seed % 4 != 0));
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
  void rollingUpdatesConvergeWithinBounds(@ForAll("cases") Case c) {
    Assume.that(c.rounds() <= 8);
    RolloutScenario scenario = c.scenario();
    RolloutTrace trace = RolloutSimulation.run(scenario, c.order());
    assertThat(trace.failure()).as("%s%n%s", c, trace.text()).isEmpty();
    assertThat(trace.converged()).isTrue();
    assertThat(trace.iterations()).isLessThanOrEqualTo(MAX_ITERATIONS);
    int desired = scenario.machineDeployment().replicas();
    String version = scenario.machineDeployment().version();
    String last = trace.text().substring(trace.text().lastIndexOf("[Test] Final state"));
    String current = version.equals("v2") ? "ms2" : "ms3";
    // upToDate counts are as of the last reconcile of each object, which a random order may skip.
    assertThat(last).contains("    md: " + desired + "/" + desired + " replicas, " + desired + " available, ");
    assertThat(last).contains("    " + current + ": " + desired + "/" + desired + " replicas, " + desired + " available, ");
    assertThat(last).doesNotContain("🟡").doesNotContain("🟠");
  }

  @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
  void onDeleteRolloutsConverge(
      @ForAll("smallReplicas") int replicas, @ForAll("smallReplicas") int mdReplicas, @ForAll("userUnavailable") int maxUserUnavailable,
      @ForAll boolean random, @ForAll("seeds") long seed) {
    Assume.that((Math.max(replicas, mdReplicas) + maxUserUnavailable - 1) / maxUserUnavailable <= 8);
    RolloutScenario s = RolloutScenario.builder()
        .name("generated")
        .strategy("OnDelete")
        .maxUserUnavailable(maxUserUnavailable)
        .machineDeployment(ScenarioMachineDeployment.of("v2", mdReplicas))
        .addMachineSet(RolloutScenarios.ms("ms1", "v1", replicas, 1, replicas))
        .maxIterations(MAX_ITERATIONS)
        .build();
    RolloutTrace trace = RolloutSimulation.run(s, random ? TaskOrder.random(seed) : TaskOrder.DEFAULT);
    assertThat(trace.failure()).as(trace.text()).isEmpty();
    assertThat(trace.converged()).isTrue();
  }

  @Provide
  Arbitrary<Integer> smallReplicas() {
    return Arbitraries.integers().between(1, 30);
  }

  @Provide
  Arbitrary<Integer> userUnavailable() {
    return Arbitraries.integers().between(1, 10);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs().between(0, 1_000_000);
  }
}
