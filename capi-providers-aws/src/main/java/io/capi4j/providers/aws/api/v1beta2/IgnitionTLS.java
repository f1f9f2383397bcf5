package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Ignition TLS settings (Ignition 3.1 and later).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIgnitionTLS.class)
@JsonDeserialize(as = ImmutableIgnitionTLS.class)
public abstract class IgnitionTLS implements UnknownFields, WithIgnitionTLS {
  public abstract List<String> certificateAuthorities();

  public static ImmutableIgnitionTLS.Builder builder() {
    return ImmutableIgnitionTLS.builder();
  }
}
