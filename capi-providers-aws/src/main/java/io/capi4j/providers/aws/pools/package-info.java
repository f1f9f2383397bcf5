/**
 * CAPA's pool controllers as capi4j {@link io.capi4j.spi.PoolPlanner}s: the AWSMachinePool reconcile (an ASG and
 * its launch template, upstream {@code exp/controllers/awsmachinepool_controller.go} and
 * {@code awsmachinepool_machines.go}) and the AWSManagedMachinePool reconcile (an EKS managed node group, upstream
 * {@code exp/controllers/awsmanagedmachinepool_controller.go} and {@code pkg/cloud/services/eks/nodegroup.go}).
 * They combine the pure decisions of {@link io.capi4j.providers.aws.asg} and {@link io.capi4j.providers.aws.eks}
 * with the scaling-group port's view of the cloud, and return the cloud calls as data
 * ({@link io.capi4j.spi.CloudAction}).
 */
@CapiStyle
package io.capi4j.providers.aws.pools;

import io.capi4j.CapiStyle;
