package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A user's hashed password taken from a key of a Secret in the KubeadmConfig's namespace.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSecretPasswdSource.class)
@JsonDeserialize(as = ImmutableSecretPasswdSource.class)
public abstract class SecretPasswdSource implements UnknownFields, WithSecretPasswdSource {
  /** The Secret's name; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** The key in the Secret's data; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String key() {
    return "";
  }

  public static ImmutableSecretPasswdSource.Builder builder() {
    return ImmutableSecretPasswdSource.builder();
  }
}
