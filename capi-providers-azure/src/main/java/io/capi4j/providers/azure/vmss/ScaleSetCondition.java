package io.capi4j.providers.azure.vmss;

import java.util.Objects;

/**
 * A condition CAPZ sets on an AzureMachinePool from the VMSS state (CAPI v1beta1 conditions).
 *
 * @param type e.g. {@value PoolDecisions#SCALE_SET_RUNNING}
 * @param status {@code True} or {@code False}
 * @param reason the reason of a False condition, else {@code ""}
 */
public record ScaleSetCondition(String type, String status, String reason) {
  public ScaleSetCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  static ScaleSetCondition isTrue(String type) {
    return new ScaleSetCondition(type, "True", "");
  }

  static ScaleSetCondition isFalse(String type, String reason) {
    return new ScaleSetCondition(type, "False", reason);
  }
}
