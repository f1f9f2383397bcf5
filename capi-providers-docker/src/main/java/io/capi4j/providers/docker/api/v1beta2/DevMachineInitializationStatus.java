package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.initialization} of a DevMachine. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachineInitializationStatus.class)
@JsonDeserialize(as = ImmutableDevMachineInitializationStatus.class)
public abstract class DevMachineInitializationStatus implements UnknownFields, WithDevMachineInitializationStatus {
  public abstract Optional<Boolean> provisioned();

  public static ImmutableDevMachineInitializationStatus.Builder builder() {
    return ImmutableDevMachineInitializationStatus.builder();
  }
}
