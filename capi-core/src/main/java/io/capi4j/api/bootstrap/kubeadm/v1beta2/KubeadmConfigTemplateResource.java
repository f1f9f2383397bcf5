package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import io.capi4j.api.UnknownFields;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec.template}: metadata and spec of the configs cloned from this template (MinProperties=1). Only labels and
 * annotations of the metadata are kept.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigTemplateResource.class)
@JsonDeserialize(as = ImmutableKubeadmConfigTemplateResource.class)
public abstract class KubeadmConfigTemplateResource implements UnknownFields, WithKubeadmConfigTemplateResource {
  public abstract Optional<TemplateMeta> metadata();

  public abstract Optional<KubeadmConfigSpec> spec();

  public static ImmutableKubeadmConfigTemplateResource.Builder builder() {
    return ImmutableKubeadmConfigTemplateResource.builder();
  }
}
