package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code discovery.bootstrapToken}: bootstrap-token based discovery (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBootstrapTokenDiscovery.class)
@JsonDeserialize(as = ImmutableBootstrapTokenDiscovery.class)
public abstract class BootstrapTokenDiscovery implements UnknownFields, WithBootstrapTokenDiscovery {
  /** The token used to validate cluster information fetched from the control plane. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String token() {
    return "";
  }

  /** IP or domain name of the API server to fetch cluster information from. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiServerEndpoint() {
    return "";
  }

  /** Public key pins ({@code sha256:<hex>}) the root CA must match. */
  public abstract List<String> caCertHashes();

  /** Allows discovery without {@code caCertHashes} pinning. */
  public abstract Optional<Boolean> unsafeSkipCAVerification();

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !token().isEmpty() || !apiServerEndpoint().isEmpty() || !caCertHashes().isEmpty()
        || unsafeSkipCAVerification().isPresent();
  }

  public static ImmutableBootstrapTokenDiscovery.Builder builder() {
    return ImmutableBootstrapTokenDiscovery.builder();
  }
}
