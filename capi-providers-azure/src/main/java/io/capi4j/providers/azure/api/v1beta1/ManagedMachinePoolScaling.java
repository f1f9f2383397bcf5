package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Autoscaling bounds of an AKS node pool ({@code ManagedMachinePoolScaling}). */
@Value.Immutable
@JsonSerialize(as = ImmutableManagedMachinePoolScaling.class)
@JsonDeserialize(as = ImmutableManagedMachinePoolScaling.class)
public abstract class ManagedMachinePoolScaling implements UnknownFields, WithManagedMachinePoolScaling {
  /** AKS {@code minCount}; CAPZ sets no bound. */
  public abstract Optional<Integer> minSize();

  /** AKS {@code maxCount}; CAPZ sets no bound. */
  public abstract Optional<Integer> maxSize();

  public static ImmutableManagedMachinePoolScaling.Builder builder() {
    return ImmutableManagedMachinePoolScaling.builder();
  }
}
