package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A DevMachinePool ({@code infrastructure.cluster.x-k8s.io/v1beta2}), the successor of {@link DockerMachinePool}:
 * a MachinePool's replicas on a development backend; capi4j implements the docker backend (one container and one
 * {@link DevMachine} per replica).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachinePool.class)
@JsonDeserialize(as = ImmutableDevMachinePool.class)
public abstract class DevMachinePool implements CapiObject, WithDevMachinePool {
  public static final String KIND = "DevMachinePool";

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
  public DevMachinePoolSpec spec() {
    return DevMachinePoolSpec.builder().build();
  }

  public abstract Optional<DevMachinePoolStatus> status();

  /** {@code status}, or an empty one. */
  public DevMachinePoolStatus statusOrEmpty() {
    return status().orElse(DevMachinePoolStatus.builder().build());
  }

  public static ImmutableDevMachinePool.Builder builder() {
    return ImmutableDevMachinePool.builder();
  }
}
