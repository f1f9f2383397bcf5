package io.capi4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code bench [REGEXP...] [JMH options]}: runs the JMH benchmarks in {@code io.capi4j.examples.bench} through
 * JMH's own command line ({@code org.openjdk.jmh.Main}), every argument passed through unchanged.
 */
@Command(
    name = "bench",
    description = {
      "Runs capi4j's JMH benchmarks (MdReconcile, RolloutTrace, Simulation); every argument goes to JMH.",
      "Examples: bench -l (list), bench MdReconcile, bench Simulation -p provider=azure, bench -h (JMH's options).",
      "Benchmarks fork a JVM from this jar: run them as java -jar capi-examples.jar bench ..."
    })
final class BenchCommand implements Callable<Integer> {
  // No standard help options: -h, -l and everything else belong to JMH.
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    org.openjdk.jmh.Main.main(args.toArray(new String[0]));
    return 0;
  }
}
