package io.capi4j.providers.azure.agentpools;

import java.util.Objects;
import java.util.Optional;

/**
 * The scaling part of the agent pool CAPZ sends to AKS ({@code AgentPoolSpec.Parameters}).
 *
 * @param count {@code count}
 * @param enableAutoScaling {@code enableAutoScaling}
 * @param minCount {@code minCount}
 * @param maxCount {@code maxCount}
 * @param orchestratorVersion {@code orchestratorVersion}, never lower than the existing one
 */
public record AgentPoolParameters(int count, boolean enableAutoScaling, Optional<Integer> minCount, Optional<Integer> maxCount, Optional<String> orchestratorVersion) {
  public AgentPoolParameters {
    Objects.requireNonNull(minCount, "minCount");
    Objects.requireNonNull(maxCount, "maxCount");
    Objects.requireNonNull(orchestratorVersion, "orchestratorVersion");
  }
}
