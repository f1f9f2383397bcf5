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
 * An AWSMachinePool ({@code infrastructure.cluster.x-k8s.io/v1beta2}): the InfraMachinePool backed by one EC2 Auto
 * Scaling group (ASG) and one launch template, both named after the object. New launch template versions reach
 * existing instances through an ASG instance refresh.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachinePool.class)
@JsonDeserialize(as = ImmutableAWSMachinePool.class)
public abstract class AWSMachinePool implements CapiObject, WithAWSMachinePool {
  public static final String KIND = "AWSMachinePool";

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
  public AWSMachinePoolSpec spec() {
    return AWSMachinePoolSpec.builder().build();
  }

  public abstract Optional<AWSMachinePoolStatus> status();

  public static ImmutableAWSMachinePool.Builder builder() {
    return ImmutableAWSMachinePool.builder();
  }
}
