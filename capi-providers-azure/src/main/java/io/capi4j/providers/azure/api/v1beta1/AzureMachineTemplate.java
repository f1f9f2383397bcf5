package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An AzureMachineTemplate ({@code infrastructure.cluster.x-k8s.io/v1beta1}): the AzureMachine a MachineSet
 * clones for each Machine.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachineTemplate.class)
@JsonDeserialize(as = ImmutableAzureMachineTemplate.class)
public abstract class AzureMachineTemplate implements CapiObject, WithAzureMachineTemplate {
  public static final String KIND = "AzureMachineTemplate";

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
  public AzureMachineTemplateSpec spec() {
    return AzureMachineTemplateSpec.builder().build();
  }

  public static ImmutableAzureMachineTemplate.Builder builder() {
    return ImmutableAzureMachineTemplate.builder();
  }
}
