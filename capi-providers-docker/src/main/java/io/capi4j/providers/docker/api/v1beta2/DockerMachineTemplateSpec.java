package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of a DockerMachineTemplate. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachineTemplateSpec.class)
@JsonDeserialize(as = ImmutableDockerMachineTemplateSpec.class)
public abstract class DockerMachineTemplateSpec implements UnknownFields, WithDockerMachineTemplateSpec {
  @Value.Default
  public DockerMachineTemplateResource template() {
    return DockerMachineTemplateResource.builder().build();
  }

  public static ImmutableDockerMachineTemplateSpec.Builder builder() {
    return ImmutableDockerMachineTemplateSpec.builder();
  }
}
