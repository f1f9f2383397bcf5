package io.capi4j.cloud;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * A replacement of every out-of-date instance that the cloud runs itself (an ASG instance refresh), bounded by
 * healthy percentages of the desired capacity.
 */
@Value.Immutable
public abstract class RollingReplacement {
  /** The share of capacity that must stay healthy, 0–100. */
  public abstract int minHealthyPercentage();

  /** The share of capacity that may be in service or pending, 100–200. */
  public abstract int maxHealthyPercentage();

  /** Seconds a new instance must run before it counts as healthy. */
  public abstract int instanceWarmupSeconds();

  public abstract Instant startedAt();

  /** {@code Pending}, {@code InProgress}, {@code Successful}, {@code Cancelling}, {@code Cancelled}, {@code Failed}. */
  public abstract String status();

  public static ImmutableRollingReplacement.Builder builder() {
    return ImmutableRollingReplacement.builder();
  }
}
