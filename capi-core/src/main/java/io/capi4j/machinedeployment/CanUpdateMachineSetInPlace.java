package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.MachineSet;

/**
 * Answers upstream's {@code canUpdateMachineSetInPlace(oldMS, newMS)}: whether the Machines of an old MachineSet can
 * be moved to the current one and updated in place instead of being replaced. Upstream asks its
 * {@code CanUpdateMachineSet} runtime extension (and caches the answer for 24h per pair of MachineSet names); an
 * embedding application plugs its own decision here. The default answer is "no".
 *
 * <p>The planner calls it only with the {@code InPlaceUpdates} feature gate on, only while the current MachineSet has
 * fewer replicas than the MachineDeployment, and only for old MachineSets that still have Machines and are eligible
 * ({@link UpToDateResult#eligibleForInPlaceUpdate()}). An exception thrown here aborts planning with upstream's
 * message {@code failed to determine if MachineSet <name> can be updated in-place: <cause>}.
 */
@FunctionalInterface
public interface CanUpdateMachineSetInPlace {
  /** The default: never update in place. */
  CanUpdateMachineSetInPlace NEVER = (oldMS, newMS) -> false;

  /**
   * @param oldMachineSet the old MachineSet, as the planner currently wants it
   * @param newMachineSet the current MachineSet, as the planner currently wants it
   * @return whether the Machines of {@code oldMachineSet} can be updated in place to {@code newMachineSet}'s template
   */
  boolean canUpdate(MachineSet oldMachineSet, MachineSet newMachineSet);
}
