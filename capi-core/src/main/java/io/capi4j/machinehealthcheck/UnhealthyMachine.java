package io.capi4j.machinehealthcheck;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An unhealthy Machine and what the plan does with it, as plain data: enough for whoever remediates it (a
 * MachineSet, a MachinePool's provider) to find it and its infrastructure without the rest of the plan.
 */
@Value.Immutable
public abstract class UnhealthyMachine {
  public abstract String name();

  public abstract String namespace();

  /** The {@code HealthCheckSucceeded=False} reason, e.g. {@code UnhealthyNode}. */
  public abstract String reason();

  /** The {@code HealthCheckSucceeded=False} message. */
  public abstract String message();

  public abstract boolean deleting();

  /** {@code status.nodeRef.name}, or {@code ""}. */
  public abstract String nodeName();

  /** {@code spec.providerID}, or {@code ""}. */
  public abstract String providerID();

  /** {@code spec.infrastructureRef.kind}, or {@code ""}. */
  public abstract String infrastructureKind();

  /** {@code spec.infrastructureRef.name}, or {@code ""}. */
  public abstract String infrastructureName();

  /** Kind of the controller owner reference (e.g. {@code MachineSet}, {@code MachinePool}), or {@code ""}. */
  public abstract String ownerKind();

  /** Name of the controller owner reference, or {@code ""}. */
  public abstract String ownerName();

  /** The {@code cluster.x-k8s.io/pool-name} label (possibly a hash of the pool's name), or {@code ""}. */
  public abstract String poolLabel();

  public abstract RemediationHandling handling();

  /** Why it gets this handling. */
  public abstract String handlingReason();

  /** The Machine is handed over for remediation in this plan ({@link RemediationHandling#OWNER} or {@code EXTERNAL}). */
  public boolean toRemediate() {
    return handling() == RemediationHandling.OWNER || handling() == RemediationHandling.EXTERNAL;
  }

  /** The controller owner is a MachinePool. */
  public boolean ownedByMachinePool() {
    return "MachinePool".equals(ownerKind());
  }

  /** {@code namespace/name}. */
  public String key() {
    return namespace().isEmpty() ? name() : namespace() + "/" + name();
  }

  /** The owner as {@code Kind/name}, if any. */
  public Optional<String> owner() {
    return ownerKind().isEmpty() ? Optional.empty() : Optional.of(ownerKind() + "/" + ownerName());
  }
}
