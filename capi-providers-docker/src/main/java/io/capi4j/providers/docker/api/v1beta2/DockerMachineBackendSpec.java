package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.backend.docker} of a DevMachine. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachineBackendSpec.class)
@JsonDeserialize(as = ImmutableDockerMachineBackendSpec.class)
public abstract class DockerMachineBackendSpec implements UnknownFields, WithDockerMachineBackendSpec {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String customImage() {
    return "";
  }

  public abstract List<String> preLoadImages();

  public abstract List<Mount> extraMounts();

  public abstract Optional<Boolean> bootstrapped();

  public abstract Optional<String> bootstrapTimeout();

  public static ImmutableDockerMachineBackendSpec.Builder builder() {
    return ImmutableDockerMachineBackendSpec.builder();
  }
}
