package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code timeouts}: kubeadm timeouts in seconds (MinProperties=1, each at least 0). Unset means kubeadm's default.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTimeouts.class)
@JsonDeserialize(as = ImmutableTimeouts.class)
public abstract class Timeouts implements UnknownFields, WithTimeouts {
  /** Wait for control-plane components to be healthy (default 240). */
  public abstract Optional<Integer> controlPlaneComponentHealthCheckSeconds();

  /** Wait for the kubelet to be healthy (default 240). */
  public abstract Optional<Integer> kubeletHealthCheckSeconds();

  /** Wait for one API server request (default 60). */
  public abstract Optional<Integer> kubernetesAPICallSeconds();

  /** Wait for one etcd request (default 120). */
  public abstract Optional<Integer> etcdAPICallSeconds();

  /** Wait for the kubelet's TLS bootstrap (default 300). */
  public abstract Optional<Integer> tlsBootstrapSeconds();

  /** Wait for discovery to validate the API server (default 300; v1beta1's {@code discovery.timeout}). */
  public abstract Optional<Integer> discoverySeconds();

  /** Not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return controlPlaneComponentHealthCheckSeconds().isPresent() || kubeletHealthCheckSeconds().isPresent()
        || kubernetesAPICallSeconds().isPresent() || etcdAPICallSeconds().isPresent()
        || tlsBootstrapSeconds().isPresent() || discoverySeconds().isPresent();
  }

  public static ImmutableTimeouts.Builder builder() {
    return ImmutableTimeouts.builder();
  }
}
