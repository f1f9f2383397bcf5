package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec}. */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigTemplateSpec.class)
@JsonDeserialize(as = ImmutableKubeadmConfigTemplateSpec.class)
public abstract class KubeadmConfigTemplateSpec implements UnknownFields, WithKubeadmConfigTemplateSpec {
  public abstract Optional<KubeadmConfigTemplateResource> template();

  public static KubeadmConfigTemplateSpec of(KubeadmConfigTemplateResource template) {
    return ImmutableKubeadmConfigTemplateSpec.builder().template(template).build();
  }
}
