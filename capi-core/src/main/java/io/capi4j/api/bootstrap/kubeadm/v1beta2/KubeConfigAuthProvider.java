package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Map;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code user.authProvider}: a custom authentication plugin.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeConfigAuthProvider.class)
@JsonDeserialize(as = ImmutableKubeConfigAuthProvider.class)
public abstract class KubeConfigAuthProvider implements UnknownFields, WithKubeConfigAuthProvider {
  /** The plugin name; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** The plugin's parameters. */
  public abstract Map<String, String> config();

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !name().isEmpty() || !config().isEmpty();
  }

  public static ImmutableKubeConfigAuthProvider.Builder builder() {
    return ImmutableKubeConfigAuthProvider.builder();
  }
}
