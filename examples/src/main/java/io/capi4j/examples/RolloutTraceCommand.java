package io.capi4j.examples;

import io.capi4j.testing.rollout.RolloutScenario;
import io.capi4j.testing.rollout.RolloutSimulation;
import io.capi4j.testing.rollout.RolloutTrace;
import io.capi4j.testing.rollout.ScenarioException;
import io.capi4j.testing.rollout.TaskOrder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rollout-trace SCENARIO.yaml [--order default|random:SEED]}: simulates a MachineDeployment rollout with
 * capi4j's planner and prints the trace in upstream Cluster API's sequence-test format.
 */
@Command(
    name = "rollout-trace",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a MachineDeployment rollout as Cluster API's controllers would run it (capi4j's planner plus fake",
      "MachineSet, Machine and user controllers) and prints the trace in upstream's sequence-test format.",
      "Exit 0: converged within bounds; 1: did not converge or breached maxSurge/maxUnavailable; 2: unreadable input."
    })
final class RolloutTraceCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario YAML (see SCENARIOS.md)")
  Path scenario;

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      defaultValue = "default",
      description = "default, or random:SEED (skip 30%%, repeat 30%% of the tasks; 150 iterations at most)")
  String order;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TaskOrder taskOrder;
    try {
      taskOrder = TaskOrder.parse(order);
    } catch (IllegalArgumentException e) {
      err.println("error: --order: " + e.getMessage());
      err.flush();
      return 2;
    }
    RolloutScenario s;
    try {
      s = RolloutScenario.read(scenario);
    } catch (ScenarioException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
    RolloutTrace trace = RolloutSimulation.run(s, taskOrder);
    out.print(trace.text());
    out.flush();
    if (!trace.converged()) {
      err.println("rollout did not converge: " + trace.failure().orElse("unknown"));
      err.flush();
      return 1;
    }
    return 0;
  }
}
