package io.capi4j.providers.aws.asg;

import io.capi4j.providers.aws.api.v1beta2.Processes;
import io.capi4j.providers.aws.api.v1beta2.SuspendProcessesTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which ASG processes to suspend and resume so that the suspended ones match {@code spec.suspendProcesses}
 * (upstream {@code ConvertSetValuesToStringSlice} and the suspend/resume step of {@code updatePool}).
 *
 * @param desired the processes that should be suspended, in {@link #PROCESS_NAMES} order
 * @param suspend the processes to suspend now (desired but not suspended)
 * @param resume the processes to resume now (suspended but not desired)
 */
public record SuspendProcessesPlan(List<String> desired, List<String> suspend, List<String> resume) {
  /** The AWS process names, in the order CAPA lists them. */
  public static final List<String> PROCESS_NAMES = List.of("Launch", "Terminate", "AddToLoadBalancer",
      "AlarmNotification", "AZRebalance", "HealthCheck", "InstanceRefresh", "ReplaceUnhealthy", "ScheduledActions");

  private static final List<Function<Processes, Optional<Boolean>>> FLAGS = List.of(Processes::launch,
      Processes::terminate, Processes::addToLoadBalancer, Processes::alarmNotification, Processes::azRebalance,
      Processes::healthCheck, Processes::instanceRefresh, Processes::replaceUnhealthy, Processes::scheduledActions);

  public SuspendProcessesPlan {
    desired = List.copyOf(desired);
    suspend = List.copyOf(suspend);
    resume = List.copyOf(resume);
  }

  /** Whether any call is needed. */
  public boolean hasChanges() {
    return !suspend.isEmpty() || !resume.isEmpty();
  }

  /**
   * The processes {@code spec.suspendProcesses} asks to suspend: with {@code all}, every process not explicitly
   * {@code false}; otherwise those set to {@code true}. Unset means none.
   */
  public static List<String> desired(Optional<SuspendProcessesTypes> spec) {
    if (spec.isEmpty()) {
      return List.of();
    }
    boolean all = spec.get().all().orElse(false);
    Processes p = spec.get().processes().orElse(Processes.builder().build());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < PROCESS_NAMES.size(); i++) {
      Optional<Boolean> flag = FLAGS.get(i).apply(p);
      if (all ? flag.orElse(true) : flag.orElse(false)) {
        out.add(PROCESS_NAMES.get(i));
      }
    }
    return out;
  }

  /** The plan for an existing ASG whose suspended processes are {@code current}. */
  public static SuspendProcessesPlan plan(Optional<SuspendProcessesTypes> spec, List<String> current) {
    List<String> desired = desired(spec);
    if (desired.equals(current)) {
      return new SuspendProcessesPlan(desired, List.of(), List.of());
    }
    List<String> suspend = desired.stream().filter(p -> !current.contains(p)).toList();
    List<String> resume = current.stream().filter(p -> !desired.contains(p)).toList();
    return new SuspendProcessesPlan(desired, suspend, resume);
  }
}
