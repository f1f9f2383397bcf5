package io.capi4j.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.Objects;

/** A condition together with the object it comes from (upstream {@code ConditionWithOwnerInfo}). */
public record OwnedCondition(ConditionOwner owner, Condition condition) {
  public OwnedCondition {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(condition, "condition");
  }
}
