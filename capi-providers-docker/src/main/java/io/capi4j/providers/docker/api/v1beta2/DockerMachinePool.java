package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A DockerMachinePool ({@code infrastructure.cluster.x-k8s.io/v1beta2}, deprecated upstream in favour of
 * {@link DevMachinePool}): a MachinePool's replicas as docker containers, one DockerMachine each.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachinePool.class)
@JsonDeserialize(as = ImmutableDockerMachinePool.class)
public abstract class DockerMachinePool implements CapiObject, WithDockerMachinePool {
  public static final String KIND = "DockerMachinePool";

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
  public DockerMachinePoolSpec spec() {
    return DockerMachinePoolSpec.builder().build();
  }

  public abstract Optional<DockerMachinePoolStatus> status();

  /** {@code status}, or an empty one. */
  public DockerMachinePoolStatus statusOrEmpty() {
    return status().orElse(DockerMachinePoolStatus.builder().build());
  }

  public static ImmutableDockerMachinePool.Builder builder() {
    return ImmutableDockerMachinePool.builder();
  }
}
