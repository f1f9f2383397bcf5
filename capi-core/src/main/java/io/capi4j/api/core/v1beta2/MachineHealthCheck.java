package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A MachineHealthCheck ({@code cluster.x-k8s.io/v1beta2}): marks the selected Machines unhealthy when their Node
 * or Machine conditions say so, so that their owner replaces them.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineHealthCheck.class)
@JsonDeserialize(as = ImmutableMachineHealthCheck.class)
public abstract class MachineHealthCheck implements CapiObject, WithMachineHealthCheck {
  public static final String KIND = "MachineHealthCheck";
  /** Upstream's {@code DefaultNodeStartupTimeoutSeconds}. */
  public static final int DEFAULT_NODE_STARTUP_TIMEOUT_SECONDS = 600;

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Capi.API_VERSION;
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
  public MachineHealthCheckSpec spec() {
    return MachineHealthCheckSpec.builder().build();
  }

  public abstract Optional<MachineHealthCheckStatus> status();

  public static ImmutableMachineHealthCheck.Builder builder() {
    return ImmutableMachineHealthCheck.builder();
  }
}
