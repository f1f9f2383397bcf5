package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code status} of an AWSManagedMachinePool. Conditions are kept as an unknown field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSManagedMachinePoolStatus.class)
@JsonDeserialize(as = ImmutableAWSManagedMachinePoolStatus.class)
public abstract class AWSManagedMachinePoolStatus implements UnknownFields, WithAWSManagedMachinePoolStatus {
  public abstract Optional<Boolean> ready();

  public abstract Optional<Integer> replicas();

  public abstract Optional<String> launchTemplateID();

  public abstract Optional<String> launchTemplateVersion();

  public abstract Optional<String> failureReason();

  public abstract Optional<String> failureMessage();

  public static ImmutableAWSManagedMachinePoolStatus.Builder builder() {
    return ImmutableAWSManagedMachinePoolStatus.builder();
  }
}
