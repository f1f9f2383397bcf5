/**
 * The Cluster API kubeadm bootstrap provider's {@code bootstrap.cluster.x-k8s.io/v1beta2} kinds that worker nodes
 * use: {@link io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig} and
 * {@link io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate}. Same conventions as
 * {@link io.capi4j.api.core.v1beta2}.
 */
@CapiStyle
package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import io.capi4j.CapiStyle;
