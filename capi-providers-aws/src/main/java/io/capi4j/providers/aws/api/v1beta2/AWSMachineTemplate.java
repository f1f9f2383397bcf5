package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An AWSMachineTemplate ({@code infrastructure.cluster.x-k8s.io/v1beta2}): the AWSMachine a MachineDeployment's
 * Machines are cloned from. Its spec is immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachineTemplate.class)
@JsonDeserialize(as = ImmutableAWSMachineTemplate.class)
public abstract class AWSMachineTemplate implements CapiObject, WithAWSMachineTemplate {
  public static final String KIND = "AWSMachineTemplate";

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
  public AWSMachineTemplateSpec spec() {
    return AWSMachineTemplateSpec.builder().build();
  }

  public static ImmutableAWSMachineTemplate.Builder builder() {
    return ImmutableAWSMachineTemplate.builder();
  }
}
