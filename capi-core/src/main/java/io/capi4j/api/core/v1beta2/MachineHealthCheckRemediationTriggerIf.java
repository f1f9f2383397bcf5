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

/** {@code spec.remediation.triggerIf}: when remediation may happen at all. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineHealthCheckRemediationTriggerIf.class)
@JsonDeserialize(as = ImmutableMachineHealthCheckRemediationTriggerIf.class)
public abstract class MachineHealthCheckRemediationTriggerIf implements UnknownFields, WithMachineHealthCheckRemediationTriggerIf {
  /** An int or a percent of the targets (rounded down); default {@code 100%}. */
  public abstract Optional<IntOrString> unhealthyLessThanOrEqualTo();

  /** {@code [min-max]}, inclusive; takes precedence over {@link #unhealthyLessThanOrEqualTo()}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String unhealthyInRange() {
    return "";
  }

  public static ImmutableMachineHealthCheckRemediationTriggerIf.Builder builder() {
    return ImmutableMachineHealthCheckRemediationTriggerIf.builder();
  }
}
