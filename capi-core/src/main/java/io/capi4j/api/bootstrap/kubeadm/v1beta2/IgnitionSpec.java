package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec.ignition}: Ignition-specific configuration (MinProperties=1); only with {@code format: ignition}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIgnitionSpec.class)
@JsonDeserialize(as = ImmutableIgnitionSpec.class)
public abstract class IgnitionSpec implements UnknownFields, WithIgnitionSpec {
  /** Container Linux Config specifics. */
  public abstract Optional<ContainerLinuxConfig> containerLinuxConfig();

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return containerLinuxConfig().map(ContainerLinuxConfig::isDefined).orElse(false);
  }

  public static ImmutableIgnitionSpec.Builder builder() {
    return ImmutableIgnitionSpec.builder();
  }
}
