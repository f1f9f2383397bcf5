package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Parameters of a managed disk ({@code ManagedDiskParameters}). */
@Value.Immutable
@JsonSerialize(as = ImmutableManagedDiskParameters.class)
@JsonDeserialize(as = ImmutableManagedDiskParameters.class)
public abstract class ManagedDiskParameters implements UnknownFields, WithManagedDiskParameters {
  /** e.g. {@code Premium_LRS}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String storageAccountType() {
    return "";
  }

  public abstract Optional<DiskEncryptionSetParameters> diskEncryptionSet();

  public abstract Optional<VMDiskSecurityProfile> securityProfile();

  public static ImmutableManagedDiskParameters.Builder builder() {
    return ImmutableManagedDiskParameters.builder();
  }
}
