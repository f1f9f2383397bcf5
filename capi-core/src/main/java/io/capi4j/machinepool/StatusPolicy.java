package io.capi4j.machinepool;

/**
 * How the planner computes a MachinePool's replica counters and v1beta2 conditions. See {@code STATUS.md} in this
 * package for the differences and the reasons.
 */
public enum StatusPolicy {
  /**
   * Exactly upstream's {@code setReplicas}: without MachinePool Machines {@code readyReplicas} and
   * {@code availableReplicas} copy the infrastructure's {@code status.replicas} and {@code upToDateReplicas} copies
   * {@code spec.replicas}; with them, the counters count the Machines' {@code Ready}, {@code Available} and
   * {@code UpToDate} conditions. No v1beta2 conditions besides {@code Paused}.
   */
  UPSTREAM,

  /**
   * What is true of the pool: {@code readyReplicas} counts the Ready Nodes of {@code spec.providerIDList},
   * {@code availableReplicas} those Ready for {@code minReadySeconds}, {@code upToDateReplicas} the instances the
   * provider reports on the latest model; plus {@code Available}, {@code ScalingUp}, {@code ScalingDown},
   * {@code RollingOut}, and with MachinePool Machines {@code MachinesReady} and {@code MachinesUpToDate}, computed
   * as for MachineDeployments. The default.
   */
  TRUTHFUL
}
