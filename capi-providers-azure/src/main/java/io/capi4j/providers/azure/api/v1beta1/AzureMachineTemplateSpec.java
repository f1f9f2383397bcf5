package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of an AzureMachineTemplate. */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachineTemplateSpec.class)
@JsonDeserialize(as = ImmutableAzureMachineTemplateSpec.class)
public abstract class AzureMachineTemplateSpec implements UnknownFields, WithAzureMachineTemplateSpec {
  @Value.Default
  public AzureMachineTemplateResource template() {
    return AzureMachineTemplateResource.builder().build();
  }

  public static ImmutableAzureMachineTemplateSpec.Builder builder() {
    return ImmutableAzureMachineTemplateSpec.builder();
  }
}
