package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** An AzureManagedMachinePool ({@code infrastructure.cluster.x-k8s.io/v1beta1}): one AKS agent pool. */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureManagedMachinePool.class)
@JsonDeserialize(as = ImmutableAzureManagedMachinePool.class)
public abstract class AzureManagedMachinePool implements CapiObject, WithAzureManagedMachinePool {
  public static final String KIND = "AzureManagedMachinePool";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Azure.API_VERSION;
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
  public AzureManagedMachinePoolSpec spec() {
    return AzureManagedMachinePoolSpec.builder().build();
  }

  public abstract Optional<AzureManagedMachinePoolStatus> status();

  public static ImmutableAzureManagedMachinePool.Builder builder() {
    return ImmutableAzureManagedMachinePool.builder();
  }
}
