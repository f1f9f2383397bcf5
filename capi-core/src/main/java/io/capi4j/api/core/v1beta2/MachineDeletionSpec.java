package io.capi4j.api.core.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.deletion} of a Machine: how long deletion may wait for each stage (seconds, 0 = forever). */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeletionSpec.class)
@JsonDeserialize(as = ImmutableMachineDeletionSpec.class)
public abstract class MachineDeletionSpec implements UnknownFields, WithMachineDeletionSpec {
  public abstract Optional<Integer> nodeDrainTimeoutSeconds();

  public abstract Optional<Integer> nodeVolumeDetachTimeoutSeconds();

  /** Defaulted to 10 by the webhook. */
  public abstract Optional<Integer> nodeDeletionTimeoutSeconds();

  public static ImmutableMachineDeletionSpec.Builder builder() {
    return ImmutableMachineDeletionSpec.builder();
  }
}
