package io.capi4j.providers.azure.vmss;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code applyAzureMachinePoolMachines} reads.
 *
 * @param azureMachinePoolName the AzureMachinePool's name (prefix of new machine names)
 * @param vmss the VMSS state; empty when unknown, in which case nothing happens
 * @param machines the pool's AzureMachinePoolMachines
 * @param desired {@code MachinePool.spec.replicas} (nil as 0)
 * @param externallyManaged whether an autoscaler owns the replicas
 * @param operationInFlight whether a scaleset PUT, PATCH or DELETE of this pool is still running
 * @param strategy the rolling-update strategy
 * @param lastReconciledReplicas the pool's {@code status.lastReconciledReplicas}
 * @param skipModelReconciliation the {@code SkipMachinePoolModelReconciliation} feature gate
 */
public record MachineSyncInput(
    String azureMachinePoolName,
    Optional<Vmss> vmss,
    List<PoolMachineState> machines,
    int desired,
    boolean externallyManaged,
    boolean operationInFlight,
    RollingUpdateStrategy strategy,
    Optional<Integer> lastReconciledReplicas,
    boolean skipModelReconciliation) {
  public MachineSyncInput {
    Objects.requireNonNull(azureMachinePoolName, "azureMachinePoolName");
    Objects.requireNonNull(vmss, "vmss");
    machines = List.copyOf(machines);
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(lastReconciledReplicas, "lastReconciledReplicas");
  }
}
