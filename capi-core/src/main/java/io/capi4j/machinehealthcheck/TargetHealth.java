package io.capi4j.machinehealthcheck;

/** How upstream's {@code healthCheckTargets} classifies a target. */
public enum TargetHealth {
  /** Not deleting, has a Node, and no check fails: {@code HealthCheckSucceeded=True}; counts as healthy. */
  HEALTHY,
  /** A check failed past its timeout (deleting Machines included): {@code HealthCheckSucceeded=False}. */
  UNHEALTHY,
  /** A check is failing but has not timed out yet: neither healthy nor unhealthy; the MachineHealthCheck requeues. */
  PENDING,
  /**
   * Neither healthy nor unhealthy, nothing pending: a deleting Machine, a Machine without a Node when the startup
   * timeout is disabled, or a cluster whose control plane or infrastructure is not ready.
   */
  UNDETERMINED
}
