package io.capi4j.providers.azure.agentpools;

import java.util.Objects;
import java.util.Optional;

/**
 * The agent pool CAPZ wants for an AzureManagedMachinePool, as far as scaling goes ({@code buildAgentPoolSpec}).
 *
 * @param replicas {@code MachinePool.spec.replicas}, nil as 1
 * @param enableAutoScaling whether {@code spec.scaling} is present (even with nil bounds)
 * @param minCount {@code scaling.minSize}
 * @param maxCount {@code scaling.maxSize}
 * @param version the desired Kubernetes version without {@code v}, if any
 */
public record AgentPoolSpec(int replicas, boolean enableAutoScaling, Optional<Integer> minCount, Optional<Integer> maxCount, Optional<String> version) {
  public AgentPoolSpec {
    Objects.requireNonNull(minCount, "minCount");
    Objects.requireNonNull(maxCount, "maxCount");
    Objects.requireNonNull(version, "version");
  }
}
