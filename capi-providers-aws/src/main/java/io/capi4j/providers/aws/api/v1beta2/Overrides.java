package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An instance type that overrides the launch template's.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOverrides.class)
@JsonDeserialize(as = ImmutableOverrides.class)
public abstract class Overrides implements UnknownFields, WithOverrides {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String instanceType() {
    return "";
  }

  public static ImmutableOverrides.Builder builder() {
    return ImmutableOverrides.builder();
  }
}
