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

/** {@code spec.remediation.templateRef}: an external remediation template. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineHealthCheckRemediationTemplateReference.class)
@JsonDeserialize(as = ImmutableMachineHealthCheckRemediationTemplateReference.class)
public abstract class MachineHealthCheckRemediationTemplateReference implements UnknownFields, WithMachineHealthCheckRemediationTemplateReference {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String kind() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String name() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String apiVersion() {
    return "";
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isDefined() {
    return !kind().isEmpty() || !name().isEmpty() || !apiVersion().isEmpty();
  }

  public static MachineHealthCheckRemediationTemplateReference of(String apiVersion, String kind, String name) {
    return ImmutableMachineHealthCheckRemediationTemplateReference.builder()
        .apiVersion(apiVersion)
        .kind(kind)
        .name(name)
        .build();
  }

  public static ImmutableMachineHealthCheckRemediationTemplateReference.Builder builder() {
    return ImmutableMachineHealthCheckRemediationTemplateReference.builder();
  }
}
