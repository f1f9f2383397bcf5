package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code contentFrom} of a file: a union of content sources; only a Secret today.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFileSource.class)
@JsonDeserialize(as = ImmutableFileSource.class)
public abstract class FileSource implements UnknownFields, WithFileSource {
  /** The Secret holding the content; required. */
  public abstract Optional<SecretFileSource> secret();

  /** Upstream's {@code IsDefined}: not the zero value (a secret name or key is set). */
  @JsonIgnore
  public boolean isDefined() {
    return secret().map(s -> !s.name().isEmpty() || !s.key().isEmpty()).orElse(false);
  }

  /** Content from the key {@code key} of the Secret {@code name}. */
  public static FileSource ofSecret(String name, String key) {
    return builder().secret(SecretFileSource.builder().name(name).key(key).build()).build();
  }

  public static ImmutableFileSource.Builder builder() {
    return ImmutableFileSource.builder();
  }
}
