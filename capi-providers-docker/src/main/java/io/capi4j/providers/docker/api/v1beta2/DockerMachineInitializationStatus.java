package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.initialization} of a DockerMachine. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachineInitializationStatus.class)
@JsonDeserialize(as = ImmutableDockerMachineInitializationStatus.class)
public abstract class DockerMachineInitializationStatus implements UnknownFields, WithDockerMachineInitializationStatus {
  /** True once the container runs and is bootstrapped (the Cluster API contract). */
  public abstract Optional<Boolean> provisioned();

  public static ImmutableDockerMachineInitializationStatus.Builder builder() {
    return ImmutableDockerMachineInitializationStatus.builder();
  }
}
