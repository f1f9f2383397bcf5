package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Spot VM options ({@code SpotVMOptions}); {@code maxPrice} is kept as an unknown field. */
@Value.Immutable
@JsonSerialize(as = ImmutableSpotVMOptions.class)
@JsonDeserialize(as = ImmutableSpotVMOptions.class)
public abstract class SpotVMOptions implements UnknownFields, WithSpotVMOptions {
  /** {@code Deallocate} or {@code Delete}. */
  public abstract Optional<String> evictionPolicy();

  public static ImmutableSpotVMOptions.Builder builder() {
    return ImmutableSpotVMOptions.builder();
  }
}
