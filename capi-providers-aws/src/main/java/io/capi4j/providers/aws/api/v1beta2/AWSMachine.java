package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An AWSMachine ({@code infrastructure.cluster.x-k8s.io/v1beta2}): one EC2 instance backing one Machine.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachine.class)
@JsonDeserialize(as = ImmutableAWSMachine.class)
public abstract class AWSMachine implements CapiObject, WithAWSMachine {
  public static final String KIND = "AWSMachine";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Aws.API_VERSION;
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
  public AWSMachineSpec spec() {
    return AWSMachineSpec.builder().build();
  }

  public abstract Optional<AWSMachineStatus> status();

  public static ImmutableAWSMachine.Builder builder() {
    return ImmutableAWSMachine.builder();
  }
}
