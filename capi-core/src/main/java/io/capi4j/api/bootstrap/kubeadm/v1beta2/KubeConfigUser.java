package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code kubeConfig.user}: the node's identity; exactly one of {@code authProvider} and {@code exec} (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeConfigUser.class)
@JsonDeserialize(as = ImmutableKubeConfigUser.class)
public abstract class KubeConfigUser implements UnknownFields, WithKubeConfigUser {
  /** A custom authentication plugin. */
  public abstract Optional<KubeConfigAuthProvider> authProvider();

  /** An exec-based credential plugin. */
  public abstract Optional<KubeConfigAuthExec> exec();

  /** Not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return authProvider().map(KubeConfigAuthProvider::isDefined).orElse(false)
        || exec().map(KubeConfigAuthExec::isDefined).orElse(false);
  }

  public static ImmutableKubeConfigUser.Builder builder() {
    return ImmutableKubeConfigUser.builder();
  }
}
