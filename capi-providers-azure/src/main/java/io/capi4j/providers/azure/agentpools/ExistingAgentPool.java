package io.capi4j.providers.azure.agentpools;

import java.util.Objects;
import java.util.Optional;

/**
 * An AKS agent pool as it exists.
 *
 * @param statusCount {@code status.count}, the node count AKS reports
 * @param orchestratorVersion {@code spec.orchestratorVersion}
 * @param statusEnableAutoScaling {@code status.enableAutoScaling}
 */
public record ExistingAgentPool(Optional<Integer> statusCount, Optional<String> orchestratorVersion, boolean statusEnableAutoScaling) {
  public ExistingAgentPool {
    Objects.requireNonNull(statusCount, "statusCount");
    Objects.requireNonNull(orchestratorVersion, "orchestratorVersion");
  }
}
