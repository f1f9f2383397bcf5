package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How many nodes EKS may update at once: exactly one of the two fields, 1 to 100.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableUpdateConfig.class)
@JsonDeserialize(as = ImmutableUpdateConfig.class)
public abstract class UpdateConfig implements UnknownFields, WithUpdateConfig {
  public abstract Optional<Integer> maxUnavailable();

  public abstract Optional<Integer> maxUnavailablePercentage();

  public static ImmutableUpdateConfig.Builder builder() {
    return ImmutableUpdateConfig.builder();
  }
}
