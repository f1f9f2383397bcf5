package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Size bounds of an EKS node group.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableManagedMachinePoolScaling.class)
@JsonDeserialize(as = ImmutableManagedMachinePoolScaling.class)
public abstract class ManagedMachinePoolScaling implements UnknownFields, WithManagedMachinePoolScaling {
  public abstract Optional<Integer> minSize();

  public abstract Optional<Integer> maxSize();

  public static ImmutableManagedMachinePoolScaling.Builder builder() {
    return ImmutableManagedMachinePoolScaling.builder();
  }
}
