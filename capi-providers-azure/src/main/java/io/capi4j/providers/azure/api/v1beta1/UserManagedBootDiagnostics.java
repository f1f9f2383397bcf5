package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A user-managed storage account for boot diagnostics ({@code UserManagedBootDiagnostics}). */
@Value.Immutable
@JsonSerialize(as = ImmutableUserManagedBootDiagnostics.class)
@JsonDeserialize(as = ImmutableUserManagedBootDiagnostics.class)
public abstract class UserManagedBootDiagnostics implements UnknownFields, WithUserManagedBootDiagnostics {
  /** Must start with {@code https://} (CRD pattern). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String storageAccountURI() {
    return "";
  }

  public static ImmutableUserManagedBootDiagnostics.Builder builder() {
    return ImmutableUserManagedBootDiagnostics.builder();
  }
}
