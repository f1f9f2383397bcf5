package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec.template} of an AWSMachineTemplate; its {@code metadata} is kept as an unknown field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachineTemplateResource.class)
@JsonDeserialize(as = ImmutableAWSMachineTemplateResource.class)
public abstract class AWSMachineTemplateResource implements UnknownFields, WithAWSMachineTemplateResource {
  public abstract Optional<AWSMachineSpec> spec();

  /** {@code spec}, or an empty one. */
  public AWSMachineSpec specOrEmpty() {
    return spec().orElse(AWSMachineSpec.builder().build());
  }

  public static ImmutableAWSMachineTemplateResource.Builder builder() {
    return ImmutableAWSMachineTemplateResource.builder();
  }
}
