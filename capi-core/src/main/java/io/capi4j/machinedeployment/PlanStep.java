package io.capi4j.machinedeployment;

import java.util.Objects;

/**
 * One thing the plan does to one MachineSet, in the order upstream's controller does it, with the reason upstream
 * gives (its planner notes joined with {@code ", "}).
 *
 * @param action what happens
 * @param machineSet the MachineSet's name
 * @param role {@code current} for the current (new) MachineSet, {@code old} otherwise
 * @param fromReplicas spec.replicas before (0 for a create)
 * @param toReplicas spec.replicas after
 * @param reason why: the planner's notes, or the create reason for a {@link Action#CREATE}
 * @param diff upstream's summary of the changed rollout annotations and replicas (e.g.
 *     {@code replicas 2,cluster.x-k8s.io/disable-machine-create: false}); empty when none or for a create
 */
public record PlanStep(Action action, String machineSet, String role, int fromReplicas, int toReplicas, String reason, String diff) {
  /** What a step does. */
  public enum Action {
    /** Create the MachineSet (with {@code toReplicas} replicas). */
    CREATE,
    /** Change spec.replicas from {@code fromReplicas} to {@code toReplicas}. */
    SCALE,
    /** Replicas unchanged, rollout annotations changed. */
    UPDATE,
    /** Delete the (old, empty) MachineSet. */
    DELETE
  }

  public PlanStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(machineSet, "machineSet");
    role = role == null ? "" : role;
    reason = reason == null ? "" : reason;
    diff = diff == null ? "" : diff;
  }

  /** Upstream's log line for this step, e.g. {@code Scaled down old MachineSet ms1 from 3 to 2 replicas (-1)}. */
  public String describe() {
    switch (action) {
      case CREATE:
        return "MachineSet " + machineSet + " created, it is now the current MachineSet";
      case SCALE:
        if (toReplicas < fromReplicas) {
          return "Scaled down " + role + " MachineSet " + machineSet + " from " + fromReplicas + " to " + toReplicas
              + " replicas (-" + (fromReplicas - toReplicas) + ")";
        }
        return "Scaled up " + role + " MachineSet " + machineSet + " from " + fromReplicas + " to " + toReplicas
            + " replicas (+" + (toReplicas - fromReplicas) + ")";
      case UPDATE:
        return "Updated " + role + " MachineSet " + machineSet;
      default:
        return "MachineSet " + machineSet + " deleting (cleanup of old MachineSets)";
    }
  }

  @Override
  public String toString() {
    return describe() + (reason.isEmpty() ? "" : " - reason: " + reason) + (diff.isEmpty() ? "" : " - diff: " + diff);
  }
}
