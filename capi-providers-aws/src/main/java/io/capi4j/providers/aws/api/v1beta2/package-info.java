/**
 * The Cluster API Provider AWS (CAPA) kinds of {@code infrastructure.cluster.x-k8s.io/v1beta2} that worker nodes
 * use: {@link io.capi4j.providers.aws.api.v1beta2.AWSMachine}, {@link io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplate},
 * {@link io.capi4j.providers.aws.api.v1beta2.AWSMachinePool} (an EC2 Auto Scaling group) and
 * {@link io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool} (an EKS managed node group). Upstream splits them
 * between {@code api/v1beta2} and {@code exp/api/v1beta2}; both share the API version, so they share this package.
 *
 * <p>Same conventions as {@link io.capi4j.api.core.v1beta2}: Go strings are {@code String} defaulting to {@code ""},
 * Go pointers and optional structs are {@link java.util.Optional}, Go scalars with {@code omitempty} are
 * {@code Optional} too (absent means Go's zero value), lists and maps are never null, enumerations are strings with
 * constants, durations are Go duration strings ({@code 300s}), and unmodelled fields are kept.
 */
@CapiStyle
package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.CapiStyle;
