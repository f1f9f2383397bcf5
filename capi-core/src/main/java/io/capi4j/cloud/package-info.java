/**
 * Cloud ports: the operations capi4j's providers need from a cloud, shaped so that an Azure or AWS SDK adapter
 * can implement them. {@link io.capi4j.cloud.VirtualMachines} creates and deletes single machines (what a
 * MachineDeployment needs); {@link io.capi4j.cloud.ScalingGroups} manages groups of identical instances whose
 * capacity the cloud maintains (a VMSS, an ASG, a managed node pool).
 *
 * <p>{@code io.capi4j.testing.cloud.SimulatedCloud} is a deterministic in-memory implementation with a virtual
 * clock, for tests and simulations.
 */
@CapiStyle
package io.capi4j.cloud;

import io.capi4j.CapiStyle;
