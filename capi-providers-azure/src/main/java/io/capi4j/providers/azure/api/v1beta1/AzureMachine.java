package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An AzureMachine ({@code infrastructure.cluster.x-k8s.io/v1beta1}): one Azure VM. Its status stays in the
 * unknown fields.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachine.class)
@JsonDeserialize(as = ImmutableAzureMachine.class)
public abstract class AzureMachine implements CapiObject, WithAzureMachine {
  public static final String KIND = "AzureMachine";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Azure.API_VERSION;
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

  @Value.Default
  public AzureMachineSpec spec() {
    return AzureMachineSpec.builder().build();
  }

  public static ImmutableAzureMachine.Builder builder() {
    return ImmutableAzureMachine.builder();
  }
}
