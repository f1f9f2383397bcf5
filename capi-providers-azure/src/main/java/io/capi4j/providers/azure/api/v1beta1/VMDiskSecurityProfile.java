package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Security settings of a managed disk of a confidential VM ({@code VMDiskSecurityProfile}). */
@Value.Immutable
@JsonSerialize(as = ImmutableVMDiskSecurityProfile.class)
@JsonDeserialize(as = ImmutableVMDiskSecurityProfile.class)
public abstract class VMDiskSecurityProfile implements UnknownFields, WithVMDiskSecurityProfile {
  public abstract Optional<DiskEncryptionSetParameters> diskEncryptionSet();

  /** {@code VMGuestStateOnly} or {@code DiskWithVMGuestState}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String securityEncryptionType() {
    return "";
  }

  public static ImmutableVMDiskSecurityProfile.Builder builder() {
    return ImmutableVMDiskSecurityProfile.builder();
  }
}
