package io.capi4j.machinehealthcheck;

import static io.capi4j.machinehealthcheck.Fixtures.CLUSTER_NAME;
import static io.capi4j.machinehealthcheck.Fixtures.MHC_SELECTOR;
import static io.capi4j.machinehealthcheck.Fixtures.NAMESPACE;
import static io.capi4j.machinehealthcheck.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheckStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinehealthcheck.RemediationRetryLimit.Remediation;
import io.capi4j.machinehealthcheck.RemediationRetryLimit.Slot;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.webhooks.MachineHealthCheckWebhook;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** capi4j's retry limit (beyond upstream, CAPI #12553): reading, validation, counting, and the reconcile's plan. */
class RemediationRetryLimitTest {
  static final String LIMIT = RemediationRetryLimit.LIMIT_ANNOTATION;
  static final String PERIOD = RemediationRetryLimit.PERIOD_ANNOTATION;
  static final String HISTORY = RemediationRetryLimit.HISTORY_ANNOTATION;

  // --- reading and validation ---------------------------------------------------------------------------------

  @Test
  void offWithoutTheLimitAnnotation() {
    RemediationRetryLimit.Reading r = RemediationRetryLimit.read(Map.of("other", "x"));
    assertThat(r.settings()).isEmpty();
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void theLimitAloneUsesTheDefaultPeriodOfAnHour() {
    var s = RemediationRetryLimit.read(Map.of(LIMIT, "3")).settings().orElseThrow();
    assertThat(s.limit()).isEqualTo(3);
    assertThat(s.period()).isEqualTo(Duration.ofHours(1));
    assertThat(s.history()).isEmpty();
    assertThat(s.describe()).isEqualTo("remediation.capi4j.io/retry-limit 3 within 1h0m0s");
  }

  @Test
  void aGoDurationPeriod() {
    assertThat(RemediationRetryLimit.read(Map.of(LIMIT, "+2", PERIOD, "1h30m")).settings().orElseThrow().period())
        .isEqualTo(Duration.ofMinutes(90));
  }

  static Stream<Arguments> badAnnotations() {
    return Stream.of(
        Arguments.of("limit not a number", Map.of(LIMIT, "three"),
            "metadata.annotations[remediation.capi4j.io/retry-limit]: Invalid value: \"three\": must be a positive"
                + " integer: strconv.Atoi: parsing \"three\": invalid syntax (capi4j)"),
        Arguments.of("limit zero", Map.of(LIMIT, "0"),
            "metadata.annotations[remediation.capi4j.io/retry-limit]: Invalid value: \"0\": must be a positive"
                + " integer: the number of remediations allowed per slot within remediation.capi4j.io/retry-period"
                + " (capi4j)"),
        Arguments.of("limit negative", Map.of(LIMIT, "-1"),
            "metadata.annotations[remediation.capi4j.io/retry-limit]: Invalid value: \"-1\""),
        Arguments.of("period not a duration", Map.of(LIMIT, "3", PERIOD, "1d"),
            "metadata.annotations[remediation.capi4j.io/retry-period]: Invalid value: \"1d\": must be a Go duration"
                + " such as 30m or 1h: time: unknown unit \"d\" in duration \"1d\" (capi4j)"),
        Arguments.of("period zero", Map.of(LIMIT, "3", PERIOD, "0s"),
            "metadata.annotations[remediation.capi4j.io/retry-period]: Invalid value: \"0s\": must be a positive"
                + " duration such as 30m or 1h (capi4j)"),
        Arguments.of("period without limit", Map.of(PERIOD, "1h"),
            "metadata.annotations[remediation.capi4j.io/retry-period]: Forbidden: has no effect without"
                + " remediation.capi4j.io/retry-limit"),
        Arguments.of("history not JSON", Map.of(LIMIT, "3", HISTORY, "{oops"),
            "metadata.annotations[remediation.capi4j.io/retry-history]: Invalid value: \"{oops\": cannot be read:"
                + " not JSON"),
        Arguments.of("history item without time", Map.of(LIMIT, "3", HISTORY, "[{\"owner\":\"MachineSet/a\",\"machine\":\"m\"}]"),
            "cannot be read: item 0 has no time"),
        Arguments.of("history bad time", Map.of(LIMIT, "3", HISTORY,
            "[{\"owner\":\"MachineSet/a\",\"machine\":\"m\",\"time\":\"yesterday\"}]"),
            "cannot be read: item 0: time \"yesterday\" is not RFC 3339"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAnnotations")
  void badAnnotationsAreFieldErrorsNamingTheAnnotation(String name, Map<String, String> annotations, String error) {
    RemediationRetryLimit.Reading r = RemediationRetryLimit.read(annotations);
    assertThat(r.settings()).isEmpty();
    assertThat(r.errors()).extracting(FieldError::toString).anyMatch(e -> e.contains(error));
  }

  @Test
  void theWebhookRejectsBadAnnotations() {
    MachineHealthCheck mhc = Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "many", PERIOD, "soon"));
    List<FieldError> errs = new MachineHealthCheckWebhook().validate(mhc, AdmissionContext.create());
    assertThat(errs).extracting(FieldError::field).containsExactly(
        "metadata.annotations[remediation.capi4j.io/retry-limit]",
        "metadata.annotations[remediation.capi4j.io/retry-period]");
    MachineHealthCheck good = Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "3", PERIOD, "30m"));
    assertThat(new MachineHealthCheckWebhook().validate(good, AdmissionContext.create())).isEmpty();
  }

  @Test
  void historyRoundTripsOldestFirst() {
    List<Remediation> h = List.of(
        new Remediation("MachineSet/b", "z1", "b-2", NOW),
        new Remediation("MachineSet/a", "", "a-1", NOW.minusSeconds(60)));
    String text = RemediationRetryLimit.format(h);
    assertThat(text).isEqualTo("[{\"owner\":\"MachineSet/a\",\"failureDomain\":\"\",\"machine\":\"a-1\","
        + "\"time\":\"2026-08-21T09:59:00Z\"},{\"owner\":\"MachineSet/b\",\"failureDomain\":\"z1\",\"machine\":\"b-2\","
        + "\"time\":\"2026-08-21T10:00:00Z\"}]");
    assertThat(RemediationRetryLimit.parse(text)).containsExactly(h.get(1), h.get(0));
    assertThatThrownBy(() -> RemediationRetryLimit.parse("{}")).hasMessage("not a JSON list");
  }

  // --- slots and counting -------------------------------------------------------------------------------------

  @Test
  void aSlotIsTheControllerOwnerAndTheFailureDomain() {
    Machine m = owned(machine("m1"), "MachineSet", "ms-1");
    assertThat(RemediationRetryLimit.slotOf(m)).isEqualTo(new Slot("MachineSet/ms-1", ""));
    Machine zoned = m.withSpec(m.spec().withFailureDomain("zone-b"));
    assertThat(RemediationRetryLimit.slotOf(zoned).toString()).isEqualTo("MachineSet/ms-1 in failure domain \"zone-b\"");
    assertThat(RemediationRetryLimit.slotOf(machine("lonely"))).isEqualTo(new Slot("Machine/lonely", ""));
  }

  @Test
  void aRemediationCountsForThePeriodThenTheSlotFreesUp() {
    Slot slot = new Slot("MachineSet/ms-1", "");
    Duration hour = Duration.ofHours(1);
    List<Remediation> h = List.of(
        new Remediation("MachineSet/ms-1", "", "a", NOW.minusSeconds(3000)),
        new Remediation("MachineSet/ms-1", "", "b", NOW.minusSeconds(2000)),
        new Remediation("MachineSet/ms-1", "", "c", NOW.minusSeconds(1000)),
        new Remediation("MachineSet/other", "", "x", NOW.minusSeconds(10)),
        new Remediation("MachineSet/ms-1", "", "old", NOW.minusSeconds(3600)));
    assertThat(RemediationRetryLimit.counted(h, slot, hour, NOW)).extracting(Remediation::machine)
        .containsExactly("a", "b", "c");
    // Three counted: a limit of 3 holds until "a" leaves the period; a limit of 2 until "b" leaves it.
    assertThat(RemediationRetryLimit.blockedUntil(h, slot, 3, hour, NOW)).contains(NOW.plusSeconds(600));
    assertThat(RemediationRetryLimit.blockedUntil(h, slot, 2, hour, NOW)).contains(NOW.plusSeconds(1600));
    assertThat(RemediationRetryLimit.blockedUntil(h, slot, 4, hour, NOW)).isEmpty();
    assertThat(RemediationRetryLimit.blockedUntil(h, slot, 3, hour, NOW.plusSeconds(600))).isEmpty();
  }

  // --- the reconcile -------------------------------------------------------------------------------------------

  static Machine machine(String name) {
    return Fixtures.created(Fixtures.machine(name, NAMESPACE, CLUSTER_NAME, "", MHC_SELECTOR),
        NOW.minusSeconds(1200));
  }

  static Machine owned(Machine m, String kind, String name) {
    return Fixtures.withMeta(m, b -> b.withOwnerReferences(new OwnerReferenceBuilder().withKind(kind).withName(name)
        .withApiVersion(Capi.API_VERSION).withController(true).build()));
  }

  /** A MHC past its first reconcile, with the 10 minute node startup timeout: Machines without a Node for 20m fail. */
  static MachineHealthCheck mhc() {
    MachineHealthCheck m = Fixtures.mhc(MachineHealthCheckChecks.builder().nodeStartupTimeoutSeconds(600).build());
    Condition notPaused = new ConditionBuilder(
        Conditions.of("Paused", "False", "NotPaused", "", NOW.minusSeconds(3600))).withObservedGeneration(1L).build();
    return m.withStatus(MachineHealthCheckStatus.builder().addCondition(notPaused).build());
  }

  static MachineHealthCheckPlan plan(MachineHealthCheck mhc, Instant now, Machine... machines) {
    return MachineHealthCheckPlanner.plan(MachineHealthCheckInput.builder()
        .machineHealthCheck(mhc).cluster(Fixtures.readyCluster()).machines(List.of(machines)).now(now).build());
  }

  static MachineHealthCheck withHistory(MachineHealthCheck mhc, List<Remediation> h) {
    Map<String, String> a = new LinkedHashMap<>(mhc.annotations());
    a.put(HISTORY, RemediationRetryLimit.format(h));
    return Fixtures.withAnnotations(mhc, a);
  }

  @Test
  void offByDefaultNothingIsRecordedAndNoConditionIsSet() {
    MachineHealthCheckPlan p = plan(mhc(), NOW, owned(machine("m1"), "MachineSet", "ms-1"));
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::name).containsExactly("m1");
    assertThat(p.annotations()).isEmpty();
    assertThat(Conditions.get(p.status().conditions(), RemediationRetryLimit.CONDITION)).isEmpty();
  }

  @Test
  void underTheLimitTheMachineIsHandedOverAndRecorded() {
    MachineHealthCheck mhc = Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "2"));
    MachineHealthCheckPlan p = plan(mhc, NOW, owned(machine("m1"), "MachineSet", "ms-1"));
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::name).containsExactly("m1");
    assertThat(RemediationRetryLimit.parse(p.annotations().orElseThrow().get(HISTORY)))
        .containsExactly(new Remediation("MachineSet/ms-1", "", "m1", NOW));
    Condition c = Conditions.get(p.status().conditions(), RemediationRetryLimit.CONDITION).orElseThrow();
    assertThat(c.getStatus()).isEqualTo("False");
    assertThat(c.getReason()).isEqualTo(RemediationRetryLimit.REASON_NOT_REACHED);
  }

  @Test
  void atTheLimitTheMachineIsMarkedButNotHandedOverAndTheConditionSaysWhy() {
    MachineHealthCheck mhc = withHistory(Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "2", PERIOD, "1h")), List.of(
        new Remediation("MachineSet/ms-1", "", "m-old-1", NOW.minusSeconds(1800)),
        new Remediation("MachineSet/ms-1", "", "m-old-2", NOW.minusSeconds(900))));
    Machine m = owned(machine("m3"), "MachineSet", "ms-1");
    Machine other = owned(machine("x1"), "MachineSet", "ms-2");
    MachineHealthCheckPlan p = plan(mhc, NOW, m, other);

    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_ALLOWED);
    assertThat(p.heldByRetryLimit()).extracting(UnhealthyMachine::name).containsExactly("m3");
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::name).containsExactly("x1");
    MachineUpdate u = p.machineUpdates().stream().filter(x -> x.machineName().equals("m3")).findFirst().orElseThrow();
    assertThat(u.conditions()).extracting(Condition::getType).containsExactly(Capi.Conditions.HEALTH_CHECK_SUCCEEDED);
    assertThat(u.conditions().get(0).getStatus()).isEqualTo("False");
    assertThat(u.reason()).contains("the retry limit is reached");

    Condition c = Conditions.get(p.status().conditions(), RemediationRetryLimit.CONDITION).orElseThrow();
    assertThat(c.getStatus()).isEqualTo("True");
    assertThat(c.getReason()).isEqualTo("RemediationRetryLimitReached");
    assertThat(c.getMessage()).isEqualTo("Remediation stopped by the retry limit (remediation.capi4j.io/retry-limit 2"
        + " within 1h0m0s):\n* Machine m3: MachineSet/ms-1 had 2 remediation(s) since 2026-08-21T09:30:00Z; it may be"
        + " remediated again at 2026-08-21T10:30:00Z");
    // Requeue when the slot frees up (the 10 minute startup timeout has no pending check here).
    assertThat(p.requeueAfter()).contains(Duration.ofMinutes(30));
    // The other slot's remediation is recorded; nothing for m3.
    assertThat(RemediationRetryLimit.parse(p.annotations().orElseThrow().get(HISTORY)))
        .extracting(Remediation::machine).containsExactly("m-old-1", "m-old-2", "x1");

    // Half an hour later the oldest remediation has left the period: m3 is handed over.
    MachineHealthCheckPlan later = plan(mhc, NOW.plusSeconds(1800), m);
    assertThat(later.toRemediate()).extracting(UnhealthyMachine::name).containsExactly("m3");
    assertThat(RemediationRetryLimit.parse(later.annotations().orElseThrow().get(HISTORY)))
        .extracting(Remediation::machine).containsExactly("m-old-2", "m3");
  }

  @Test
  void severalUnhealthyMachinesOfOneSlotShareItsBudget() {
    MachineHealthCheck mhc = Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "2"));
    MachineHealthCheckPlan p = plan(mhc, NOW, owned(machine("a"), "MachinePool", "mp"),
        owned(machine("b"), "MachinePool", "mp"), owned(machine("c"), "MachinePool", "mp"));
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::name).containsExactly("a", "b");
    assertThat(p.heldByRetryLimit()).extracting(UnhealthyMachine::name).containsExactly("c");
    // The history's times are whole seconds, so the freed-up moment is exact.
    assertThat(p.requeueAfter()).contains(Duration.ofHours(1));
  }

  @Test
  void aMachineAlreadyHandedOverIsNotCountedAgain() {
    MachineHealthCheck mhc = Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "1"));
    Machine m = Fixtures.withConditions(owned(machine("m1"), "MachineSet", "ms-1"),
        Conditions.of(Capi.Conditions.OWNER_REMEDIATED, "False", "MachineDeleting", "", NOW.minusSeconds(5)));
    MachineHealthCheckPlan p = plan(withHistory(mhc, List.of(new Remediation("MachineSet/ms-1", "", "m1",
        NOW.minusSeconds(5)))), NOW, m);
    assertThat(p.heldByRetryLimit()).isEmpty();
    assertThat(p.unhealthy()).extracting(UnhealthyMachine::handling).containsExactly(RemediationHandling.OWNER);
    assertThat(p.annotations()).isEmpty(); // unchanged history
  }

  @Test
  void unreadableAnnotationsFailTheReconcile() {
    MachineHealthCheckPlan p = plan(Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "x")), NOW, machine("m1"));
    assertThat(p.outcome()).isEqualTo(PlanOutcome.ERROR);
    assertThat(p.errors()).singleElement().asString().startsWith(
        "metadata.annotations[remediation.capi4j.io/retry-limit]: Invalid value: \"x\"");
    assertThat(p.machineUpdates()).isEmpty();
  }

  @Test
  void turningTheOptionOffRemovesTheCondition() {
    MachineHealthCheck on = Fixtures.withAnnotations(mhc(), Map.of(LIMIT, "1"));
    MachineHealthCheckPlan first = plan(on, NOW, machine("m1"));
    MachineHealthCheck off = mhc().withStatus(first.status());
    MachineHealthCheckPlan second = plan(off, NOW, machine("m1"));
    assertThat(Conditions.get(first.status().conditions(), RemediationRetryLimit.CONDITION)).isPresent();
    assertThat(Conditions.get(second.status().conditions(), RemediationRetryLimit.CONDITION)).isEmpty();
    assertThat(Optional.of(second.outcome())).contains(PlanOutcome.REMEDIATION_ALLOWED);
  }
}
