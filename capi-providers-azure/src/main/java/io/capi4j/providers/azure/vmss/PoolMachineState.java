package io.capi4j.providers.azure.vmss;

import java.util.Objects;

/**
 * An existing AzureMachinePoolMachine as the sync loop sees it.
 *
 * @param machine the selector's view (name, times, readiness, state, model)
 * @param providerID {@code spec.providerID}, which maps the machine to a VMSS instance
 * @param hasOwnerMachine whether CAPI has created the owner Machine yet (CAPZ deletes a machine through it)
 * @param ownerMachineDeleteAnnotated whether the owner Machine carries {@code cluster.x-k8s.io/delete-machine}
 */
public record PoolMachineState(PoolMachine machine, String providerID, boolean hasOwnerMachine, boolean ownerMachineDeleteAnnotated) {
  public PoolMachineState {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(providerID, "providerID");
  }
}
