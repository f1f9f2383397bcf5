package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A reference to an AMI: an explicit ID, or a lookup.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAMIReference.class)
@JsonDeserialize(as = ImmutableAMIReference.class)
public abstract class AMIReference implements UnknownFields, WithAMIReference {
  public abstract Optional<String> id();

  public abstract Optional<String> eksLookupType();

  public static ImmutableAMIReference.Builder builder() {
    return ImmutableAMIReference.builder();
  }
}
