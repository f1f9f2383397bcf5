package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An AzureMachinePool ({@code infrastructure.cluster.x-k8s.io/v1beta1}): one Azure VM scale set (VMSS) behind a
 * MachinePool.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePool.class)
@JsonDeserialize(as = ImmutableAzureMachinePool.class)
public abstract class AzureMachinePool implements CapiObject, WithAzureMachinePool {
  public static final String KIND = "AzureMachinePool";

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
  public AzureMachinePoolSpec spec() {
    return AzureMachinePoolSpec.builder().build();
  }

  public abstract Optional<AzureMachinePoolStatus> status();

  public static ImmutableAzureMachinePool.Builder builder() {
    return ImmutableAzureMachinePool.builder();
  }
}
