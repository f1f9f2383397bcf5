package io.capi4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code bench}: the JMH benchmark list is generated, and {@code bench -l} lists it (nothing is run). */
class BenchCommandTest {
  static final String[] BENCHMARKS = {
    "io.capi4j.examples.bench.MdReconcileBenchmark.reconcile",
    "io.capi4j.examples.bench.MdReconcileBenchmark.barePass",
    "io.capi4j.examples.bench.MdReconcileBenchmark.rolloutPlanOnly",
    "io.capi4j.examples.bench.RolloutTraceBenchmark.rollingUpdate",
    "io.capi4j.examples.bench.SimulationBenchmark.machineDeploymentScaleUp",
    "io.capi4j.examples.bench.SimulationBenchmark.machinePoolScaleUp",
    "io.capi4j.examples.bench.SimulationBenchmark.machineDeploymentEvents",
  };

  @Test
  void theAnnotationProcessorWritesTheBenchmarkList() throws Exception {
    try (InputStream in = BenchCommandTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList").isNotNull();
      String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(list).contains("io.capi4j.examples.bench.MdReconcileBenchmark",
          "io.capi4j.examples.bench.RolloutTraceBenchmark", "io.capi4j.examples.bench.SimulationBenchmark");
    }
  }

  @Test
  void benchListPassesTheOptionToJmh() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code = Main.run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true),
          "bench", "-l", "MdReconcile|RolloutTrace|Simulation");
    } finally {
      System.setOut(original);
    }
    assertThat(code).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("Benchmarks:").contains(BENCHMARKS);
  }
}
