package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One instance of an AWSMachinePool's ASG, in {@code status.instances}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachinePoolInstanceStatus.class)
@JsonDeserialize(as = ImmutableAWSMachinePoolInstanceStatus.class)
public abstract class AWSMachinePoolInstanceStatus implements UnknownFields, WithAWSMachinePoolInstanceStatus {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String instanceID() {
    return "";
  }

  public abstract Optional<String> version();

  public static ImmutableAWSMachinePoolInstanceStatus.Builder builder() {
    return ImmutableAWSMachinePoolInstanceStatus.builder();
  }
}
