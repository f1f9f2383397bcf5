package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code status} of an AzureMachinePool. Legacy {@code instances}, {@code failure*} and
 * {@code longRunningOperationStates} stay in the unknown fields.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePoolStatus.class)
@JsonDeserialize(as = ImmutableAzureMachinePoolStatus.class)
public abstract class AzureMachinePoolStatus implements UnknownFields, WithAzureMachinePoolStatus {
  @Value.Default
  public boolean ready() {
    return false;
  }

  /** The number of AzureMachinePoolMachines whose {@code status.ready} is true (not the instance count). */
  @Value.Default
  public int replicas() {
    return 0;
  }

  public abstract Optional<Image> image();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String version() {
    return "";
  }

  /** The VMSS provisioning state. */
  public abstract Optional<String> provisioningState();

  /** CAPI v1beta1 conditions (their {@code severity} is kept by fabric8). */
  public abstract List<Condition> conditions();

  /** {@code AzureMachinePoolMachine} once the controller reconciled. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String infrastructureMachineKind() {
    return "";
  }

  /** The desired replicas the pool last converged to (CAPZ main after v1.26.0). */
  public abstract Optional<Integer> lastReconciledReplicas();

  public static ImmutableAzureMachinePoolStatus.Builder builder() {
    return ImmutableAzureMachinePoolStatus.builder();
  }
}
