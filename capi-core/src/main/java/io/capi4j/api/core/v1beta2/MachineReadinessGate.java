package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** An extra condition a Machine's {@code Ready} condition waits for. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineReadinessGate.class)
@JsonDeserialize(as = ImmutableMachineReadinessGate.class)
public abstract class MachineReadinessGate implements UnknownFields, WithMachineReadinessGate {
  public static final String POLARITY_POSITIVE = "Positive";
  public static final String POLARITY_NEGATIVE = "Negative";

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String conditionType() {
    return "";
  }

  /** {@code Positive} (default when empty) or {@code Negative}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String polarity() {
    return "";
  }

  public static MachineReadinessGate of(String conditionType) {
    return builder().conditionType(conditionType).build();
  }

  public static ImmutableMachineReadinessGate.Builder builder() {
    return ImmutableMachineReadinessGate.builder();
  }
}
