package io.capi4j.machinedeployment;

/**
 * The planner cannot decide: an input is missing or malformed (e.g. a nil {@code spec.replicas}, an unparsable
 * revision annotation, an unsupported strategy), or the MachineSet to create has no template. The message is
 * upstream's where upstream returns an error, and names the object and field.
 */
public class RolloutPlanningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RolloutPlanningException(String message) {
    super(message);
  }

  public RolloutPlanningException(String message, Throwable cause) {
    super(message, cause);
  }
}
