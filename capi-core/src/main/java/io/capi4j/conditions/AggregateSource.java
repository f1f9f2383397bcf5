package io.capi4j.conditions;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;

/** One object whose condition is aggregated: who it is and its v1beta2 conditions. */
public record AggregateSource(ConditionOwner owner, List<Condition> conditions) {
  public AggregateSource {
    Objects.requireNonNull(owner, "owner");
    conditions = List.copyOf(conditions);
  }

  /** A Machine and its {@code status.conditions}. */
  public static AggregateSource of(Machine m) {
    return new AggregateSource(
        ConditionOwner.of(m), m.status().map(MachineStatus::conditions).orElse(List.of()));
  }

  /** A MachineSet and its {@code status.conditions}. */
  public static AggregateSource of(MachineSet ms) {
    return new AggregateSource(
        ConditionOwner.of(ms), ms.status().map(MachineSetStatus::conditions).orElse(List.of()));
  }
}
