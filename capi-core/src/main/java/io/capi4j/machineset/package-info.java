/**
 * The MachineSet controller's decisions, as pure functions (upstream {@code core/reconcilers/machineset}): which
 * Machines to create (with their InfraMachines and bootstrap configs), delete, move or mark for remediation
 * ({@link io.capi4j.machineset.MachineSetPlanner}), in which order Machines go
 * ({@link io.capi4j.machineset.DeletionOrder}), the preflight checks that hold creation and remediation back
 * ({@link io.capi4j.machineset.PreflightChecks}), and the MachineSet's v1beta2 status
 * ({@link io.capi4j.machineset.MachineSetStatuses}).
 *
 * <p>Nothing here performs I/O or reads the clock: the caller passes the objects and the time, and applies the plan.
 */
@CapiStyle
package io.capi4j.machineset;

import io.capi4j.CapiStyle;
