package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A DockerMachine ({@code infrastructure.cluster.x-k8s.io/v1beta2}): one Kubernetes node in a docker container,
 * for a Machine of a MachineDeployment or, named after its container, for one instance of a DockerMachinePool.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachine.class)
@JsonDeserialize(as = ImmutableDockerMachine.class)
public abstract class DockerMachine implements CapiObject, WithDockerMachine {
  public static final String KIND = "DockerMachine";

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
  public DockerMachineSpec spec() {
    return DockerMachineSpec.builder().build();
  }

  public abstract Optional<DockerMachineStatus> status();

  /** Whether {@code status.initialization.provisioned} is true. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isProvisioned() {
    return status().flatMap(DockerMachineStatus::initialization).flatMap(DockerMachineInitializationStatus::provisioned)
        .orElse(false);
  }

  public static ImmutableDockerMachine.Builder builder() {
    return ImmutableDockerMachine.builder();
  }
}
