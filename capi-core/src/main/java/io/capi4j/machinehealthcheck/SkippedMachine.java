package io.capi4j.machinehealthcheck;

import org.immutables.value.Value;

/** A Machine that matches the health check's selector but is not a target, and why. */
@Value.Immutable
public abstract class SkippedMachine {
  @Value.Parameter
  public abstract String name();

  /** Upstream's log text, e.g. {@code machine has "cluster.x-k8s.io/paused" annotation}. */
  @Value.Parameter
  public abstract String reason();

  public static SkippedMachine of(String name, String reason) {
    return ImmutableSkippedMachine.of(name, reason);
  }
}
