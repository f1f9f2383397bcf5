package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** UEFI settings of a VM ({@code UefiSettings}). */
@Value.Immutable
@JsonSerialize(as = ImmutableUefiSettings.class)
@JsonDeserialize(as = ImmutableUefiSettings.class)
public abstract class UefiSettings implements UnknownFields, WithUefiSettings {
  public abstract Optional<Boolean> secureBootEnabled();

  public abstract Optional<Boolean> vTpmEnabled();

  public static ImmutableUefiSettings.Builder builder() {
    return ImmutableUefiSettings.builder();
  }
}
