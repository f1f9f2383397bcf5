package io.capi4j.api.core.v1beta2;

import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.initialization}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachinePoolInitializationStatus.class)
@JsonDeserialize(as = ImmutableMachinePoolInitializationStatus.class)
public abstract class MachinePoolInitializationStatus implements UnknownFields, WithMachinePoolInitializationStatus {
  public abstract Optional<Boolean> infrastructureProvisioned();

  public abstract Optional<Boolean> bootstrapDataSecretCreated();

  public static ImmutableMachinePoolInitializationStatus.Builder builder() {
    return ImmutableMachinePoolInitializationStatus.builder();
  }
}
