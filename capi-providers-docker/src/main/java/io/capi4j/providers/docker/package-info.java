/**
 * The Docker provider (CAPD): {@link io.capi4j.providers.docker.DockerProvider}, the webhooks of CAPD's kinds, and
 * the pool planners for DockerMachinePool and DevMachinePool (docker backend).
 */
package io.capi4j.providers.docker;
