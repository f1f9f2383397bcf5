package io.capi4j.api.core.v1beta2;

import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.initialization}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineInitializationStatus.class)
@JsonDeserialize(as = ImmutableMachineInitializationStatus.class)
public abstract class MachineInitializationStatus implements UnknownFields, WithMachineInitializationStatus {
  public abstract Optional<Boolean> infrastructureProvisioned();

  public abstract Optional<Boolean> bootstrapDataSecretCreated();

  public static ImmutableMachineInitializationStatus.Builder builder() {
    return ImmutableMachineInitializationStatus.builder();
  }
}
