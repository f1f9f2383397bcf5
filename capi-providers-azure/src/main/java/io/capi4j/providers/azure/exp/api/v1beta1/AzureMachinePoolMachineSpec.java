package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of an AzureMachinePoolMachine. */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePoolMachineSpec.class)
@JsonDeserialize(as = ImmutableAzureMachinePoolMachineSpec.class)
public abstract class AzureMachinePoolMachineSpec implements UnknownFields, WithAzureMachinePoolMachineSpec {
  /** The VMSS instance's provider ID; immutable once set. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String providerID() {
    return "";
  }

  /** The VMSS instance ID (Uniform mode). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String instanceID() {
    return "";
  }

  public static ImmutableAzureMachinePoolMachineSpec.Builder builder() {
    return ImmutableAzureMachinePoolMachineSpec.builder();
  }
}
