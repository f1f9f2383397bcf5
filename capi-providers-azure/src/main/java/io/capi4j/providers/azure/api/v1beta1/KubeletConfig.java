package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Kubelet settings of an AKS node pool ({@code KubeletConfig}); fields CAPZ's rules do not read stay unknown. */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeletConfig.class)
@JsonDeserialize(as = ImmutableKubeletConfig.class)
public abstract class KubeletConfig implements UnknownFields, WithKubeletConfig {
  /** Milliseconds with an {@code ms} suffix. */
  public abstract Optional<String> cpuCfsQuotaPeriod();

  public abstract Optional<Integer> imageGcHighThreshold();

  /** At most imageGcHighThreshold. */
  public abstract Optional<Integer> imageGcLowThreshold();

  /** Patterns AKS allows: {@code kernel.shm*}, {@code kernel.msg*}, {@code kernel.sem}, {@code fs.mqueue.*}, {@code net.*}. */
  public abstract List<String> allowedUnsafeSysctls();

  public abstract Optional<Boolean> failSwapOn();

  public static ImmutableKubeletConfig.Builder builder() {
    return ImmutableKubeletConfig.builder();
  }
}
