package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** Linux sysctls of an AKS node pool ({@code SysctlConfig}); only the local port range is modelled. */
@Value.Immutable
@JsonSerialize(as = ImmutableSysctlConfig.class)
@JsonDeserialize(as = ImmutableSysctlConfig.class)
public abstract class SysctlConfig implements UnknownFields, WithSysctlConfig {
  /** {@code "<first> <last>"}, first in [1024, 60999], last in [32768, 65000]. */
  public abstract Optional<String> netIpv4IpLocalPortRange();

  public static ImmutableSysctlConfig.Builder builder() {
    return ImmutableSysctlConfig.builder();
  }
}
