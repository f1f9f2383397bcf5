package io.capi4j.machinehealthcheck;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * What upstream's {@code needsRemediation} returns for one target: unhealthy or not, when to look again, and the
 * {@code HealthCheckSucceeded} reason and message it writes when the target is unhealthy.
 */
@Value.Immutable
public abstract class HealthCheckResult {
  /** The target needs remediation. */
  public abstract boolean unhealthy();

  /**
   * When a check that has started failing will time out (plus one second, as upstream adds), or zero when no check
   * is pending. Always zero for an unhealthy target.
   */
  @Value.Default
  public Duration nextCheck() {
    return Duration.ZERO;
  }

  /** The v1beta2 {@code HealthCheckSucceeded} reason for an unhealthy target, else {@code ""}. */
  @Value.Default
  public String reason() {
    return "";
  }

  /** The v1beta2 {@code HealthCheckSucceeded} message for an unhealthy target, else {@code ""}. */
  @Value.Default
  public String message() {
    return "";
  }

  /** Why, in a sentence. */
  public abstract String explanation();
}
