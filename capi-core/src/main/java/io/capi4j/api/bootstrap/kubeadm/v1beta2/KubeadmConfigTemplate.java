package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.capi4j.api.core.v1beta2.TemplateMeta;
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
  @Value.Default
  public String apiVersion() {
    return Kubeadm.API_VERSION;
  }

  @Override
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

  public static ImmutableKubeadmConfigTemplate.Builder builder() {
    return ImmutableKubeadmConfigTemplate.builder();
  }

}
