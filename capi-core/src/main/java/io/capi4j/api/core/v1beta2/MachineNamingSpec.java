package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec.machineNaming}: a Go-template for Machine names. It may use {@code {{ .cluster.name }}},
 * {@code {{ .machineSet.name }}} and must use {@code {{ .random }}}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineNamingSpec.class)
@JsonDeserialize(as = ImmutableMachineNamingSpec.class)
public abstract class MachineNamingSpec implements UnknownFields, WithMachineNamingSpec {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String template() {
    return "";
  }

  public static MachineNamingSpec of(String template) {
    return builder().template(template).build();
  }

  public static ImmutableMachineNamingSpec.Builder builder() {
    return ImmutableMachineNamingSpec.builder();
  }
}
