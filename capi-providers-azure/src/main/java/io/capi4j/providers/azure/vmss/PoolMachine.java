package io.capi4j.providers.azure.vmss;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.conditions.Conditions;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What CAPZ's delete selection reads of one AzureMachinePoolMachine (AMPM).
 *
 * @param name the AMPM's name (used for reporting and as the tie-breaker of creation-time orders)
 * @param creationTimestamp {@code metadata.creationTimestamp}; {@link #ZERO_TIME} when unset, as Go's zero time
 * @param deleting whether {@code metadata.deletionTimestamp} is set
 * @param deleteAnnotated whether the AMPM carries {@code cluster.x-k8s.io/delete-machine} (any value)
 * @param ready {@code status.ready}
 * @param provisioningState {@code status.provisioningState}; empty when unset
 * @param latestModelApplied {@code status.latestModelApplied}, refreshed from the VMSS model before selecting
 */
public record PoolMachine(
    String name,
    Instant creationTimestamp,
    boolean deleting,
    boolean deleteAnnotated,
    boolean ready,
    Optional<String> provisioningState,
    boolean latestModelApplied) {

  /** Go's zero {@code time.Time}, earlier than any real timestamp. */
  public static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  public PoolMachine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(creationTimestamp, "creationTimestamp");
    Objects.requireNonNull(provisioningState, "provisioningState");
  }

  /** The selector's view of an AMPM object. */
  public static PoolMachine from(AzureMachinePoolMachine ampm) {
    AzureMachinePoolMachineStatus st = ampm.status().orElse(AzureMachinePoolMachineStatus.builder().build());
    Instant created = Optional.ofNullable(ampm.metadata().getCreationTimestamp())
        .flatMap(Conditions::parseTime)
        .orElse(ZERO_TIME);
    return new PoolMachine(ampm.name(), created, ampm.isDeleting(),
        ampm.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION), st.ready(), st.provisioningState(),
        st.latestModelApplied());
  }

  /** A copy with another {@code latestModelApplied}. */
  public PoolMachine withLatestModelApplied(boolean latest) {
    return new PoolMachine(name, creationTimestamp, deleting, deleteAnnotated, ready, provisioningState, latest);
  }

  /** A copy with the delete annotation set or not. */
  public PoolMachine withDeleteAnnotated(boolean annotated) {
    return new PoolMachine(name, creationTimestamp, deleting, annotated, ready, provisioningState, latestModelApplied);
  }

  boolean stateIs(String state) {
    return provisioningState.filter(state::equals).isPresent();
  }

  /** {@code failed}: provisioning state Failed; the deletion timestamp is not checked. */
  boolean isFailed() {
    return stateIs(Azure.ProvisioningState.FAILED);
  }

  /** {@code deleting}: provisioning state Deleting and not being deleted. */
  boolean isAzureDeleting() {
    return stateIs(Azure.ProvisioningState.DELETING) && !deleting;
  }

  /** {@code ready}: ready, Succeeded and not being deleted. */
  boolean isReadySucceeded() {
    return ready && stateIs(Azure.ProvisioningState.SUCCEEDED) && !deleting;
  }

  /** {@code unready}: not ready, with a provisioning state other than Failed and Deleting, not being deleted. */
  boolean isUnready() {
    return !ready && provisioningState.isPresent() && !deleting && !isFailed()
        && !stateIs(Azure.ProvisioningState.DELETING);
  }
}
