package io.capi4j.machinepool;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link MachinePoolRemediationPlanner} decides: apply {@link #conditionPatches()} first, then delete
 * {@link #machinesToDelete()} (the patch before the delete makes a failed delete safe to retry, as the MachineSet
 * does). The pool's provider removes each deleted Machine's instance through its scaling group, and the pool
 * replaces it.
 */
@Value.Immutable
public abstract class MachinePoolRemediationPlan {
  /** Changes to one condition of a Machine ({@code OwnerRemediated}), in order. */
  public abstract List<ConditionPatch> conditionPatches();

  /** The Machines to delete now, in remediation order, each with why. */
  public abstract List<MachinePoolPlan.MachineDeletion> machinesToDelete();

  /**
   * The effective {@code maxInFlight} (the annotation scaled to {@code spec.replicas}); empty when unlimited or when
   * the annotation cannot be read.
   */
  public abstract Optional<Integer> maxInFlight();

  /** Errors (an annotation that cannot be read); nothing is remediated then. */
  public abstract List<String> errors();

  /** Every decision, in order, with its reason. */
  public abstract List<String> steps();

  public static ImmutableMachinePoolRemediationPlan.Builder builder() {
    return ImmutableMachinePoolRemediationPlan.builder();
  }

  /**
   * A change to one v1beta2 condition of a MachinePool Machine (set or remove only that condition).
   *
   * @param machineName the Machine
   * @param type the condition type ({@code OwnerRemediated})
   * @param condition the condition to set with {@code Conditions.set} (which keeps the transition time when the
   *     status does not change), or empty to remove it
   * @param reason why
   */
  public record ConditionPatch(String machineName, String type, Optional<Condition> condition, String reason) {
    public ConditionPatch {
      Objects.requireNonNull(machineName, "machineName");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
