package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A KubeadmConfig ({@code bootstrap.cluster.x-k8s.io/v1beta2}): the bootstrap config of one Machine, or the one
 * shared config of a MachinePool. Its bootstrap data Secret has the same name.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfig.class)
@JsonDeserialize(as = ImmutableKubeadmConfig.class)
public abstract class KubeadmConfig implements CapiObject, WithKubeadmConfig {
  public static final String KIND = "KubeadmConfig";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Kubeadm.API_VERSION;
  }

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String kind() {
    return KIND;
  }

  @Override
  @Value.Default
  public ObjectMeta metadata() {
    return new ObjectMeta();
  }

  public abstract Optional<KubeadmConfigSpec> spec();

  /** {@code spec}, or an empty one. */
  public KubeadmConfigSpec specOrEmpty() {
    return spec().orElse(KubeadmConfigSpec.builder().build());
  }

  public abstract Optional<KubeadmConfigStatus> status();

  public static ImmutableKubeadmConfig.Builder builder() {
    return ImmutableKubeadmConfig.builder();
  }
}
