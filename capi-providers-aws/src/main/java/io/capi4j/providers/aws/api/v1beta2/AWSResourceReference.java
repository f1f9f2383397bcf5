package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A reference to an AWS resource by ID or by filters (one of the two).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSResourceReference.class)
@JsonDeserialize(as = ImmutableAWSResourceReference.class)
public abstract class AWSResourceReference implements UnknownFields, WithAWSResourceReference {
  public abstract Optional<String> id();

  public abstract List<Filter> filters();

  public static ImmutableAWSResourceReference.Builder builder() {
    return ImmutableAWSResourceReference.builder();
  }
}
