package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A user-assigned identity ({@code UserAssignedIdentity}). */
@Value.Immutable
@JsonSerialize(as = ImmutableUserAssignedIdentity.class)
@JsonDeserialize(as = ImmutableUserAssignedIdentity.class)
public abstract class UserAssignedIdentity implements UnknownFields, WithUserAssignedIdentity {
  /** The identity's resource ID, optionally prefixed with {@code azure://}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String providerID() {
    return "";
  }

  public static ImmutableUserAssignedIdentity.Builder builder() {
    return ImmutableUserAssignedIdentity.builder();
  }
}
