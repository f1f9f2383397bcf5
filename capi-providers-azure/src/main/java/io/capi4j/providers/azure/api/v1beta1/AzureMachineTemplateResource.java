package io.capi4j.providers.azure.api.v1beta1;

import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.template} of an AzureMachineTemplate; its {@code metadata} stays in the unknown fields. */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachineTemplateResource.class)
@JsonDeserialize(as = ImmutableAzureMachineTemplateResource.class)
public abstract class AzureMachineTemplateResource implements UnknownFields, WithAzureMachineTemplateResource {
  @Value.Default
  public AzureMachineSpec spec() {
    return AzureMachineSpec.builder().build();
  }

  public static ImmutableAzureMachineTemplateResource.Builder builder() {
    return ImmutableAzureMachineTemplateResource.builder();
  }
}
