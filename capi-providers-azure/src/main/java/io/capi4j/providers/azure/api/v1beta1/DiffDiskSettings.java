package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Ephemeral OS disk settings ({@code DiffDiskSettings}). */
@Value.Immutable
@JsonSerialize(as = ImmutableDiffDiskSettings.class)
@JsonDeserialize(as = ImmutableDiffDiskSettings.class)
public abstract class DiffDiskSettings implements UnknownFields, WithDiffDiskSettings {
  /** {@code Local} enables an ephemeral OS disk. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String option() {
    return "";
  }

  /** {@code CacheDisk}, {@code NvmeDisk} or {@code ResourceDisk}; needs option {@code Local}. */
  public abstract Optional<String> placement();

  public static ImmutableDiffDiskSettings.Builder builder() {
    return ImmutableDiffDiskSettings.builder();
  }
}
