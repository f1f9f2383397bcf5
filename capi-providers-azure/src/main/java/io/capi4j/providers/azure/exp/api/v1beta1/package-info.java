/**
 * CAPZ's {@code infrastructure.cluster.x-k8s.io/v1beta1} kinds AzureMachinePool and AzureMachinePoolMachine (upstream {@code exp/api/v1beta1}), with the fields capi4j's rules read; every other field is kept as an unknown field.
 *
 * <p>Mapping from the Go types follows {@code io.capi4j.api.core.v1beta2}: a Go {@code string} is a {@code String}
 * defaulting to {@code ""}, a pointer or {@code omitempty} scalar is an {@link java.util.Optional}, lists and maps are
 * never null, enumerations are plain strings with their values as constants.
 */
@CapiStyle
package io.capi4j.providers.azure.exp.api.v1beta1;

import io.capi4j.CapiStyle;
