package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How an ASG mixes instance types and purchase options.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMixedInstancesPolicy.class)
@JsonDeserialize(as = ImmutableMixedInstancesPolicy.class)
public abstract class MixedInstancesPolicy implements UnknownFields, WithMixedInstancesPolicy {
  public abstract Optional<InstancesDistribution> instancesDistribution();

  public abstract List<Overrides> overrides();

  public static ImmutableMixedInstancesPolicy.Builder builder() {
    return ImmutableMixedInstancesPolicy.builder();
  }
}
