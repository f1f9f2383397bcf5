package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.MachineSet;
import java.util.List;
import java.util.Optional;

/**
 * A plan turned into writes, as upstream's {@code createOrUpdateMachineSetsAndSyncMachineDeploymentRevision} (and,
 * when paused, {@code scale}) would perform them.
 *
 * @param machineSets every MachineSet to server-side apply, current first then the old ones, with the scale intents
 *     applied; the status inside is the input status (a client drops it)
 * @param created the names among {@code machineSets} that are to be created
 * @param deletions the old MachineSets to delete afterwards
 * @param machineDeploymentRevision the new value of the MachineDeployment's revision annotation, when it changes
 */
public record AppliedRollout(
    List<MachineSet> machineSets, List<String> created, List<String> deletions, Optional<String> machineDeploymentRevision) {
  public AppliedRollout {
    machineSets = List.copyOf(machineSets);
    created = List.copyOf(created);
    deletions = List.copyOf(deletions);
  }
}
