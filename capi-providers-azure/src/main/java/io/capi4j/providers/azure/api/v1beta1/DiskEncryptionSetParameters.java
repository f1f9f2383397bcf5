package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A customer-managed disk encryption set ({@code DiskEncryptionSetParameters}). */
@Value.Immutable
@JsonSerialize(as = ImmutableDiskEncryptionSetParameters.class)
@JsonDeserialize(as = ImmutableDiskEncryptionSetParameters.class)
public abstract class DiskEncryptionSetParameters implements UnknownFields, WithDiskEncryptionSetParameters {
  /** The resource ID of the disk encryption set. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String id() {
    return "";
  }

  public static ImmutableDiskEncryptionSetParameters.Builder builder() {
    return ImmutableDiskEncryptionSetParameters.builder();
  }
}
