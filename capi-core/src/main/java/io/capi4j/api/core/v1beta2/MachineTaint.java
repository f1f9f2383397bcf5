package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A taint a Machine propagates to its Node (feature gate {@code MachineTaintPropagation} upstream). */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineTaint.class)
@JsonDeserialize(as = ImmutableMachineTaint.class)
public abstract class MachineTaint implements UnknownFields, WithMachineTaint {
  public static final String PROPAGATION_ALWAYS = "Always";
  public static final String PROPAGATION_ON_INITIALIZATION = "OnInitialization";

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String key() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String value() {
    return "";
  }

  /** {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String effect() {
    return "";
  }

  /** {@code Always} or {@code OnInitialization}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String propagation() {
    return "";
  }

  public static ImmutableMachineTaint.Builder builder() {
    return ImmutableMachineTaint.builder();
  }
}
