package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec} of an AWSMachineTemplate.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachineTemplateSpec.class)
@JsonDeserialize(as = ImmutableAWSMachineTemplateSpec.class)
public abstract class AWSMachineTemplateSpec implements UnknownFields, WithAWSMachineTemplateSpec {
  public abstract Optional<AWSMachineTemplateResource> template();

  /** {@code template}, or an empty one. */
  public AWSMachineTemplateResource templateOrEmpty() {
    return template().orElse(AWSMachineTemplateResource.builder().build());
  }

  public static ImmutableAWSMachineTemplateSpec.Builder builder() {
    return ImmutableAWSMachineTemplateSpec.builder();
  }
}
