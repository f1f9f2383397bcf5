package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The role assignment of a system-assigned identity ({@code SystemAssignedIdentityRole}). */
@Value.Immutable
@JsonSerialize(as = ImmutableSystemAssignedIdentityRole.class)
@JsonDeserialize(as = ImmutableSystemAssignedIdentityRole.class)
public abstract class SystemAssignedIdentityRole implements UnknownFields, WithSystemAssignedIdentityRole {
  /** The role assignment's name, a UUID; generated when empty. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** The role definition; defaulted to Contributor in the subscription. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String definitionID() {
    return "";
  }

  /** The scope; defaulted to the subscription. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String scope() {
    return "";
  }

  public static ImmutableSystemAssignedIdentityRole.Builder builder() {
    return ImmutableSystemAssignedIdentityRole.builder();
  }
}
