package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Spot market options; present means Spot instances.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSpotMarketOptions.class)
@JsonDeserialize(as = ImmutableSpotMarketOptions.class)
public abstract class SpotMarketOptions implements UnknownFields, WithSpotMarketOptions {
  public abstract Optional<String> maxPrice();

  public static ImmutableSpotMarketOptions.Builder builder() {
    return ImmutableSpotMarketOptions.builder();
  }
}
