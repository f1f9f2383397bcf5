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
 * An AzureMachinePoolMachine ({@code infrastructure.cluster.x-k8s.io/v1beta1}): one VMSS instance, owned by a CAPI
 * Machine.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePoolMachine.class)
@JsonDeserialize(as = ImmutableAzureMachinePoolMachine.class)
public abstract class AzureMachinePoolMachine implements CapiObject, WithAzureMachinePoolMachine {
  public static final String KIND = "AzureMachinePoolMachine";

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
  public AzureMachinePoolMachineSpec spec() {
    return AzureMachinePoolMachineSpec.builder().build();
  }

  public abstract Optional<AzureMachinePoolMachineStatus> status();

  public static ImmutableAzureMachinePoolMachine.Builder builder() {
    return ImmutableAzureMachinePoolMachine.builder();
  }
}
