package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.backend.docker} of a DevMachinePool: how each container of the pool is built. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachinePoolBackendSpec.class)
@JsonDeserialize(as = ImmutableDockerMachinePoolBackendSpec.class)
public abstract class DockerMachinePoolBackendSpec implements UnknownFields, WithDockerMachinePoolBackendSpec {
  /** The container image; empty means {@code kindest/node:<MachinePool version>}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String customImage() {
    return "";
  }

  public abstract List<String> preLoadImages();

  public abstract List<Mount> extraMounts();

  public static ImmutableDockerMachinePoolBackendSpec.Builder builder() {
    return ImmutableDockerMachinePoolBackendSpec.builder();
  }
}
