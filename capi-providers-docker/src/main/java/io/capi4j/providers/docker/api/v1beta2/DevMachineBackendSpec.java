package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.backend} of a DevMachine. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachineBackendSpec.class)
@JsonDeserialize(as = ImmutableDevMachineBackendSpec.class)
public abstract class DevMachineBackendSpec implements UnknownFields, WithDevMachineBackendSpec {
  public abstract Optional<DockerMachineBackendSpec> docker();

  public static ImmutableDevMachineBackendSpec.Builder builder() {
    return ImmutableDevMachineBackendSpec.builder();
  }
}
