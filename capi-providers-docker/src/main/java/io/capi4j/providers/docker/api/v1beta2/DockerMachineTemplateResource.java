package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.template} of a DockerMachineTemplate. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachineTemplateResource.class)
@JsonDeserialize(as = ImmutableDockerMachineTemplateResource.class)
public abstract class DockerMachineTemplateResource implements UnknownFields, WithDockerMachineTemplateResource {
  public abstract Optional<TemplateMeta> metadata();

  @Value.Default
  public DockerMachineSpec spec() {
    return DockerMachineSpec.builder().build();
  }

  public static ImmutableDockerMachineTemplateResource.Builder builder() {
    return ImmutableDockerMachineTemplateResource.builder();
  }
}
