package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * On-Demand and Spot distribution of a mixed instances policy.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInstancesDistribution.class)
@JsonDeserialize(as = ImmutableInstancesDistribution.class)
public abstract class InstancesDistribution implements UnknownFields, WithInstancesDistribution {
  /** {@code prioritized} (CRD default) or {@code lowest-price}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String onDemandAllocationStrategy() {
    return "";
  }

  /** CRD default {@code lowest-price}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String spotAllocationStrategy() {
    return "";
  }

  /** CRD default 0. */
  public abstract Optional<Long> onDemandBaseCapacity();

  /** CRD default 100. */
  public abstract Optional<Long> onDemandPercentageAboveBaseCapacity();

  public static ImmutableInstancesDistribution.Builder builder() {
    return ImmutableInstancesDistribution.builder();
  }
}
