package io.capi4j.machineset;

import java.util.Objects;

/**
 * One decision of a plan and why it was taken, in the order upstream's reconcile takes them.
 *
 * @param phase the upstream function the decision belongs to, e.g. {@code syncReplicas}
 * @param action what is decided
 * @param target the object it concerns (a Machine or MachineSet name), or {@code ""}
 * @param reason why, in words
 */
public record PlanStep(String phase, Action action, String target, String reason) {
  public PlanStep {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code phase: ACTION target - reason}, one line for logs and traces. */
  @Override
  public String toString() {
    return phase + ": " + action + " " + target + " - " + reason;
  }

  /** The kinds of decisions. */
  public enum Action {
    ADD_FINALIZER,
    REMOVE_FINALIZER,
    SET_PAUSED_CONDITION,
    UPDATE_MACHINE_SET,
    ADOPT_MACHINE,
    IGNORE_MACHINE,
    SET_MACHINE_CONDITION,
    REMOVE_MACHINE_CONDITION,
    UPDATE_MACHINE,
    CREATE_MACHINE,
    DELETE_MACHINE,
    MOVE_MACHINE,
    WAIT,
    BLOCKED,
    NOTHING,
    ERROR
  }
}
