package io.capi4j.machinepool;

/** Who decides a MachinePool's {@code spec.replicas}. */
public enum ReplicaOwner {
  /** The user (or GitOps): the pool follows {@code spec.replicas}. */
  USER,
  /**
   * The cluster autoscaler's Cluster API provider, which scales the MachinePool through its scale subresource
   * within the {@code cluster-api-autoscaler-node-group-min-size}/{@code -max-size} annotations.
   */
  AUTOSCALER,
  /**
   * Something outside Cluster API ({@code cluster.x-k8s.io/replicas-managed-by} is set and not {@code "false"}),
   * e.g. a cloud autoscaler on the scaling group: core only observes, and the phase is {@code Scaling}.
   */
  EXTERNAL
}
