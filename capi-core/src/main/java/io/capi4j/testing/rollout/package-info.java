/**
 * A rollout simulator for MachineDeployments: the sequence-test model of upstream Cluster API (its
 * {@code Test_RollingUpdateSequences} / {@code Test_OnDeleteSequences} harness), driving capi4j's production
 * {@link io.capi4j.machinedeployment.RolloutPlanner} against fake MachineSet, Machine and user controllers, and
 * writing upstream's trace format.
 *
 * <p>Use it to preview a rollout ({@link io.capi4j.testing.rollout.RolloutSimulation#run}), to check that a planner
 * change keeps the traces of known scenarios, or to fuzz orderings ({@link
 * io.capi4j.testing.rollout.TaskOrder#random(long)}). The scenario format is described in {@code SCENARIOS.md} next
 * to this package's sources.
 */
@CapiStyle
package io.capi4j.testing.rollout;

import io.capi4j.CapiStyle;
