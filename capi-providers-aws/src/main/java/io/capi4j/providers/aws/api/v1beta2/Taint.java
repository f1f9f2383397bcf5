package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A taint on an EKS node group's nodes.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTaint.class)
@JsonDeserialize(as = ImmutableTaint.class)
public abstract class Taint implements UnknownFields, WithTaint {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String effect() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String key() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String value() {
    return "";
  }

  public static ImmutableTaint.Builder builder() {
    return ImmutableTaint.builder();
  }
}
