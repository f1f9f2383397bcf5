package io.capi4j.providers.azure.vmss;

import java.util.Objects;

/**
 * The VMSS CAPZ wants ({@code ScaleSetSpec}), as far as the capacity decision reads it.
 *
 * @param model the desired image, identity, zones and SKU
 * @param capacity the desired replicas ({@code MachinePool.spec.replicas}, nil as 0)
 * @param maxSurge the pool's surge for these replicas ({@link RollingUpdateStrategy#surge})
 * @param flexible whether the orchestration mode is {@code Flexible}
 * @param externallyManaged whether an autoscaler owns the replicas ({@link PoolDecisions#externallyManaged})
 * @param customDataHash sha256 hex of the bootstrap data, the value of the {@value Vmss#CUSTOM_DATA_HASH_TAG} tag
 */
public record ScaleSetParameters(
    VmssModel model, long capacity, long maxSurge, boolean flexible, boolean externallyManaged, String customDataHash) {
  public ScaleSetParameters {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(customDataHash, "customDataHash");
  }
}
