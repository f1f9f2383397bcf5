package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.capi4j.api.core.v1beta2.MachineAddress;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** One of {@code status.instances} of a DevMachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachinePoolInstanceStatus.class)
@JsonDeserialize(as = ImmutableDevMachinePoolInstanceStatus.class)
public abstract class DevMachinePoolInstanceStatus implements UnknownFields, WithDevMachinePoolInstanceStatus {
  public abstract List<MachineAddress> addresses();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String instanceName() {
    return "";
  }

  public abstract Optional<String> providerID();

  public abstract Optional<String> version();

  public abstract Optional<Boolean> ready();

  public static ImmutableDevMachinePoolInstanceStatus.Builder builder() {
    return ImmutableDevMachinePoolInstanceStatus.builder();
  }
}
