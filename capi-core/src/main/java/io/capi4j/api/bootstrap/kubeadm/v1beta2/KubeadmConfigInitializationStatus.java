package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.initialization}. */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigInitializationStatus.class)
@JsonDeserialize(as = ImmutableKubeadmConfigInitializationStatus.class)
public abstract class KubeadmConfigInitializationStatus implements UnknownFields, WithKubeadmConfigInitializationStatus {
  public abstract Optional<Boolean> dataSecretCreated();

  public static KubeadmConfigInitializationStatus of(boolean dataSecretCreated) {
    return ImmutableKubeadmConfigInitializationStatus.builder().dataSecretCreated(dataSecretCreated).build();
  }
}
