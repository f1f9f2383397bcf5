package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of a DevMachine. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachineSpec.class)
@JsonDeserialize(as = ImmutableDevMachineSpec.class)
public abstract class DevMachineSpec implements UnknownFields, WithDevMachineSpec {
  /** {@code docker:////<container name>} with the docker backend, once bootstrapped. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String providerID() {
    return "";
  }

  @Value.Default
  public DevMachineBackendSpec backend() {
    return DevMachineBackendSpec.builder().build();
  }

  public static ImmutableDevMachineSpec.Builder builder() {
    return ImmutableDevMachineSpec.builder();
  }
}
