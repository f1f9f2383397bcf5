package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * EKS node auto repair.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNodeRepairConfig.class)
@JsonDeserialize(as = ImmutableNodeRepairConfig.class)
public abstract class NodeRepairConfig implements UnknownFields, WithNodeRepairConfig {
  public abstract Optional<Boolean> enabled();

  public static ImmutableNodeRepairConfig.Builder builder() {
    return ImmutableNodeRepairConfig.builder();
  }
}
