package io.capi4j.machinehealthcheck;

import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTriggerIf;
import io.capi4j.util.IntOrPercent;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MachineHealthCheck's short circuit ({@code isAllowedRemediation}, {@code getUnhealthyRange},
 * {@code getMaxUnhealthy}): too many machines that are not healthy stop all remediation.
 */
public final class RemediationGate {
  private RemediationGate() {}

  /** {@code defaultMaxUnhealthy}. */
  public static final String DEFAULT_MAX_UNHEALTHY = "100%";

  static final FieldPath TRIGGER_IF = FieldPath.of("spec", "remediation", "triggerIf");
  static final String RANGE_PATTERN = "^\\[[0-9]+-[0-9]+\\]$";
  private static final Pattern RANGE = Pattern.compile(RANGE_PATTERN);
  private static final BigInteger MAX_UINT32 = BigInteger.valueOf(0xFFFF_FFFFL);

  /**
   * Decides whether remediation is allowed.
   *
   * <ul>
   *   <li>{@code unhealthyCount = expectedMachines - currentHealthy}.
   *   <li>A non-empty {@code unhealthyInRange} ({@code [min-max]}) decides: allowed when {@code min <=
   *       unhealthyCount <= max}; {@code remediationsAllowed = max - unhealthyCount}.
   *   <li>Otherwise {@code unhealthyLessThanOrEqualTo} (default {@code 100%}) decides: {@code maxUnhealthy} is the
   *       int, or the percentage of {@code expectedMachines} rounded down; allowed when {@code unhealthyCount <=
   *       maxUnhealthy}; {@code remediationsAllowed = maxUnhealthy - unhealthyCount}.
   *   <li>A value that cannot be read gives {@link GateDecision#error()} (upstream fails the reconcile).
   * </ul>
   *
   * @param unhealthyTargets the number of unhealthy targets, which the blocked message prints
   */
  public static GateDecision evaluate(
      MachineHealthCheckRemediationTriggerIf triggerIf, int expectedMachines, int currentHealthy,
      int unhealthyTargets) {
    int unhealthyCount = expectedMachines - currentHealthy;
    ImmutableGateDecision.Builder d = ImmutableGateDecision.builder()
        .expectedMachines(expectedMachines)
        .currentHealthy(currentHealthy)
        .unhealthyCount(unhealthyCount)
        .unhealthyTargets(unhealthyTargets);
    String counts = "total: " + expectedMachines + ", unhealthy: " + unhealthyTargets;
    String range = triggerIf.unhealthyInRange();
    if (!range.isEmpty()) {
      long[] minMax;
      try {
        minMax = unhealthyRange(range);
      } catch (IllegalArgumentException e) {
        return d.allowed(false).remediationsAllowed(0)
            .explanation("unhealthyInRange " + range + " cannot be read")
            .error(FieldError.invalid(TRIGGER_IF.child("unhealthyInRange"), range, e.getMessage()))
            .build();
      }
      long min = minMax[0];
      long max = minMax[1];
      boolean allowed = unhealthyCount >= min && unhealthyCount <= max;
      d.rangeMin(min).rangeMax(max).allowed(allowed);
      String how = unhealthyCount + " not healthy (" + expectedMachines + " expected - " + currentHealthy
          + " healthy) is " + (allowed ? "within" : "outside") + " unhealthyInRange " + range;
      if (!allowed) {
        return d.remediationsAllowed(0).explanation(how)
            .message("Remediation is not allowed, the number of not started or unhealthy machines does not fall "
                + "within the range (" + counts + ", unhealthyRange: " + range + ")")
            .build();
      }
      // Go: int32(maxVal - unhealthyMachineCount), which wraps for a max beyond int32.
      return d.remediationsAllowed((int) (max - unhealthyCount)).explanation(how).build();
    }

    Optional<IntOrString> value = triggerIf.unhealthyLessThanOrEqualTo();
    String printed = IntOrPercent.toString(value.orElse(IntOrPercent.of(DEFAULT_MAX_UNHEALTHY)));
    int maxUnhealthy;
    try {
      maxUnhealthy = maxUnhealthy(value, expectedMachines);
    } catch (IllegalArgumentException e) {
      Object bad = value.map(v -> IntOrPercent.isInt(v) ? (Object) v.getIntVal() : v.getStrVal()).orElse(printed);
      return d.allowed(false).remediationsAllowed(0)
          .explanation("unhealthyLessThanOrEqualTo " + printed + " cannot be read")
          .error(FieldError.invalid(TRIGGER_IF.child("unhealthyLessThanOrEqualTo"), bad, e.getMessage()))
          .build();
    }
    boolean allowed = unhealthyCount <= maxUnhealthy;
    d.maxUnhealthy(maxUnhealthy).allowed(allowed);
    String how = unhealthyCount + " not healthy (" + expectedMachines + " expected - " + currentHealthy
        + " healthy) is " + (allowed ? "at most" : "more than") + " maxUnhealthy " + maxUnhealthy
        + " (unhealthyLessThanOrEqualTo " + printed + (value.isEmpty() ? ", the default" : "") + ")";
    if (!allowed) {
      return d.remediationsAllowed(0).explanation(how)
          .message("Remediation is not allowed, the number of not started or unhealthy machines exceeds maxUnhealthy ("
              + counts + ", maxUnhealthy: " + printed + ")")
          .build();
    }
    return d.remediationsAllowed(maxUnhealthy - unhealthyCount).explanation(how).build();
  }

  /**
   * {@code getMaxUnhealthy}: the value (default {@code 100%}) scaled to {@code total}, rounding down; an int is
   * taken as is, even above {@code total}.
   *
   * @throws IllegalArgumentException with upstream's text when the value is neither an int nor a percentage
   */
  static int maxUnhealthy(Optional<IntOrString> value, int total) {
    return IntOrPercent.scaled(value.orElse(IntOrPercent.of(DEFAULT_MAX_UNHEALTHY)), total, false);
  }

  /**
   * {@code getUnhealthyRange}: {@code [min-max]} as two uint32s.
   *
   * @throws IllegalArgumentException with the CRD's pattern rule (upstream's API server rejects such values, and its
   *     parser would panic on some), Go's {@code strconv.ParseUint} error, or upstream's {@code max value %d cannot be
   *     less than min value %d for unhealthyRange}
   */
  static long[] unhealthyRange(String range) {
    if (!RANGE.matcher(range).matches()) {
      throw new IllegalArgumentException(
          TRIGGER_IF.child("unhealthyInRange") + " in body should match '" + RANGE_PATTERN + "'");
    }
    String[] parts = range.substring(1, range.length() - 1).split("-", -1);
    long min = parseUint32(parts[0]);
    long max = parseUint32(parts[1]);
    if (max < min) {
      throw new IllegalArgumentException(
          "max value " + max + " cannot be less than min value " + min + " for unhealthyRange");
    }
    return new long[] {min, max};
  }

  /** {@code strconv.ParseUint(s, 10, 32)} for a string of ASCII digits. */
  private static long parseUint32(String digits) {
    BigInteger v = new BigInteger(digits);
    if (v.compareTo(MAX_UINT32) > 0) {
      throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + digits + "\": value out of range");
    }
    return v.longValue();
  }
}
