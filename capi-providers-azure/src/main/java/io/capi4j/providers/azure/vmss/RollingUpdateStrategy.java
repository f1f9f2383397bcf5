package io.capi4j.providers.azure.vmss;

import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolDeploymentStrategy;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Objects;
import java.util.Optional;

/**
 * CAPZ's rolling-update strategy of an AzureMachinePool ({@code NewMachinePoolDeploymentStrategy}): the only
 * strategy there is. Built from {@code spec.strategy} as stored (after CRD defaulting); a strategy without
 * {@code rollingUpdate}, or of any other type, behaves as an empty rolling update: surge 1, maxUnavailable 0,
 * delete policy {@code ""} (random order).
 *
 * @param maxSurge machines above the desired count; absent means 1
 * @param maxUnavailable ready machines that may be missing; absent means 0
 * @param deletePolicy {@code Oldest}, {@code Newest}; anything else (including {@code ""}) orders randomly
 */
public record RollingUpdateStrategy(Optional<IntOrString> maxSurge, Optional<IntOrString> maxUnavailable, String deletePolicy) {
  /** The strategy type CAPZ always reports. */
  public static final String TYPE = AzureMachinePoolDeploymentStrategy.ROLLING_UPDATE;

  public RollingUpdateStrategy {
    Objects.requireNonNull(maxSurge, "maxSurge");
    Objects.requireNonNull(maxUnavailable, "maxUnavailable");
    Objects.requireNonNull(deletePolicy, "deletePolicy");
  }

  /** The empty rolling update: every value falls back to CAPZ's in-code default. */
  public static RollingUpdateStrategy empty() {
    return new RollingUpdateStrategy(Optional.empty(), Optional.empty(), "");
  }

  /** From the rolling-update parameters. */
  public static RollingUpdateStrategy of(MachineRollingUpdateDeployment ru) {
    return new RollingUpdateStrategy(ru.maxSurge(), ru.maxUnavailable(), ru.deletePolicy());
  }

  /**
   * From {@code spec.strategy} as stored; an absent strategy is Go's zero value (no type, no rolling update), which
   * CAPZ treats as an empty rolling update.
   */
  public static RollingUpdateStrategy from(Optional<AzureMachinePoolDeploymentStrategy> strategy) {
    return strategy
        .filter(s -> s.type().equals(TYPE))
        .flatMap(AzureMachinePoolDeploymentStrategy::rollingUpdate)
        .map(RollingUpdateStrategy::of)
        .orElse(empty());
  }

  /** Always {@code RollingUpdate}. */
  public String type() {
    return TYPE;
  }

  /**
   * {@code Surge}: machines allowed above {@code desired} during a rollout, a percent rounded up.
   *
   * @throws IllegalArgumentException (intstr's message) when maxSurge is neither an int nor a percent
   */
  public int surge(int desired) {
    return maxSurge.isEmpty() ? 1 : IntOrPercent.scaled(maxSurge.get(), desired, true);
  }

  /**
   * {@code maxUnavailable}: ready machines allowed below {@code desired}, a percent rounded down.
   *
   * @throws IllegalArgumentException "failed to get scaled value or int from maxUnavailable: ..." on a bad value
   */
  public int maxUnavailable(int desired) {
    if (maxUnavailable.isEmpty()) {
      return 0;
    }
    try {
      return IntOrPercent.scaled(maxUnavailable.get(), desired, false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failed to get scaled value or int from maxUnavailable: " + e.getMessage(), e);
    }
  }
}
