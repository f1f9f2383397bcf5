package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code status} of an AWSMachine.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachineStatus.class)
@JsonDeserialize(as = ImmutableAWSMachineStatus.class)
public abstract class AWSMachineStatus implements UnknownFields, WithAWSMachineStatus {
  public abstract Optional<Boolean> ready();

  public abstract Optional<Boolean> interruptible();

  public abstract Optional<String> instanceState();

  public abstract Optional<String> failureReason();

  public abstract Optional<String> failureMessage();

  public static ImmutableAWSMachineStatus.Builder builder() {
    return ImmutableAWSMachineStatus.builder();
  }
}
