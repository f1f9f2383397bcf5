package io.capi4j.testing.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's random-order runs: every scenario, with tasks skipped and repeated at random (seeds 0..24), must still
 * converge within 150 iterations without breaching maxSurge or maxUnavailable.
 */
class RolloutSimulationRandomOrderTest {
  static final int SEEDS = 25;

  static Stream<Named<RolloutScenario>> scenarios() {
    return RolloutScenarios.all().stream().map(s -> Named.of(s.name(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void convergesInRandomOrder(RolloutScenario scenario) {
    IntStream.range(0, SEEDS).forEach(seed -> {
      RolloutTrace trace = RolloutSimulation.run(scenario, TaskOrder.random(seed));
      assertThat(trace.failure()).as("seed %d:%n%s", seed, trace.text()).isEmpty();
      assertThat(trace.converged()).isTrue();
      assertThat(trace.iterations()).isLessThanOrEqualTo(RolloutSimulation.RANDOM_MAX_ITERATIONS);
      assertThat(trace.text()).contains("[Test] Rollout").contains(", random(" + seed + ")").contains("[Test] Final state");
    });
  }

  @Test
  void sameSeedSameTrace() {
    RolloutScenario s = RolloutScenarios.all().get(11);
    assertThat(RolloutSimulation.run(s, TaskOrder.random(3)).text()).isEqualTo(RolloutSimulation.run(s, TaskOrder.random(3)).text());
    assertThat(RolloutSimulation.run(s, TaskOrder.random(3)).text()).isNotEqualTo(RolloutSimulation.run(s, TaskOrder.random(4)).text());
  }
}
