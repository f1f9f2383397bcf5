package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Linux OS settings of an AKS node pool ({@code LinuxOSConfig}). */
@Value.Immutable
@JsonSerialize(as = ImmutableLinuxOSConfig.class)
@JsonDeserialize(as = ImmutableLinuxOSConfig.class)
public abstract class LinuxOSConfig implements UnknownFields, WithLinuxOSConfig {
  /** Needs kubeletConfig.failSwapOn false. */
  public abstract Optional<Integer> swapFileSizeMB();

  public abstract Optional<SysctlConfig> sysctls();

  public static ImmutableLinuxOSConfig.Builder builder() {
    return ImmutableLinuxOSConfig.builder();
  }
}
