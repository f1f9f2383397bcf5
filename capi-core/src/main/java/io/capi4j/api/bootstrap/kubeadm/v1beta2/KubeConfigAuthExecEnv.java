package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An environment variable of an exec credential plugin.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeConfigAuthExecEnv.class)
@JsonDeserialize(as = ImmutableKubeConfigAuthExecEnv.class)
public abstract class KubeConfigAuthExecEnv implements UnknownFields, WithKubeConfigAuthExecEnv {
  /** Variable name; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** Variable value; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String value() {
    return "";
  }

  public static ImmutableKubeConfigAuthExecEnv.Builder builder() {
    return ImmutableKubeConfigAuthExecEnv.builder();
  }
}
