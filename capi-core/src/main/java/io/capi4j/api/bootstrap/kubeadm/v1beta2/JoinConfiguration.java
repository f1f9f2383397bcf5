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
 * {@code spec.joinConfiguration}: the kubeadm configuration for {@code kubeadm join}, the worker part of a KubeadmConfig
 * (upstream {@code JoinConfiguration}, MinProperties=1). {@code controlPlane} (control-plane joins only) is not modelled
 * and is kept in {@link #unknownFields()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableJoinConfiguration.class)
@JsonDeserialize(as = ImmutableJoinConfiguration.class)
public abstract class JoinConfiguration implements UnknownFields, WithJoinConfiguration {
  /** How the node registers itself. */
  public abstract Optional<NodeRegistrationOptions> nodeRegistration();

  /** Path of the cluster CA certificate on the node; kubeadm defaults it to {@code /etc/kubernetes/pki/ca.crt}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String caCertPath() {
    return "";
  }

  /** How the kubelet finds and trusts the API server during TLS bootstrap. */
  public abstract Optional<Discovery> discovery();

  /** kubeadm join phases to skip. */
  public abstract List<String> skipPhases();

  /** Patches kubeadm applies to the components it deploys. */
  public abstract Optional<Patches> patches();

  /** kubeadm timeouts. */
  public abstract Optional<Timeouts> timeouts();

  /** {@code nodeRegistration}, or an empty one. */
  public NodeRegistrationOptions nodeRegistrationOrEmpty() {
    return nodeRegistration().orElse(NodeRegistrationOptions.builder().build());
  }

  /** {@code discovery}, or an empty one. */
  public Discovery discoveryOrEmpty() {
    return discovery().orElse(Discovery.builder().build());
  }

  /**
   * Upstream's {@code IsDefined}: not the zero value. Nested objects count only when they are defined themselves;
   * {@code controlPlane} (not modelled) counts when present.
   */
  @JsonIgnore
  public boolean isDefined() {
    return nodeRegistration().map(NodeRegistrationOptions::isDefined).orElse(false)
        || !caCertPath().isEmpty()
        || discovery().map(Discovery::isDefined).orElse(false)
        || unknownFields().containsKey("controlPlane")
        || !skipPhases().isEmpty()
        || patches().map(Patches::isDefined).orElse(false)
        || timeouts().map(Timeouts::isDefined).orElse(false);
  }

  public static ImmutableJoinConfiguration.Builder builder() {
    return ImmutableJoinConfiguration.builder();
  }
}
