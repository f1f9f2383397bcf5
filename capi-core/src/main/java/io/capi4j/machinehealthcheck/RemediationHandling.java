package io.capi4j.machinehealthcheck;

/** What the plan does with one unhealthy Machine. */
public enum RemediationHandling {
  /**
   * Handed to the Machine's owner (MachineSet, KubeadmControlPlane, or a MachinePool helper):
   * {@code OwnerRemediated=False} is set (reason {@code WaitingForRemediation}), or it already was False or Unknown
   * and is left to the owner.
   */
  OWNER,
  /** An external remediation request named after the Machine is to be created. */
  EXTERNAL,
  /** An external remediation request for the Machine already exists; upstream stops marking at this Machine. */
  EXTERNAL_IN_PROGRESS,
  /** The Machine is deleting: no {@code OwnerRemediated} is set (owner remediation only). */
  DELETING,
  /** Remediation is blocked: only {@code HealthCheckSucceeded=False} is written. */
  BLOCKED,
  /**
   * capi4j's retry limit ({@link RemediationRetryLimit}) holds it back: its slot was remediated too often within the
   * period, so only {@code HealthCheckSucceeded=False} is written and it is not handed over.
   */
  RETRY_LIMIT_REACHED,
  /** Not processed in this pass (after an existing request or an error, or when the reconcile failed earlier). */
  NOT_PROCESSED
}
