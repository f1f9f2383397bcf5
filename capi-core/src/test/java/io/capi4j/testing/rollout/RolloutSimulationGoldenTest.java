package io.capi4j.testing.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden sequence tests: each of upstream's 23 deterministic rollout scenarios, run in the default order, must
 * produce exactly the trace stored under {@code src/test/resources/io/capi4j/testing/rollout/golden/}. Those traces
 * were checked against upstream Cluster API's golden files. Regenerate them with {@code -Dgolden.update=true}.
 */
class RolloutSimulationGoldenTest {
  static final String DIR = "io/capi4j/testing/rollout/golden/";

  static Stream<Named<RolloutScenario>> scenarios() {
    return RolloutScenarios.all().stream().map(s -> Named.of(s.name(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void traceMatchesGolden(RolloutScenario scenario) throws IOException {
    RolloutTrace trace = RolloutSimulation.run(scenario, TaskOrder.DEFAULT);
    assertThat(trace.failure()).isEmpty();
    assertThat(trace.converged()).isTrue();
    String file = RolloutScenarios.slug(scenario) + ".trace";
    if (Boolean.getBoolean("golden.update")) {
      Path p = Path.of(System.getProperty("basedir", "."), "src/test/resources", DIR, file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, trace.text(), StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(DIR + file)) {
      assertThat(in).as("golden file %s (generate with -Dgolden.update=true)", file).isNotNull();
      assertThat(trace.text()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
