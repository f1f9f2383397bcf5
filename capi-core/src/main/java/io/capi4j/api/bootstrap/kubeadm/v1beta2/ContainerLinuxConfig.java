package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code ignition.containerLinuxConfig}: Container Linux Config merged into the generated Ignition config (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContainerLinuxConfig.class)
@JsonDeserialize(as = ImmutableContainerLinuxConfig.class)
public abstract class ContainerLinuxConfig implements UnknownFields, WithContainerLinuxConfig {
  /** Extra CLC merged with the generated configuration. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String additionalConfig() {
    return "";
  }

  /** Whether warnings when parsing {@code additionalConfig} are errors. */
  public abstract Optional<Boolean> strict();

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !additionalConfig().isEmpty() || strict().isPresent();
  }

  public static ImmutableContainerLinuxConfig.Builder builder() {
    return ImmutableContainerLinuxConfig.builder();
  }
}
