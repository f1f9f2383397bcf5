package io.capi4j.cloud;

/** The life cycle of a cloud instance, as every cloud reports it in some form. */
public enum InstanceState {
  /** Being created; not yet running. */
  CREATING,
  /** Running (the node may still be joining the cluster). */
  RUNNING,
  /** Creation or the instance failed; it stays until deleted. */
  FAILED,
  /** Being deleted. */
  DELETING
}
