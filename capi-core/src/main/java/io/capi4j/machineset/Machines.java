package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineNodeReference;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Facts about a Machine that the MachineSet and MachineDeployment controllers read (upstream collections filters). */
public final class Machines {
  private Machines() {}

  /** The hook name that marks an in-place update in the pending-hooks annotation. */
  public static final String UPDATE_MACHINE_HOOK = "UpdateMachine";

  /** {@code status.conditions}, or an empty list. */
  public static List<Condition> conditions(Machine m) {
    // No Optional.map here: this runs several times per Machine per reconcile.
    Optional<MachineStatus> status = m.status();
    return status.isPresent() ? status.get().conditions() : List.of();
  }

  /** {@code metadata.creationTimestamp}, if set and parseable. */
  public static Optional<Instant> creationTime(Machine m) {
    return Conditions.parseTime(m.metadata().getCreationTimestamp());
  }

  /** {@code metadata.deletionTimestamp}, if set and parseable. */
  public static Optional<Instant> deletionTime(Machine m) {
    return Conditions.parseTime(m.metadata().getDeletionTimestamp());
  }

  /** Whether {@code status.nodeRef.name} is set. */
  public static boolean hasNodeRef(Machine m) {
    Optional<MachineStatus> status = m.status();
    if (status.isEmpty()) {
      return false;
    }
    Optional<MachineNodeReference> ref = status.get().nodeRef();
    return ref.isPresent() && !ref.get().name().isEmpty();
  }

  /**
   * Upstream's {@code inplace.IsUpdateInProgress}: the {@code update-in-progress} annotation is present (any value),
   * or the comma-separated {@code pending-hooks} annotation lists {@code UpdateMachine}.
   */
  public static boolean isUpdateInProgress(Machine m) {
    if (m.annotations().containsKey(Capi.UPDATE_IN_PROGRESS_ANNOTATION)) {
      return true;
    }
    String hooks = m.annotations().get(Capi.PENDING_HOOKS_ANNOTATION);
    if (hooks == null || hooks.isEmpty()) {
      return false;
    }
    for (String h : hooks.split(",", -1)) {
      if (UPDATE_MACHINE_HOOK.equals(h)) {
        return true;
      }
    }
    return false;
  }

  /** Upstream's {@code collections.IsUnhealthy}: {@code HealthCheckSucceeded} is False. */
  public static boolean isUnhealthy(Machine m) {
    return Conditions.isFalse(conditions(m), Capi.Conditions.HEALTH_CHECK_SUCCEEDED);
  }

  /**
   * Upstream's {@code collections.IsUnhealthyAndOwnerRemediated}: {@code HealthCheckSucceeded} and
   * {@code OwnerRemediated} are both False.
   */
  public static boolean isUnhealthyAndOwnerRemediated(Machine m) {
    List<Condition> c = conditions(m);
    return Conditions.isFalse(c, Capi.Conditions.HEALTH_CHECK_SUCCEEDED)
        && Conditions.isFalse(c, Capi.Conditions.OWNER_REMEDIATED);
  }
}
