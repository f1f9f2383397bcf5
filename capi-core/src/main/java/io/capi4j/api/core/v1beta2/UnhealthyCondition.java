package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** One entry of {@code unhealthyNodeConditions} or {@code unhealthyMachineConditions}. */
@Value.Immutable
@JsonSerialize(as = ImmutableUnhealthyCondition.class)
@JsonDeserialize(as = ImmutableUnhealthyCondition.class)
public abstract class UnhealthyCondition implements UnknownFields, WithUnhealthyCondition {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String type() {
    return "";
  }

  /** {@code True}, {@code False} or {@code Unknown}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String status() {
    return "";
  }

  public abstract Optional<Integer> timeoutSeconds();

  public static UnhealthyCondition of(String type, String status, int timeoutSeconds) {
    return ImmutableUnhealthyCondition.builder()
        .type(type)
        .status(status)
        .timeoutSeconds(timeoutSeconds)
        .build();
  }

  public static ImmutableUnhealthyCondition.Builder builder() {
    return ImmutableUnhealthyCondition.builder();
  }
}
