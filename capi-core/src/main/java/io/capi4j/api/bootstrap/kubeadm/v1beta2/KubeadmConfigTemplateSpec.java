package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of a KubeadmConfigTemplate; {@code template} is required (upstream {@code KubeadmConfigTemplateSpec}). */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigTemplateSpec.class)
@JsonDeserialize(as = ImmutableKubeadmConfigTemplateSpec.class)
public abstract class KubeadmConfigTemplateSpec implements UnknownFields, WithKubeadmConfigTemplateSpec {
  public abstract Optional<KubeadmConfigTemplateResource> template();

  public static ImmutableKubeadmConfigTemplateSpec.Builder builder() {
    return ImmutableKubeadmConfigTemplateSpec.builder();
  }

  public static KubeadmConfigTemplateSpec of(KubeadmConfigTemplateResource template) {
    return ImmutableKubeadmConfigTemplateSpec.builder().template(template).build();
  }
}
