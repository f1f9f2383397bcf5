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
 * An AWSManagedMachinePool ({@code infrastructure.cluster.x-k8s.io/v1beta2}): the InfraMachinePool backed by an EKS
 * managed node group. EKS replaces the nodes on a version or launch template update, under {@code updateConfig}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSManagedMachinePool.class)
@JsonDeserialize(as = ImmutableAWSManagedMachinePool.class)
public abstract class AWSManagedMachinePool implements CapiObject, WithAWSManagedMachinePool {
  public static final String KIND = "AWSManagedMachinePool";

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
  public AWSManagedMachinePoolSpec spec() {
    return AWSManagedMachinePoolSpec.builder().build();
  }

  public abstract Optional<AWSManagedMachinePoolStatus> status();

  public static ImmutableAWSManagedMachinePool.Builder builder() {
    return ImmutableAWSManagedMachinePool.builder();
  }
}
