package io.capi4j.providers.azure.vmss;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code setProvisioningStateAndConditions} writes on an AzureMachinePool.
 *
 * @param provisioningState the new {@code status.provisioningState}
 * @param ready the new {@code status.ready}; empty when CAPZ leaves it unchanged
 * @param conditions the conditions to set, in order
 */
public record ScaleSetStatus(String provisioningState, Optional<Boolean> ready, List<ScaleSetCondition> conditions) {
  public ScaleSetStatus {
    Objects.requireNonNull(provisioningState, "provisioningState");
    Objects.requireNonNull(ready, "ready");
    conditions = List.copyOf(conditions);
  }
}
