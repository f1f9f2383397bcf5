package io.capi4j.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code capi-examples}: what Cluster API would do, computed by capi4j without a cluster. */
@Command(
    name = "capi-examples",
    mixinStandardHelpOptions = true,
    version = "capi-examples 0.1.0",
    description = "What Cluster API would do, computed by capi4j without a cluster.",
    subcommands = {ValidateCommand.class, RolloutTraceCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
          return 2;
        });
    return cl.execute(args);
  }
}
