package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of a DockerMachine, also the {@code spec.template.spec} of a DockerMachineTemplate. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachineSpec.class)
@JsonDeserialize(as = ImmutableDockerMachineSpec.class)
public abstract class DockerMachineSpec implements UnknownFields, WithDockerMachineSpec {
  /** {@code docker:////<container name>}; CAPD sets it once the container is bootstrapped. */
  public abstract Optional<String> providerID();

  /** The container image; empty means {@code kindest/node:<Machine version>}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String customImage() {
    return "";
  }

  /** Images to load into the container after it starts. */
  public abstract List<String> preLoadImages();

  /** Host paths to mount into the container. */
  public abstract List<Mount> extraMounts();

  /** Deprecated: whether the bootstrap script ran. */
  public abstract Optional<Boolean> bootstrapped();

  /** How long to wait for the bootstrap ({@code metav1.Duration}); CAPD waits 3m when unset. */
  public abstract Optional<String> bootstrapTimeout();

  public static ImmutableDockerMachineSpec.Builder builder() {
    return ImmutableDockerMachineSpec.builder();
  }
}
