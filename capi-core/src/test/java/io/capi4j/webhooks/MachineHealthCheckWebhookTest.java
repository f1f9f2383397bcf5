package io.capi4j.webhooks;

import static io.capi4j.webhooks.WebhookTestSupport.create;
import static io.capi4j.webhooks.WebhookTestSupport.defaultThenValidate;
import static io.capi4j.webhooks.WebhookTestSupport.fields;
import static io.capi4j.webhooks.WebhookTestSupport.meta;
import static io.capi4j.webhooks.WebhookTestSupport.selector;
import static io.capi4j.webhooks.WebhookTestSupport.texts;
import static io.capi4j.webhooks.WebhookTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ImmutableMachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediation;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTriggerIf;
import io.capi4j.api.core.v1beta2.MachineHealthCheckSpec;
import io.capi4j.api.core.v1beta2.UnhealthyCondition;
import io.capi4j.util.IntOrPercent;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Port of upstream's {@code core/webhooks/admission/machinehealthcheck_test.go} and of the envtest
 * {@code core/webhooks/admission/test/machinehealthcheck_test.go} (CRD CEL rule, immutability through the API).
 */
class MachineHealthCheckWebhookTest {
  private final MachineHealthCheckWebhook webhook = new MachineHealthCheckWebhook();

  /** The KubeadmControlPlane condition {@code EtcdPodHealthy}, which upstream's fixture watches. */
  private static final String ETCD_POD_HEALTHY = "EtcdPodHealthy";

  private static UnhealthyCondition condition(String type, String status) {
    return UnhealthyCondition.builder().type(type).status(status).build();
  }

  private static final List<UnhealthyCondition> NODE_CONDITIONS = List.of(condition("Ready", "False"));
  private static final List<UnhealthyCondition> MACHINE_CONDITIONS = List.of(condition(ETCD_POD_HEALTHY, "False"));

  private static ImmutableMachineHealthCheckChecks.Builder fixtureChecks() {
    return MachineHealthCheckChecks.builder()
        .unhealthyNodeConditions(NODE_CONDITIONS)
        .unhealthyMachineConditions(MACHINE_CONDITIONS);
  }

  private static MachineHealthCheck mhc(String clusterName, LabelSelector selector, MachineHealthCheckChecks checks) {
    return MachineHealthCheck.builder().metadata(meta("foo", "mhc"))
        .spec(MachineHealthCheckSpec.builder().clusterName(clusterName).selector(selector).checks(checks).build())
        .build();
  }

  private static MachineHealthCheck mhc(Map<String, String> selector) {
    return mhc("", selector(selector), fixtureChecks().build());
  }

  @Test
  void TestMachineHealthCheckDefault() {
    MachineHealthCheck out = defaultThenValidate(webhook, mhc(Map.of("foo", "bar")));
    assertThat(out.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "");
    assertThat(out.spec().checksOrEmpty().nodeStartupTimeoutSeconds()).contains(600);
  }

  @Test
  void defaultingKeepsASetNodeStartupTimeout() {
    MachineHealthCheck in = mhc("", selector(Map.of("foo", "bar")), fixtureChecks().nodeStartupTimeoutSeconds(0).build());
    assertThat(webhook.applyDefaults(in, create()).spec().checksOrEmpty().nodeStartupTimeoutSeconds()).contains(0);
  }

  static Stream<Arguments> labelSelectorCases() {
    return Stream.of(
        arguments("should not return error for valid selector", Map.of("foo", "bar"), false),
        arguments("should return error for invalid selector", Map.of("-123-foo", "bar"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelSelectorCases")
  void TestMachineHealthCheckLabelSelectorAsSelectorValidation(String name, Map<String, String> sel, boolean wantErr) {
    List<FieldError> errs = WebhookTestSupport.expectCreateAndUpdate(webhook, mhc(sel), wantErr);
    if (wantErr) {
      // The conversion error only: no "must not be empty" after it (QUIRK Q12).
      assertThat(fields(errs)).containsExactly("spec.selector");
      assertThat(errs.get(0).detail()).startsWith("key: Invalid value: \"-123-foo\": name part must consist of");
    }
  }

  static Stream<Arguments> clusterNameImmutableCases() {
    return Stream.of(
        arguments("when the cluster name has not changed", "foo", "foo", false),
        arguments("when the cluster name has changed", "foo", "bar", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterNameImmutableCases")
  void TestMachineHealthCheckClusterNameImmutable(String name, String oldName, String newName, boolean wantErr) {
    MachineHealthCheck oldMHC = mhc(oldName, selector(Map.of("test", "test")), fixtureChecks().build());
    MachineHealthCheck newMHC = mhc(newName, selector(Map.of("test", "test")), fixtureChecks().build());
    List<FieldError> errs = webhook.validate(newMHC, update(oldMHC));
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.clusterName: Forbidden: field is immutable");
    } else {
      assertThat(errs).isEmpty();
    }
  }

  static Stream<Arguments> nodeConditionCases() {
    return Stream.of(
        arguments("pass with correctly defined unhealthyNodeConditions", NODE_CONDITIONS),
        arguments("do not fail if the UnhealthyNodeCondition array is nil", List.of()),
        arguments("do not fail if the UnhealthyNodeCondition array is nil (empty)", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodeConditionCases")
  void TestMachineHealthCheckUnhealthyNodeConditions(String name, List<UnhealthyCondition> conditions) {
    MachineHealthCheck in = mhc("", selector(Map.of("test", "test")),
        MachineHealthCheckChecks.builder().unhealthyNodeConditions(conditions).build());
    WebhookTestSupport.expectCreateAndUpdate(webhook, in, false);
  }

  static Stream<Arguments> machineConditionCases() {
    return Stream.of(
        arguments("pass with correctly defined unhealthyMachineConditions", MACHINE_CONDITIONS),
        arguments("do not fail if the UnhealthyMachineCondition array is nil", List.of()),
        arguments("do not fail if the UnhealthyMachineCondition array is empty", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machineConditionCases")
  void TestMachineHealthCheckUnhealthyMachineConditions(String name, List<UnhealthyCondition> conditions) {
    MachineHealthCheck in = mhc("", selector(Map.of("test", "test")),
        MachineHealthCheckChecks.builder().unhealthyMachineConditions(conditions).build());
    WebhookTestSupport.expectCreateAndUpdate(webhook, in, false);
  }

  static Stream<Arguments> nodeStartupTimeoutCases() {
    return Stream.of(
        arguments("when the nodeStartupTimeout is not given", null, false),
        arguments("when the nodeStartupTimeout is greater than 30s", 60, false),
        arguments("when the nodeStartupTimeout is 30s", 30, false),
        arguments("when the nodeStartupTimeout is 29s", 29, true),
        arguments("when the nodeStartupTimeout is less than 0", -60, true),
        arguments("when the nodeStartupTimeout is 0 (disabled)", 0, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodeStartupTimeoutCases")
  void TestMachineHealthCheckNodeStartupTimeout(String name, Integer timeout, boolean wantErr) {
    MachineHealthCheck in = mhc("", selector(Map.of("test", "test")),
        fixtureChecks().nodeStartupTimeoutSeconds(timeout).build());
    List<FieldError> errs = WebhookTestSupport.expectCreateAndUpdate(webhook, in, wantErr);
    if (wantErr) {
      assertThat(texts(errs)).containsExactly(
          "spec.checks.nodeStartupTimeoutSeconds: Invalid value: " + timeout + ": must be at least 30s");
    }
  }

  static Stream<Arguments> maxUnhealthyCases() {
    return Stream.of(
        arguments("when the value is an integer", IntOrPercent.parse("10"), null),
        arguments("when the value is a percentage", IntOrPercent.parse("10%"), null),
        arguments("when the value is a random string", IntOrPercent.parse("abcdef"),
            "spec.remediation.triggerIf.unhealthyLessThanOrEqualTo: Invalid value: \"abcdef\": must be either an int or"
                + " a percentage: invalid value for IntOrString: invalid type: string is not a percentage"),
        arguments("when the value stringified integer", IntOrPercent.of("10"),
            "spec.remediation.triggerIf.unhealthyLessThanOrEqualTo: Invalid value: \"10\": must be either an int or a"
                + " percentage: invalid value for IntOrString: invalid type: string is not a percentage"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxUnhealthyCases")
  void TestMachineHealthCheckMaxUnhealthy(String name, IntOrString value, String want) {
    MachineHealthCheck in = MachineHealthCheck.builder().metadata(meta("foo", "mhc"))
        .spec(MachineHealthCheckSpec.builder().selector(selector(Map.of("test", "test"))).checks(fixtureChecks().build())
            .remediation(MachineHealthCheckRemediation.builder().triggerIf(
                MachineHealthCheckRemediationTriggerIf.builder().unhealthyLessThanOrEqualTo(value).build()).build())
            .build())
        .build();
    List<FieldError> errs = WebhookTestSupport.expectCreateAndUpdate(webhook, in, want != null);
    if (want != null) {
      assertThat(texts(errs)).containsExactly(want);
    }
  }

  @Test
  void TestMachineHealthCheckSelectorValidation() {
    MachineHealthCheck in = mhc("", new LabelSelector(), fixtureChecks().build());
    assertThat(texts(webhook.validate(in, create())))
        .containsExactly("spec.selector: Required value: selector must not be empty");
  }

  @Test
  void TestMachineHealthCheckClusterNameSelectorValidation() {
    Map<String, String> sel = new LinkedHashMap<>(Map.of(Capi.CLUSTER_NAME_LABEL, "bar", "baz", "qux"));
    MachineHealthCheck in = mhc("foo", selector(sel), fixtureChecks().build());
    List<FieldError> errs = webhook.validate(in, create());
    assertThat(errs).hasSize(1);
    assertThat(errs.get(0).toString()).contains("cannot specify a cluster selector other than the one specified by ClusterName");
    assertThat(errs.get(0).field()).isEqualTo("spec.selector");

    sel.put(Capi.CLUSTER_NAME_LABEL, "foo");
    assertThat(webhook.validate(mhc("foo", selector(sel), fixtureChecks().build()), create())).isEmpty();

    sel.remove(Capi.CLUSTER_NAME_LABEL);
    assertThat(webhook.validate(mhc("foo", selector(sel), fixtureChecks().build()), create())).isEmpty();
  }

  @Test
  void clusterNameSelectorCheckIgnoresMatchExpressions() {
    // QUIRK Q11: only matchLabels are looked at.
    LabelSelector sel = new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
        .addNewMatchExpression().withKey(Capi.CLUSTER_NAME_LABEL).withOperator("In").withValues("bar").endMatchExpression()
        .build();
    assertThat(webhook.validate(mhc("foo", sel, fixtureChecks().build()), create())).isEmpty();
  }

  // The envtest table (test/machinehealthcheck_test.go): the whole admission, CRD CEL rule included.

  private static MachineHealthCheck envtestMHC(String name, String conditionType) {
    return MachineHealthCheck.builder().metadata(meta("default", name))
        .spec(MachineHealthCheckSpec.builder().clusterName("test-cluster")
            .selector(selector(Map.of(Capi.CLUSTER_NAME_LABEL, "test-cluster")))
            .checks(MachineHealthCheckChecks.builder()
                .addUnhealthyMachineCondition(UnhealthyCondition.of(conditionType, "False", 300)).build())
            .build())
        .build();
  }

  static Stream<Arguments> celCases() {
    String msg = "type must not be one of: Ready, Available, HealthCheckSucceeded, OwnerRemediated, ExternallyRemediated";
    return Stream.of(
        arguments("Return no error if MachineHealthCheck is valid", "InfrastructureReady", null),
        arguments("Return error if UnhealthyMachineCondition type is 'Ready'", "Ready", msg),
        arguments("Return error if UnhealthyMachineCondition type is 'Available'", "Available", msg),
        arguments("Return error if UnhealthyMachineCondition type is 'HealthCheckSucceeded'", "HealthCheckSucceeded", msg),
        arguments("Return error if UnhealthyMachineCondition type is 'OwnerRemediated'", "OwnerRemediated", msg),
        arguments("Return error if UnhealthyMachineCondition type is 'ExternallyRemediated'", "ExternallyRemediated", msg),
        arguments("Return no error if UnhealthyMachineCondition type is allowed custom type", "CustomHealthCheck", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celCases")
  void Test_validateMachineHealthCheck(String name, String conditionType, String wantErr) {
    AdmissionResult r = Admission.create().admit(envtestMHC("mhc", conditionType));
    if (wantErr == null) {
      assertThat(r.errors()).isEmpty();
      assertThat(r.isValid()).isTrue();
    } else {
      assertThat(texts(r.errors())).containsExactly(
          "spec.checks.unhealthyMachineConditions[0].type: Invalid value: \"string\": " + wantErr);
    }
  }

  @Test
  void TestMachineHealthCheckClusterNameImmutableThroughAdmission() {
    Admission admission = Admission.create();
    MachineHealthCheck created = admission.admit(envtestMHC("mhc-clustername-immutable", "InfrastructureReady"))
        .object(MachineHealthCheck.class).orElseThrow();

    MachineHealthCheck renamed = created.withSpec(created.spec().withClusterName("different-cluster"));
    AdmissionResult r = admission.admit(renamed, create().withOldObject(created));
    assertThat(texts(r.errors())).anySatisfy(t -> assertThat(t).contains("field is immutable"));

    MachineHealthCheck longer = created.withSpec(created.spec()
        .withChecks(created.spec().checksOrEmpty().withNodeStartupTimeoutSeconds(600)));
    assertThat(admission.admit(longer, create().withOldObject(created)).errors()).isEmpty();
  }
}
