package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code discovery}: how the joining node's kubelet finds and trusts the API server (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDiscovery.class)
@JsonDeserialize(as = ImmutableDiscovery.class)
public abstract class Discovery implements UnknownFields, WithDiscovery {
  /** Bootstrap-token based discovery; exclusive with {@code file}. */
  public abstract Optional<BootstrapTokenDiscovery> bootstrapToken();

  /** Discovery from a kubeconfig file; exclusive with {@code bootstrapToken}. */
  public abstract Optional<FileDiscovery> file();

  /**
   * The TLS bootstrap token; defaults to {@code bootstrapToken.token}, and must be set with
   * {@code file} when the kubeconfig carries no other credentials.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String tlsBootstrapToken() {
    return "";
  }

  /** {@code file}, or an empty one. */
  public FileDiscovery fileOrEmpty() {
    return file().orElse(FileDiscovery.builder().build());
  }

  /** Not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return bootstrapToken().map(BootstrapTokenDiscovery::isDefined).orElse(false)
        || file().map(FileDiscovery::isDefined).orElse(false)
        || !tlsBootstrapToken().isEmpty();
  }

  public static ImmutableDiscovery.Builder builder() {
    return ImmutableDiscovery.builder();
  }
}
