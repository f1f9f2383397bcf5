package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.initialization} of a DevMachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachinePoolInitializationStatus.class)
@JsonDeserialize(as = ImmutableDevMachinePoolInitializationStatus.class)
public abstract class DevMachinePoolInitializationStatus implements UnknownFields, WithDevMachinePoolInitializationStatus {
  /** True once all replicas have provider IDs (the Cluster API contract). */
  public abstract Optional<Boolean> provisioned();

  public static ImmutableDevMachinePoolInitializationStatus.Builder builder() {
    return ImmutableDevMachinePoolInitializationStatus.builder();
  }
}
