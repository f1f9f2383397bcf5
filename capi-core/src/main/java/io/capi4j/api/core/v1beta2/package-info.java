/**
 * The Cluster API {@code cluster.x-k8s.io/v1beta2} worker objects: {@link io.capi4j.api.core.v1beta2.MachineDeployment},
 * {@link io.capi4j.api.core.v1beta2.MachineSet}, {@link io.capi4j.api.core.v1beta2.Machine},
 * {@link io.capi4j.api.core.v1beta2.MachinePool}, {@link io.capi4j.api.core.v1beta2.MachineHealthCheck}, the
 * parts of {@link io.capi4j.api.core.v1beta2.Cluster} that worker logic reads, and the label, annotation and
 * condition constants in {@link io.capi4j.api.core.v1beta2.Capi}.
 *
 * <p>Mapping from the Go types of {@code api/core/v1beta2}:
 *
 * <ul>
 *   <li>a Go {@code string} field is a Java {@code String} that defaults to {@code ""} and is written only when
 *       non-empty;
 *   <li>a Go pointer ({@code *int32}, {@code *string}, {@code *bool}) or an optional struct is an
 *       {@link java.util.Optional}, written when present (so {@code 0} and {@code ""} survive a round trip);
 *   <li>lists and maps are never null, and are written only when non-empty;
 *   <li>enumerations are plain strings, so that a manifest with an unsupported value can still be read and
 *       reported; the supported values are constants on the owning type;
 *   <li>every object keeps the fields it does not model ({@link io.capi4j.api.UnknownFields}).
 * </ul>
 */
@CapiStyle
package io.capi4j.api.core.v1beta2;

import io.capi4j.CapiStyle;
