package io.capi4j.providers.azure.vmss;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code applyAzureMachinePoolMachines} does, as a plan.
 *
 * @param annotate machines that get {@code cluster.x-k8s.io/delete-machine} copied from their owner Machine
 * @param create new AzureMachinePoolMachines, one per VMSS instance that has none (not for Deleting/Deleted instances)
 * @param deleteOutOfBand machines whose instance is gone; their owner Machines are deleted and the loop stops
 * @param selection the delete selection, when the loop got that far
 * @param delete the machines whose owner Machine is deleted (selected ones that have an owner Machine)
 * @param skippedWithoutOwner selected machines left alone because CAPI has not created their Machine yet
 * @param lastReconciledReplicas the new {@code status.lastReconciledReplicas}
 * @param steps what happened, in order
 * @param error present when an instance ID could not be parsed or the strategy could not be evaluated
 */
public record MachineSyncPlan(
    List<String> annotate,
    List<NewPoolMachine> create,
    List<String> deleteOutOfBand,
    Optional<DeleteSelection> selection,
    List<String> delete,
    List<String> skippedWithoutOwner,
    Optional<Integer> lastReconciledReplicas,
    List<String> steps,
    Optional<String> error) {

  /**
   * An AzureMachinePoolMachine to create for a VMSS instance.
   *
   * @param name {@code <pool>-<last segment of the instance's resource ID>}, {@code _} replaced by {@code -}
   * @param providerID the instance's provider ID
   */
  public record NewPoolMachine(String name, String providerID) {}

  public MachineSyncPlan {
    annotate = List.copyOf(annotate);
    create = List.copyOf(create);
    deleteOutOfBand = List.copyOf(deleteOutOfBand);
    Objects.requireNonNull(selection, "selection");
    delete = List.copyOf(delete);
    skippedWithoutOwner = List.copyOf(skippedWithoutOwner);
    Objects.requireNonNull(lastReconciledReplicas, "lastReconciledReplicas");
    steps = List.copyOf(steps);
    Objects.requireNonNull(error, "error");
  }
}
