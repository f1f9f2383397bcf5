package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code passwdFrom} of a user: a union of password sources; only a Secret today.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePasswdSource.class)
@JsonDeserialize(as = ImmutablePasswdSource.class)
public abstract class PasswdSource implements UnknownFields, WithPasswdSource {
  /** The Secret holding the hashed password; required. */
  public abstract Optional<SecretPasswdSource> secret();

  /** Upstream's {@code IsDefined}: not the zero value (a secret name or key is set). */
  @JsonIgnore
  public boolean isDefined() {
    return secret().map(s -> !s.name().isEmpty() || !s.key().isEmpty()).orElse(false);
  }

  /** The password from the key {@code key} of the Secret {@code name}. */
  public static PasswdSource ofSecret(String name, String key) {
    return builder().secret(SecretPasswdSource.builder().name(name).key(key).build()).build();
  }

  public static ImmutablePasswdSource.Builder builder() {
    return ImmutablePasswdSource.builder();
  }
}
