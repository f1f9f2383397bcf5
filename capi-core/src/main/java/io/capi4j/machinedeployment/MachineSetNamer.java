package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.MachineDeployment;

/**
 * Names a MachineSet the planner is about to create. The default (upstream's) names are
 * {@code <md name truncated to 57 chars>-<5 random chars>}, see
 * {@link MachineDeploymentUtil#computeNewMachineSetName(String, java.util.random.RandomGenerator)}; a namer replaces
 * them, e.g. with predictable names in a simulation.
 */
@FunctionalInterface
public interface MachineSetNamer {
  /** The name of the next MachineSet of {@code md}; must not collide with an existing MachineSet. */
  NewMachineSetName name(MachineDeployment md);
}
