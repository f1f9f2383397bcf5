package io.capi4j.machineset;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to one v1beta2 condition of a Machine the MachineSet owns (upstream patches them with the condition as
 * owned, so other conditions are left alone).
 *
 * @param machineName the Machine
 * @param type the condition type, e.g. {@code OwnerRemediated}
 * @param condition the new condition, or empty to remove it
 */
public record MachineConditionPatch(String machineName, String type, Optional<Condition> condition) {
  public MachineConditionPatch {
    Objects.requireNonNull(machineName, "machineName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(condition, "condition");
  }
}
