package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of a DockerMachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachinePoolSpec.class)
@JsonDeserialize(as = ImmutableDockerMachinePoolSpec.class)
public abstract class DockerMachinePoolSpec implements UnknownFields, WithDockerMachinePoolSpec {
  @Value.Default
  public DockerMachinePoolMachineTemplate template() {
    return DockerMachinePoolMachineTemplate.builder().build();
  }

  /** The pool's own (fake) provider ID, {@code docker:////<cluster>-dmp-<pool>}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String providerID() {
    return "";
  }

  /** The provider IDs of the pool's DockerMachines (the Cluster API contract). */
  public abstract List<String> providerIDList();

  public static ImmutableDockerMachinePoolSpec.Builder builder() {
    return ImmutableDockerMachinePoolSpec.builder();
  }
}
