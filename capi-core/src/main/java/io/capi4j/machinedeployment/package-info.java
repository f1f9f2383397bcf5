/**
 * MachineDeployment rollouts, decided exactly as Cluster API's MachineDeployment controller decides them
 * (kubernetes-sigs/cluster-api {@code core/reconcilers/machinedeployment}).
 *
 * <p>{@link io.capi4j.machinedeployment.RolloutPlanner} is the entry point: it takes an immutable
 * {@link io.capi4j.machinedeployment.RolloutInput} (the MachineDeployment, its MachineSets and Machines, the
 * reconciliation time and a few options) and returns an immutable {@link io.capi4j.machinedeployment.RolloutPlan}:
 * the desired MachineSets, the scale intents, upstream's notes, and ordered {@link
 * io.capi4j.machinedeployment.PlanStep steps} with their reasons. {@link
 * io.capi4j.machinedeployment.RolloutPlanner#apply(RolloutPlan)} turns a plan into the MachineSets a client would
 * write. The classes mirror upstream's files so behaviour can be compared file by file:
 *
 * <ul>
 *   <li>{@code machinedeployment_rollout_planner.go} → {@link io.capi4j.machinedeployment.RolloutPlanner};
 *   <li>{@code machinedeployment_rollout_rollingupdate.go} → {@link io.capi4j.machinedeployment.RollingUpdatePlanner};
 *   <li>{@code machinedeployment_rollout_ondelete.go} → {@link io.capi4j.machinedeployment.OnDeletePlanner};
 *   <li>{@code machinedeployment_sync.go} (paused scaling, cleanup, names) → {@link
 *       io.capi4j.machinedeployment.SyncPlanner};
 *   <li>{@code mdutil/util.go} → {@link io.capi4j.machinedeployment.MachineDeploymentUtil}.
 * </ul>
 *
 * <p>Nothing here reads a clock or a random source of its own: time and randomness are inputs.
 */
@CapiStyle
package io.capi4j.machinedeployment;

import io.capi4j.CapiStyle;
