package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * ASG processes to keep suspended.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSuspendProcessesTypes.class)
@JsonDeserialize(as = ImmutableSuspendProcessesTypes.class)
public abstract class SuspendProcessesTypes implements UnknownFields, WithSuspendProcessesTypes {
  public abstract Optional<Boolean> all();

  public abstract Optional<Processes> processes();

  public static ImmutableSuspendProcessesTypes.Builder builder() {
    return ImmutableSuspendProcessesTypes.builder();
  }
}
