package io.capi4j.machinehealthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTriggerIf;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's TestIsAllowedRemediation and TestGetMaxUnhealthy, plus the unhealthyInRange rules. */
class RemediationGateTest {

  private static MachineHealthCheckRemediationTriggerIf maxUnhealthy(IntOrString v) {
    return MachineHealthCheckRemediationTriggerIf.builder().unhealthyLessThanOrEqualTo(Optional.ofNullable(v)).build();
  }

  private static MachineHealthCheckRemediationTriggerIf range(String r) {
    return MachineHealthCheckRemediationTriggerIf.builder().unhealthyInRange(r).build();
  }

  static Stream<Arguments> isAllowedRemediation() {
    return Stream.of(
        Arguments.of("when maxUnhealthy is not set", null, 3, 0, true),
        Arguments.of("when maxUnhealthy is not an int or percentage", IntOrPercent.of("abcdef"), 5, 2, false),
        Arguments.of("when maxUnhealthy is an int less than current unhealthy", IntOrPercent.of(1), 3, 1, false),
        Arguments.of("when maxUnhealthy is an int equal to current unhealthy", IntOrPercent.of(2), 3, 1, true),
        Arguments.of("when maxUnhealthy is an int greater than current unhealthy", IntOrPercent.of(3), 3, 1, true),
        Arguments.of("when maxUnhealthy is a percentage less than current unhealthy", IntOrPercent.of("50%"), 5, 2,
            false),
        Arguments.of("when maxUnhealthy is a percentage equal to current unhealthy", IntOrPercent.of("60%"), 5, 2,
            true),
        Arguments.of("when maxUnhealthy is a percentage greater than current unhealthy", IntOrPercent.of("70%"), 5, 2,
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void isAllowedRemediation(String name, IntOrString value, int expected, int healthy, boolean allowed) {
    GateDecision d = RemediationGate.evaluate(maxUnhealthy(value), expected, healthy, expected - healthy);
    assertThat(d.allowed()).isEqualTo(allowed);
    if (!allowed) {
      assertThat(d.remediationsAllowed()).isZero();
    }
  }

  static Stream<Arguments> getMaxUnhealthy() {
    return Stream.of(
        Arguments.of("when maxUnhealthy is nil", null, 7, 7, null),
        Arguments.of("when maxUnhealthy is not an int or percentage", IntOrPercent.of("abcdef"), 3, 0,
            "invalid value for IntOrString: invalid type: string is not a percentage"),
        Arguments.of("when maxUnhealthy is an int", IntOrPercent.of(3), 2, 3, null),
        Arguments.of("when maxUnhealthy is a 40% (of 5)", IntOrPercent.of("40%"), 5, 2, null),
        Arguments.of("when maxUnhealthy is a 60% (of 7)", IntOrPercent.of("60%"), 7, 4, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void getMaxUnhealthy(String name, IntOrString value, int machines, int expectedMax, String expectedErr) {
    if (expectedErr != null) {
      assertThatThrownBy(() -> RemediationGate.maxUnhealthy(Optional.ofNullable(value), machines))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(expectedErr);
      GateDecision d = RemediationGate.evaluate(maxUnhealthy(value), machines, machines, 0);
      assertThat(d.allowed()).isFalse();
      assertThat(d.errorText()).contains("error checking if remediation is allowed: " + expectedErr);
      assertThat(d.error().orElseThrow()).hasToString(
          "spec.remediation.triggerIf.unhealthyLessThanOrEqualTo: Invalid value: \"abcdef\": " + expectedErr);
      return;
    }
    assertThat(RemediationGate.maxUnhealthy(Optional.ofNullable(value), machines)).isEqualTo(expectedMax);
    assertThat(RemediationGate.evaluate(maxUnhealthy(value), machines, machines, 0).maxUnhealthy())
        .contains(expectedMax);
  }

  // unhealthyInRange: inclusive bounds, precedence over unhealthyLessThanOrEqualTo, parse rules and errors.

  static Stream<Arguments> unhealthyInRange() {
    return Stream.of(
        // range, expected, healthy, allowed, remediationsAllowed
        Arguments.of("[1-3]", 3, 2, true, 2),
        Arguments.of("[1-3]", 3, 0, true, 0),
        Arguments.of("[1-3]", 3, 3, false, 0),
        Arguments.of("[3-5]", 3, 1, false, 0),
        Arguments.of("[3-5]", 5, 2, true, 2),
        Arguments.of("[3-5]", 5, 0, true, 0),
        Arguments.of("[3-5]", 6, 0, false, 0),
        Arguments.of("[0-0]", 4, 4, true, 0),
        Arguments.of("[2-2]", 4, 2, true, 0),
        Arguments.of("[007-010]", 10, 2, true, 2));
  }

  @ParameterizedTest(name = "{0} with {1} expected, {2} healthy")
  @MethodSource
  void unhealthyInRange(String r, int expected, int healthy, boolean allowed, int remediations) {
    GateDecision d = RemediationGate.evaluate(range(r), expected, healthy, expected - healthy);
    assertThat(d.allowed()).isEqualTo(allowed);
    assertThat(d.remediationsAllowed()).isEqualTo(remediations);
    assertThat(d.error()).isEmpty();
  }

  @Test
  void unhealthyInRangeTakesPrecedenceOverUnhealthyLessThanOrEqualTo() {
    MachineHealthCheckRemediationTriggerIf both = MachineHealthCheckRemediationTriggerIf.builder()
        .unhealthyInRange("[3-5]")
        .unhealthyLessThanOrEqualTo(IntOrPercent.of("abcdef"))
        .build();
    GateDecision d = RemediationGate.evaluate(both, 5, 1, 3);
    assertThat(d.allowed()).isTrue();
    assertThat(d.remediationsAllowed()).isEqualTo(1);
    assertThat(d.maxUnhealthy()).isEmpty();
    assertThat(d.rangeMin()).contains(3L);
    assertThat(d.rangeMax()).contains(5L);
  }

  @Test
  void emptyUnhealthyInRangeFallsBackToTheDefault100Percent() {
    GateDecision d = RemediationGate.evaluate(range(""), 4, 0, 4);
    assertThat(d.allowed()).isTrue();
    assertThat(d.maxUnhealthy()).contains(4);
    assertThat(d.remediationsAllowed()).isZero();
  }

  static Stream<Arguments> unhealthyInRangeErrors() {
    return Stream.of(
        Arguments.of("[5-3]", "max value 3 cannot be less than min value 5 for unhealthyRange"),
        Arguments.of("[0-4294967296]", "strconv.ParseUint: parsing \"4294967296\": value out of range"),
        Arguments.of("[99999999999999999999-1]",
            "strconv.ParseUint: parsing \"99999999999999999999\": value out of range"),
        Arguments.of("[3]", "spec.remediation.triggerIf.unhealthyInRange in body should match '^\\[[0-9]+-[0-9]+\\]$'"),
        Arguments.of("3-5", "spec.remediation.triggerIf.unhealthyInRange in body should match '^\\[[0-9]+-[0-9]+\\]$'"),
        Arguments.of("[1-2-3]",
            "spec.remediation.triggerIf.unhealthyInRange in body should match '^\\[[0-9]+-[0-9]+\\]$'"),
        Arguments.of("[-1-3]",
            "spec.remediation.triggerIf.unhealthyInRange in body should match '^\\[[0-9]+-[0-9]+\\]$'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void unhealthyInRangeErrors(String r, String detail) {
    GateDecision d = RemediationGate.evaluate(range(r), 5, 2, 3);
    assertThat(d.allowed()).isFalse();
    assertThat(d.remediationsAllowed()).isZero();
    assertThat(d.errorText()).contains("error checking if remediation is allowed: " + detail);
    assertThat(d.error().orElseThrow().field()).isEqualTo("spec.remediation.triggerIf.unhealthyInRange");
  }

  @Test
  void aRangeMaxBeyondInt32WrapsAsUpstreamsInt32Conversion() {
    GateDecision d = RemediationGate.evaluate(range("[0-4294967295]"), 3, 1, 2);
    assertThat(d.allowed()).isTrue();
    assertThat(d.remediationsAllowed()).isEqualTo(-3);
  }

  @Test
  void blockedMessagesAreUpstreams() {
    assertThat(RemediationGate.evaluate(maxUnhealthy(IntOrPercent.of("40%")), 3, 1, 2).message()).isEqualTo(
        "Remediation is not allowed, the number of not started or unhealthy machines exceeds maxUnhealthy "
            + "(total: 3, unhealthy: 2, maxUnhealthy: 40%)");
    assertThat(RemediationGate.evaluate(maxUnhealthy(IntOrPercent.of(1)), 3, 0, 1).message()).isEqualTo(
        "Remediation is not allowed, the number of not started or unhealthy machines exceeds maxUnhealthy "
            + "(total: 3, unhealthy: 1, maxUnhealthy: 1)");
    assertThat(RemediationGate.evaluate(range("[3-5]"), 3, 1, 2).message()).isEqualTo(
        "Remediation is not allowed, the number of not started or unhealthy machines does not fall within the range "
            + "(total: 3, unhealthy: 2, unhealthyRange: [3-5])");
    // The limit counts every target that is not healthy; the message prints only the unhealthy ones.
    GateDecision d = RemediationGate.evaluate(maxUnhealthy(IntOrPercent.of(1)), 4, 1, 1);
    assertThat(d.unhealthyCount()).isEqualTo(3);
    assertThat(d.message()).endsWith("(total: 4, unhealthy: 1, maxUnhealthy: 1)");
  }
}
