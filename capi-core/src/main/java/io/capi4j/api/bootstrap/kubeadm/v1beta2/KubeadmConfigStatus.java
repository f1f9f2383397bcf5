package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of a KubeadmConfig. */
@Value.Immutable
@JsonSerialize(as = ImmutableKubeadmConfigStatus.class)
@JsonDeserialize(as = ImmutableKubeadmConfigStatus.class)
public abstract class KubeadmConfigStatus implements UnknownFields, WithKubeadmConfigStatus {
  public abstract List<Condition> conditions();

  public abstract Optional<KubeadmConfigInitializationStatus> initialization();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String dataSecretName() {
    return "";
  }

  public abstract Optional<Long> observedGeneration();

  public static ImmutableKubeadmConfigStatus.Builder builder() {
    return ImmutableKubeadmConfigStatus.builder();
  }
}
