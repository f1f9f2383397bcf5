/**
 * The MachinePool planner: upstream's {@code core/reconcilers/machinepool} as a pure function.
 *
 * <p>{@link io.capi4j.machinepool.MachinePoolPlanner#plan} reads a {@link io.capi4j.machinepool.MachinePoolInput}
 * (the MachinePool, its Cluster, bootstrap config, InfraMachinePool, MachinePool Machines, workload Nodes, what the
 * pool provider reports about its instances, and the time) and returns a {@link io.capi4j.machinepool.MachinePoolPlan}:
 * the MachinePool to write, the Machines to create, update or delete, the Nodes to patch or delete, and when to look
 * again, every step with its reason. Nothing here calls a cloud or a cluster.
 *
 * <p>The files mirror upstream's: the flow of {@code machinepool_controller.go} is in
 * {@link io.capi4j.machinepool.MachinePoolPlanner}, {@code _phases.go} in {@code Phases} and {@code PoolMachines},
 * {@code _noderef.go} in {@code NodeRefs}, {@code _status.go} in {@code PoolStatus}. {@code STATUS.md} next to
 * these sources explains the {@link io.capi4j.machinepool.StatusPolicy#TRUTHFUL} status and where it differs from
 * upstream.
 *
 * <p>{@link io.capi4j.machinepool.MachinePoolRemediationPlanner} (capi4j extension, beyond upstream) remediates
 * MachinePool Machines a MachineHealthCheck marked; {@code REMEDIATION.md} next to these sources documents it.
 *
 * <p>{@link io.capi4j.machinepool.MachinePoolInfrastructure#check} is the admission rule that explains why an
 * infrastructure cannot back a MachinePool.
 */
@CapiStyle
package io.capi4j.machinepool;

import io.capi4j.CapiStyle;
