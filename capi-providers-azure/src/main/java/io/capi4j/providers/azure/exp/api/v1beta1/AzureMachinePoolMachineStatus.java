package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code status} of an AzureMachinePoolMachine. {@code failure*} and {@code longRunningOperationStates} stay in the
 * unknown fields.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePoolMachineStatus.class)
@JsonDeserialize(as = ImmutableAzureMachinePoolMachineStatus.class)
public abstract class AzureMachinePoolMachineStatus implements UnknownFields, WithAzureMachinePoolMachineStatus {
  public abstract Optional<ObjectReference> nodeRef();

  /** The kubelet version. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String version() {
    return "";
  }

  /** The VM's provisioning state, e.g. {@code Succeeded}. */
  public abstract Optional<String> provisioningState();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String instanceName() {
    return "";
  }

  public abstract List<Condition> conditions();

  /** Whether the instance runs the VMSS's latest model (image equality). */
  @Value.Default
  public boolean latestModelApplied() {
    return false;
  }

  /** Whether the node is Ready. */
  @Value.Default
  public boolean ready() {
    return false;
  }

  public static ImmutableAzureMachinePoolMachineStatus.Builder builder() {
    return ImmutableAzureMachinePoolMachineStatus.builder();
  }
}
