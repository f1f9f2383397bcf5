package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of a DevMachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachinePoolSpec.class)
@JsonDeserialize(as = ImmutableDevMachinePoolSpec.class)
public abstract class DevMachinePoolSpec implements UnknownFields, WithDevMachinePoolSpec {
  /** The pool's own (fake) provider ID, {@code dev:////<cluster>-dmp-<pool>}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String providerID() {
    return "";
  }

  /** The provider IDs of the pool's DevMachines (the Cluster API contract). */
  public abstract List<String> providerIDList();

  @Value.Default
  public DevMachinePoolBackendSpec backend() {
    return DevMachinePoolBackendSpec.builder().build();
  }

  public static ImmutableDevMachinePoolSpec.Builder builder() {
    return ImmutableDevMachinePoolSpec.builder();
  }
}
