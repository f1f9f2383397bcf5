package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code kubeConfig.cluster}: how to communicate with the cluster (adapted from client-go's {@code Cluster}, MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeConfigCluster.class)
@JsonDeserialize(as = ImmutableKubeConfigCluster.class)
public abstract class KubeConfigCluster implements UnknownFields, WithKubeConfigCluster {
  /** The API server address ({@code https://host:port}); defaults to the Cluster's control-plane endpoint. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String server() {
    return "";
  }

  /** The server name to check the server certificate against. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String tlsServerName() {
    return "";
  }

  /** Skips verification of the server certificate. */
  public abstract Optional<Boolean> insecureSkipTLSVerify();

  /**
   * PEM CA certificates, base64-encoded as on the wire (Go {@code []byte}); defaults to the
   * Cluster's CA.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String certificateAuthorityData() {
    return "";
  }

  /** Proxy URL ({@code http}, {@code https} or {@code socks5}). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String proxyURL() {
    return "";
  }

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !server().isEmpty() || !tlsServerName().isEmpty() || insecureSkipTLSVerify().isPresent()
        || !certificateAuthorityData().isEmpty() || !proxyURL().isEmpty();
  }

  public static ImmutableKubeConfigCluster.Builder builder() {
    return ImmutableKubeConfigCluster.builder();
  }
}
