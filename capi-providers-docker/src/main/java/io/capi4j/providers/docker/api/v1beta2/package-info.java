/**
 * CAPD's ({@code test/infrastructure/docker}) {@code infrastructure.cluster.x-k8s.io/v1beta2} kinds that worker
 * logic reads: DockerMachineTemplate, DockerMachine, DockerMachinePool, and the successors DevMachinePool and
 * DevMachine (docker backend). Modelled as capi4j's core kinds are: the fields the rules read are typed, every
 * other field is kept as an unknown field.
 */
@CapiStyle
package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.CapiStyle;
