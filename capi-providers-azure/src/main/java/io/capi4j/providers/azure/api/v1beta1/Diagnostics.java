package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Diagnostics settings of a VM ({@code Diagnostics}). */
@Value.Immutable
@JsonSerialize(as = ImmutableDiagnostics.class)
@JsonDeserialize(as = ImmutableDiagnostics.class)
public abstract class Diagnostics implements UnknownFields, WithDiagnostics {
  public abstract Optional<BootDiagnostics> boot();

  public static ImmutableDiagnostics.Builder builder() {
    return ImmutableDiagnostics.builder();
  }
}
