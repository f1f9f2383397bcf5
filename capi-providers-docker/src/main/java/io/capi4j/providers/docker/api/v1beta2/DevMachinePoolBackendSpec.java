package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.backend} of a DevMachinePool: one of the backends. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachinePoolBackendSpec.class)
@JsonDeserialize(as = ImmutableDevMachinePoolBackendSpec.class)
public abstract class DevMachinePoolBackendSpec implements UnknownFields, WithDevMachinePoolBackendSpec {
  public abstract Optional<DockerMachinePoolBackendSpec> docker();

  public static ImmutableDevMachinePoolBackendSpec.Builder builder() {
    return ImmutableDevMachinePoolBackendSpec.builder();
  }
}
