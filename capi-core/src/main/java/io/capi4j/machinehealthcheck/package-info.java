/**
 * MachineHealthCheck decisions, as upstream's {@code core/reconcilers/machinehealthcheck} takes them, as pure
 * functions.
 *
 * <p>The steps follow upstream's files:
 *
 * <ol>
 *   <li>{@link io.capi4j.machinehealthcheck.MachineHealthCheckTargets#select}: which Machines the health check
 *       watches, and their Nodes ({@code getTargetsFromMHC});
 *   <li>{@link io.capi4j.machinehealthcheck.MachineHealthCheckTargets#needsRemediation} and
 *       {@link io.capi4j.machinehealthcheck.MachineHealthCheckTargets#healthCheck}: whether each target is healthy,
 *       unhealthy or to be checked again later ({@code needsRemediation}, {@code healthCheckTargets});
 *   <li>{@link io.capi4j.machinehealthcheck.RemediationGate}: whether remediation is allowed at all
 *       ({@code isAllowedRemediation}: {@code unhealthyInRange} or {@code unhealthyLessThanOrEqualTo});
 *   <li>{@link io.capi4j.machinehealthcheck.MachineHealthCheckPlanner}: the whole reconcile as a
 *       {@link io.capi4j.machinehealthcheck.MachineHealthCheckPlan} (conditions to write on each Machine, external
 *       remediation requests to create or delete, events, the requeue and the new MachineHealthCheck status).
 * </ol>
 *
 * <p>capi4j extension, off by default: {@link io.capi4j.machinehealthcheck.RemediationRetryLimit} stops handing
 * Machines over after N remediations of a slot within a period (annotations {@code remediation.capi4j.io/retry-limit}
 * and {@code remediation.capi4j.io/retry-period}).
 *
 * <p>Everything here is pure: the caller passes the objects (Machines, Nodes, the Cluster, external remediation
 * objects) and the time, and gets an immutable answer that says what to do and why. Nothing reads a clock or a
 * cluster.
 */
@CapiStyle
package io.capi4j.machinehealthcheck;

import io.capi4j.CapiStyle;
