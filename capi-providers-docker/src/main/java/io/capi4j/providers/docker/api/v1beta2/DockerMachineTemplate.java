package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A DockerMachineTemplate: what a MachineSet clones one DockerMachine per Machine from. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachineTemplate.class)
@JsonDeserialize(as = ImmutableDockerMachineTemplate.class)
public abstract class DockerMachineTemplate implements CapiObject, WithDockerMachineTemplate {
  public static final String KIND = "DockerMachineTemplate";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Docker.API_VERSION;
  }

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String kind() {
    return KIND;
  }

  @Override
  @Value.Default
  public ObjectMeta metadata() {
    return new ObjectMeta();
  }

  @Value.Default
  public DockerMachineTemplateSpec spec() {
    return DockerMachineTemplateSpec.builder().build();
  }

  public static ImmutableDockerMachineTemplate.Builder builder() {
    return ImmutableDockerMachineTemplate.builder();
  }
}
