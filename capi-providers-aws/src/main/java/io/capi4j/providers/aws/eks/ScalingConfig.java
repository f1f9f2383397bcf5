package io.capi4j.providers.aws.eks;

import io.capi4j.providers.aws.api.v1beta2.ManagedMachinePoolScaling;
import java.util.Optional;

/**
 * A node group's scaling configuration as CAPA sends it (upstream {@code scalingConfig()}).
 *
 * @param desiredSize the MachinePool's replicas, 1 when unset
 * @param minSize {@code spec.scaling.minSize} when set
 * @param maxSize {@code spec.scaling.maxSize} when set
 */
public record ScalingConfig(int desiredSize, Optional<Integer> minSize, Optional<Integer> maxSize) {

  /**
   * The configuration for these replicas and bounds. Upstream reads minSize under a maxSize guard (ignoring minSize
   * without maxSize, and crashing on maxSize without minSize); capi4j copies each bound that is set (see AWS.md).
   */
  public static ScalingConfig of(Optional<Integer> replicas, Optional<ManagedMachinePoolScaling> scaling) {
    return new ScalingConfig(
        replicas.orElse(1),
        scaling.flatMap(ManagedMachinePoolScaling::minSize),
        scaling.flatMap(ManagedMachinePoolScaling::maxSize));
  }
}
