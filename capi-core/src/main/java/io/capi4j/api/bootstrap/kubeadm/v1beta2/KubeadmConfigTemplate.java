package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A KubeadmConfigTemplate: the template a MachineSet clones one KubeadmConfig per Machine from. */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigTemplate.class)
@JsonDeserialize(as = ImmutableKubeadmConfigTemplate.class)
public abstract class KubeadmConfigTemplate implements CapiObject, WithKubeadmConfigTemplate {
  public static final String KIND = "KubeadmConfigTemplate";

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

  public abstract Optional<KubeadmConfigTemplateSpec> spec();

  /** {@code spec.template.spec}, or an empty spec. */
  public KubeadmConfigSpec templateSpecOrEmpty() {
    return spec().flatMap(KubeadmConfigTemplateSpec::template).flatMap(KubeadmConfigTemplateResource::spec)
        .orElse(KubeadmConfigSpec.builder().build());
  }

  public static ImmutableKubeadmConfigTemplate.Builder builder() {
    return ImmutableKubeadmConfigTemplate.builder();
  }
}
