package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code discovery.file.kubeConfig}: what the generated discovery kubeconfig contains.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFileDiscoveryKubeConfig.class)
@JsonDeserialize(as = ImmutableFileDiscoveryKubeConfig.class)
public abstract class FileDiscoveryKubeConfig implements UnknownFields, WithFileDiscoveryKubeConfig {
  /** How to reach the cluster; server and CA are filled in when empty. */
  public abstract Optional<KubeConfigCluster> cluster();

  /** Who the node is; required. */
  public abstract Optional<KubeConfigUser> user();

  /** {@code user}, or an empty one. */
  public KubeConfigUser userOrEmpty() {
    return user().orElse(KubeConfigUser.builder().build());
  }

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return cluster().map(KubeConfigCluster::isDefined).orElse(false) || user().map(KubeConfigUser::isDefined).orElse(false);
  }

  public static ImmutableFileDiscoveryKubeConfig.Builder builder() {
    return ImmutableFileDiscoveryKubeConfig.builder();
  }
}
