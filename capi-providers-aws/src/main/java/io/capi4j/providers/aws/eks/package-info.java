/**
 * CAPA's pure decisions for an AWSManagedMachinePool backed by an EKS managed node group (upstream
 * {@code pkg/cloud/services/eks/nodegroup.go}): the scaling configuration, which single version update to send
 * (launch template version, then one Kubernetes minor step, then AMI release), whether the node group's
 * configuration needs an update, and the pool's status from the node group's state. No cloud calls: the observed
 * node group is an input ({@link io.capi4j.providers.aws.eks.ObservedNodegroup}).
 */
@CapiStyle
package io.capi4j.providers.aws.eks;

import io.capi4j.CapiStyle;
