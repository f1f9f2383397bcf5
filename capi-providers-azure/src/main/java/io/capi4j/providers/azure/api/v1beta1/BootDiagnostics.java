package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Boot diagnostics settings ({@code BootDiagnostics}). */
@Value.Immutable
@JsonSerialize(as = ImmutableBootDiagnostics.class)
@JsonDeserialize(as = ImmutableBootDiagnostics.class)
public abstract class BootDiagnostics implements UnknownFields, WithBootDiagnostics {
  /** {@code Managed}, {@code UserManaged} or {@code Disabled}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String storageAccountType() {
    return "";
  }

  public abstract Optional<UserManagedBootDiagnostics> userManaged();

  public static ImmutableBootDiagnostics.Builder builder() {
    return ImmutableBootDiagnostics.builder();
  }
}
