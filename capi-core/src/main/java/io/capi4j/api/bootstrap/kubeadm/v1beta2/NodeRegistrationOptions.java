package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code nodeRegistration}: how a node registers with the cluster during {@code kubeadm join} (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNodeRegistrationOptions.class)
@JsonDeserialize(as = ImmutableNodeRegistrationOptions.class)
public abstract class NodeRegistrationOptions implements UnknownFields, WithNodeRegistrationOptions {
  public static final String PULL_ALWAYS = "Always";
  public static final String PULL_IF_NOT_PRESENT = "IfNotPresent";
  public static final String PULL_NEVER = "Never";

  /** The Node's name; kubeadm defaults it to the hostname. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** The container runtime socket. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String criSocket() {
    return "";
  }

  /**
   * The Node's taints at registration. Empty ({@code taints: []}) means "no taints";
   * absent means "kubeadm's default" (which for {@code kubeadm init} is the control-plane taint).
   */
  public abstract Optional<List<Taint>> taints();

  /** Extra kubelet flags (name without dashes); names must be unique. */
  public abstract List<Arg> kubeletExtraArgs();

  /** Preflight errors to ignore, e.g. {@code IsPrivilegedUser}; {@code all} ignores all. */
  public abstract List<String> ignorePreflightErrors();

  /** {@code Always}, {@code IfNotPresent} or {@code Never}; kubeadm defaults it to {@code IfNotPresent}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String imagePullPolicy() {
    return "";
  }

  /** Whether kubeadm pulls images one at a time (Kubernetes 1.31+; kubeadm default true). */
  public abstract Optional<Boolean> imagePullSerial();

  /** Not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !name().isEmpty() || !criSocket().isEmpty() || taints().isPresent() || !kubeletExtraArgs().isEmpty()
        || !ignorePreflightErrors().isEmpty() || !imagePullPolicy().isEmpty() || imagePullSerial().isPresent();
  }

  public static ImmutableNodeRegistrationOptions.Builder builder() {
    return ImmutableNodeRegistrationOptions.builder();
  }
}
