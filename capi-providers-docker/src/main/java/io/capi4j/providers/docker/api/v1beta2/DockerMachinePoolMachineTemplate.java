package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.template} of a DockerMachinePool: how each container of the pool is built. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachinePoolMachineTemplate.class)
@JsonDeserialize(as = ImmutableDockerMachinePoolMachineTemplate.class)
public abstract class DockerMachinePoolMachineTemplate implements UnknownFields, WithDockerMachinePoolMachineTemplate {
  /** The container image; empty means {@code kindest/node:<MachinePool version>}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String customImage() {
    return "";
  }

  public abstract List<String> preLoadImages();

  public abstract List<Mount> extraMounts();

  public static ImmutableDockerMachinePoolMachineTemplate.Builder builder() {
    return ImmutableDockerMachinePoolMachineTemplate.builder();
  }
}
