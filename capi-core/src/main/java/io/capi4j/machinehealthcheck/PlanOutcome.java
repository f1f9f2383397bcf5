package io.capi4j.machinehealthcheck;

/** How a MachineHealthCheck reconcile ends. */
public enum PlanOutcome {
  /**
   * The Cluster ({@code spec.paused}) or the MachineHealthCheck ({@code cluster.x-k8s.io/paused}) is paused: only
   * the {@code Paused} condition may change.
   */
  PAUSED,
  /**
   * Not paused, but the {@code Paused} condition had to be written first (new MachineHealthCheck, unpaused, or a
   * new generation). Upstream returns right after writing it; the write triggers the next reconcile.
   */
  PAUSED_CONDITION_UPDATED,
  /** Something could not be read or done; the plan's errors say what. Upstream returns the error and backs off. */
  ERROR,
  /** Too many targets are not healthy: nothing is remediated; the plan says why. */
  REMEDIATION_BLOCKED,
  /** Remediation is allowed: unhealthy Machines are marked for their owner or an external remediator. */
  REMEDIATION_ALLOWED
}
