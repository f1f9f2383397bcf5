package io.capi4j.examples;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code capi-examples}: what Cluster API would do, computed by capi4j without a cluster. */
@Command(
    name = "capi-examples",
    mixinStandardHelpOptions = true,
    version = "capi-examples 0.1.0",
    description = "What Cluster API would do, computed by capi4j without a cluster.",
    subcommands = {ValidateCommand.class, ProvidersCommand.class, ObjectsCommand.class, RolloutTraceCommand.class,
      ScaleBenchmarkCommand.class, RolloutPreviewCommand.class, HealthCheckCommand.class, BenchCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }

  /** Runs the CLI with the given output streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
          return 2;
        });
    return cl.execute(args);
  }
}
