package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code status} of an AWSMachinePool. Conditions (v1beta1 style) are kept as an unknown field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachinePoolStatus.class)
@JsonDeserialize(as = ImmutableAWSMachinePoolStatus.class)
public abstract class AWSMachinePoolStatus implements UnknownFields, WithAWSMachinePoolStatus {
  public abstract Optional<Boolean> ready();

  public abstract Optional<Integer> replicas();

  public abstract List<AWSMachinePoolInstanceStatus> instances();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String launchTemplateID() {
    return "";
  }

  public abstract Optional<String> launchTemplateVersion();

  public abstract Optional<String> failureReason();

  public abstract Optional<String> failureMessage();

  public abstract Optional<String> asgStatus();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String infrastructureMachineKind() {
    return "";
  }

  public static ImmutableAWSMachinePoolStatus.Builder builder() {
    return ImmutableAWSMachinePoolStatus.builder();
  }
}
