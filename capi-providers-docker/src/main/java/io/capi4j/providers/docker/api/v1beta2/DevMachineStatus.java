package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import io.capi4j.api.core.v1beta2.MachineAddress;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of a DevMachine; the other fields are kept as unknown fields. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachineStatus.class)
@JsonDeserialize(as = ImmutableDevMachineStatus.class)
public abstract class DevMachineStatus implements UnknownFields, WithDevMachineStatus {
  public abstract List<Condition> conditions();

  public abstract Optional<DevMachineInitializationStatus> initialization();

  public abstract List<MachineAddress> addresses();

  public static ImmutableDevMachineStatus.Builder builder() {
    return ImmutableDevMachineStatus.builder();
  }
}
