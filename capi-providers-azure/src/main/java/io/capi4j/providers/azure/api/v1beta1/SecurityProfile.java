package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Security settings of a VM ({@code SecurityProfile}). */
@Value.Immutable
@JsonSerialize(as = ImmutableSecurityProfile.class)
@JsonDeserialize(as = ImmutableSecurityProfile.class)
public abstract class SecurityProfile implements UnknownFields, WithSecurityProfile {
  public abstract Optional<Boolean> encryptionAtHost();

  /** {@code TrustedLaunch} or {@code ConfidentialVM}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String securityType() {
    return "";
  }

  public abstract Optional<UefiSettings> uefiSettings();

  public static ImmutableSecurityProfile.Builder builder() {
    return ImmutableSecurityProfile.builder();
  }
}
