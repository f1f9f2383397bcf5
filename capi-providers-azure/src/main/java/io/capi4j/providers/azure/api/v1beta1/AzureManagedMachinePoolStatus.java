package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of an AzureManagedMachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureManagedMachinePoolStatus.class)
@JsonDeserialize(as = ImmutableAzureManagedMachinePoolStatus.class)
public abstract class AzureManagedMachinePoolStatus implements UnknownFields, WithAzureManagedMachinePoolStatus {
  @Value.Default
  public boolean ready() {
    return false;
  }

  /** The number of VMSS instances of the agent pool. */
  @Value.Default
  public int replicas() {
    return 0;
  }

  public static ImmutableAzureManagedMachinePoolStatus.Builder builder() {
    return ImmutableAzureManagedMachinePoolStatus.builder();
  }
}
