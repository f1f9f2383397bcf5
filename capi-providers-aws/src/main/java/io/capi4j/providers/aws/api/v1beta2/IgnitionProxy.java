package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Ignition proxy settings (Ignition 3.1 and later).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIgnitionProxy.class)
@JsonDeserialize(as = ImmutableIgnitionProxy.class)
public abstract class IgnitionProxy implements UnknownFields, WithIgnitionProxy {
  public abstract Optional<String> httpProxy();

  public abstract Optional<String> httpsProxy();

  public abstract List<String> noProxy();

  public static ImmutableIgnitionProxy.Builder builder() {
    return ImmutableIgnitionProxy.builder();
  }
}
