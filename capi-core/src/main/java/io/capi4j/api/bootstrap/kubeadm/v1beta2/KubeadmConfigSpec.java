package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The spec of a KubeadmConfig: how kubeadm joins (or initialises) a node. */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigSpec.class)
@JsonDeserialize(as = ImmutableKubeadmConfigSpec.class)
public abstract class KubeadmConfigSpec implements UnknownFields, WithKubeadmConfigSpec {
  /** {@code cloud-config} (the default when empty) or {@code ignition}. */
  @Value.Default
  public String format() {
    return "";
  }

  public static ImmutableKubeadmConfigSpec.Builder builder() {
    return ImmutableKubeadmConfigSpec.builder();
  }
}
