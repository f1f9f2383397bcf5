package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Map;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Dedicated hosts allocated on demand for an AWSMachine.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDynamicHostAllocationSpec.class)
@JsonDeserialize(as = ImmutableDynamicHostAllocationSpec.class)
public abstract class DynamicHostAllocationSpec implements UnknownFields, WithDynamicHostAllocationSpec {
  public abstract Map<String, String> tags();

  public static ImmutableDynamicHostAllocationSpec.Builder builder() {
    return ImmutableDynamicHostAllocationSpec.builder();
  }
}
