package io.capi4j.machinehealthcheck;

import io.capi4j.validation.FieldError;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Whether a MachineHealthCheck may remediate at all (upstream {@code isAllowedRemediation} and the messages the
 * reconcile writes around it).
 */
@Value.Immutable
public abstract class GateDecision {
  /** Remediation is allowed. False when blocked and when {@link #error()} is set. */
  public abstract boolean allowed();

  /**
   * {@code status.remediationsAllowed}: {@code max - unhealthyCount} (range) or {@code maxUnhealthy -
   * unhealthyCount} when allowed, 0 when blocked or on error.
   */
  public abstract int remediationsAllowed();

  /** {@code status.expectedMachines}: the number of targets. */
  public abstract int expectedMachines();

  /** {@code status.currentHealthy}. */
  public abstract int currentHealthy();

  /**
   * {@code expectedMachines - currentHealthy}: every target that is not healthy (unhealthy, pending, without a
   * Node, deleting). This is what the limits are compared with.
   */
  public abstract int unhealthyCount();

  /** The number of unhealthy targets; upstream's messages print this one as {@code unhealthy}. */
  public abstract int unhealthyTargets();

  /** {@code floor(unhealthyLessThanOrEqualTo of expectedMachines)}, when that field decides. */
  public abstract Optional<Integer> maxUnhealthy();

  /** The lower bound of {@code unhealthyInRange}, when that field decides. */
  public abstract Optional<Long> rangeMin();

  /** The upper bound of {@code unhealthyInRange}, when that field decides. */
  public abstract Optional<Long> rangeMax();

  /** The rule that decided and how it applied, in a sentence. */
  public abstract String explanation();

  /**
   * Upstream's {@code RemediationAllowed=False} message when blocked, e.g. {@code Remediation is not allowed, the
   * number of not started or unhealthy machines exceeds maxUnhealthy (total: 3, unhealthy: 2, maxUnhealthy: 40%)};
   * {@code ""} otherwise.
   */
  @Value.Default
  public String message() {
    return "";
  }

  /** The field that cannot be read, and why (upstream's error text as the detail). */
  public abstract Optional<FieldError> error();

  /** Upstream's reconcile error for {@link #error()}: {@code error checking if remediation is allowed: <detail>}. */
  public Optional<String> errorText() {
    return error().map(e -> "error checking if remediation is allowed: " + e.detail());
  }
}
