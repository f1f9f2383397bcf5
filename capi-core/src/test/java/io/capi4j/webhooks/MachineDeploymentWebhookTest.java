package io.capi4j.webhooks;

import static io.capi4j.webhooks.WebhookTestSupport.MAX;
import static io.capi4j.webhooks.WebhookTestSupport.MIN;
import static io.capi4j.webhooks.WebhookTestSupport.configRef;
import static io.capi4j.webhooks.WebhookTestSupport.create;
import static io.capi4j.webhooks.WebhookTestSupport.dataSecret;
import static io.capi4j.webhooks.WebhookTestSupport.defaultThenValidate;
import static io.capi4j.webhooks.WebhookTestSupport.expectCreateAndUpdate;
import static io.capi4j.webhooks.WebhookTestSupport.fields;
import static io.capi4j.webhooks.WebhookTestSupport.meta;
import static io.capi4j.webhooks.WebhookTestSupport.noBootstrap;
import static io.capi4j.webhooks.WebhookTestSupport.selector;
import static io.capi4j.webhooks.WebhookTestSupport.taint;
import static io.capi4j.webhooks.WebhookTestSupport.taintGate;
import static io.capi4j.webhooks.WebhookTestSupport.texts;
import static io.capi4j.webhooks.WebhookTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRemediationSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineNamingSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.util.IntOrPercent;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.DefaultingException;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Port of upstream's {@code core/webhooks/admission/machinedeployment_test.go}. */
class MachineDeploymentWebhookTest {
  private final MachineDeploymentWebhook webhook = new MachineDeploymentWebhook();

  private static MachineDeployment md(ObjectMeta meta, MachineDeploymentSpec spec) {
    return MachineDeployment.builder().metadata(meta).spec(spec).build();
  }

  private static MachineTemplateSpec template(Map<String, String> labels, MachineSpec spec) {
    return MachineTemplateSpec.builder().metadata(TemplateMeta.builder().labels(labels).build()).spec(spec).build();
  }

  private static MachineTemplateSpec template(Bootstrap bootstrap) {
    return MachineTemplateSpec.builder().spec(MachineSpec.builder().bootstrap(bootstrap).build()).build();
  }

  private static MachineDeployment withTemplateSpec(MachineSpec spec) {
    return md(meta("", ""), MachineDeploymentSpec.builder()
        .template(MachineTemplateSpec.builder().spec(spec).build()).build());
  }

  @Test
  void TestMachineDeploymentDefault() {
    MachineDeployment in = md(meta("", "test-md"), MachineDeploymentSpec.builder()
        .clusterName("test-cluster")
        .template(MachineTemplateSpec.builder().spec(MachineSpec.builder()
            .clusterName("test-cluster").version("1.19.10").bootstrap(dataSecret("data-secret")).build()).build())
        .build());
    MachineDeployment out = defaultThenValidate(webhook, in);

    assertThat(out.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "test-cluster");
    assertThat(out.spec().replicas()).contains(1);
    assertThat(out.spec().selector().orElseThrow().getMatchLabels())
        .containsEntry(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "test-md")
        .containsEntry(Capi.CLUSTER_NAME_LABEL, "test-cluster");
    assertThat(out.spec().templateOrEmpty().metadataOrEmpty().labels())
        .containsEntry(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "test-md")
        .containsEntry(Capi.CLUSTER_NAME_LABEL, "test-cluster");
    MachineDeploymentRolloutStrategy strategy = out.spec().rolloutOrEmpty().strategyOrEmpty();
    assertThat(strategy.type()).isEqualTo(MachineDeploymentRolloutStrategy.ROLLING_UPDATE);
    MachineDeploymentRolloutStrategyRollingUpdate ru = strategy.rollingUpdate().orElseThrow();
    assertThat(ru.maxSurge()).contains(IntOrPercent.of(1));
    assertThat(ru.maxUnavailable()).contains(IntOrPercent.of(0));
    assertThat(out.spec().templateOrEmpty().specOrEmpty().version()).isEqualTo("v1.19.10");
  }

  static Stream<Arguments> bootstrapCases() {
    return Stream.of(
        arguments("should return error if configref and data are nil", noBootstrap(), true),
        arguments("should not return error if dataSecretName is set (\"test\")", dataSecret("test"), false),
        arguments("should not return error if dataSecretName is set (\"\")", dataSecret(""), false),
        arguments("should not return error if config ref is set", configRef("bootstrap1"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bootstrapCases")
  void TestMachineDeploymentBootstrapValidation(String name, Bootstrap bootstrap, boolean wantErr) {
    MachineDeployment in = md(meta("", ""), MachineDeploymentSpec.builder().template(template(bootstrap)).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, wantErr);
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.template.spec.bootstrap: Required value: expected either"
          + " spec.template.spec.bootstrap.dataSecretName or spec.template.spec.bootstrap.configRef to be populated");
    }
  }

  @Test
  void TestMachineDeploymentReferenceDefault() {
    MachineDeployment in = md(meta("", "test-md"), MachineDeploymentSpec.builder()
        .clusterName("test-cluster")
        .template(MachineTemplateSpec.builder().spec(MachineSpec.builder()
            .clusterName("test-cluster").version("1.19.10").bootstrap(configRef("bootstrap1")).build()).build())
        .build());
    defaultThenValidate(webhook, in);
  }

  static Stream<Arguments> replicasCases() {
    MachineDeployment none = md(meta("", Map.of()), MachineDeploymentSpec.builder().build());
    MachineDeployment minMax = md(meta("", Map.of(MIN, "3", MAX, "7")), MachineDeploymentSpec.builder().build());
    return Stream.of(
        arguments("if new MD has replicas set, keep that value",
            md(meta("", Map.of()), MachineDeploymentSpec.builder().replicas(5).build()), null, 5),
        arguments("if new MD does not have replicas set and no annotations, use 1", none, null, 1),
        arguments("if new MD only has min size annotation, fallback to 1",
            md(meta("", Map.of(MIN, "3")), MachineDeploymentSpec.builder().build()), null, 1),
        arguments("if new MD only has max size annotation, fallback to 1",
            md(meta("", Map.of(MAX, "7")), MachineDeploymentSpec.builder().build()), null, 1),
        arguments("if new MD has min and max size annotation and min size is invalid, fail",
            md(meta("", Map.of(MIN, "abc", MAX, "7")), MachineDeploymentSpec.builder().build()), null, null),
        arguments("if new MD has min and max size annotation and max size is invalid, fail",
            md(meta("", Map.of(MIN, "3", MAX, "abc")), MachineDeploymentSpec.builder().build()), null, null),
        arguments("if new MD has min and max size annotation and new MD is a new MD, use min size", minMax, null, 3),
        arguments("if new MD has min and max size annotation and old MD doesn't have replicas set, use min size",
            minMax, none, 3),
        arguments("if new MD has min and max size annotation and old MD replicas is below min size, use min size",
            minMax, md(meta("", Map.of()), MachineDeploymentSpec.builder().replicas(1).build()), 3),
        arguments("if new MD has min and max size annotation and old MD replicas is above max size, use max size",
            minMax, md(meta("", Map.of()), MachineDeploymentSpec.builder().replicas(15).build()), 7),
        arguments("if new MD has min and max size annotation and old MD replicas is between min and max size,"
            + " use old MD replicas", minMax, md(meta("", Map.of()), MachineDeploymentSpec.builder().replicas(4).build()), 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicasCases")
  void TestCalculateMachineDeploymentReplicas(String name, MachineDeployment newMD, MachineDeployment oldMD, Integer want) {
    AdmissionContext ctx = oldMD == null ? create() : update(oldMD);
    if (want == null) {
      assertThatThrownBy(() -> webhook.applyDefaults(newMD, ctx))
          .isInstanceOf(DefaultingException.class)
          .hasMessageContaining("failed to caculate MachineDeployment replicas value: could not parse the value of the")
          .hasMessageContaining("strconv.ParseInt: parsing \"abc\": invalid syntax");
    } else {
      assertThat(webhook.applyDefaults(newMD, ctx).spec().replicas()).contains(want);
    }
  }

  @Test
  void calculateReplicasErrorNamesTheAnnotation() {
    MachineDeployment in = md(meta("", Map.of(MIN, "abc", MAX, "7")), MachineDeploymentSpec.builder().build());
    assertThatThrownBy(() -> webhook.applyDefaults(in, create()))
        .isInstanceOfSatisfying(DefaultingException.class, e -> assertThat(e.error().toString()).isEqualTo(
            "metadata.annotations[" + MIN + "]: Invalid value: \"abc\": failed to caculate MachineDeployment replicas"
                + " value: could not parse the value of the \"" + MIN + "\" annotation: strconv.ParseInt: parsing"
                + " \"abc\": invalid syntax"));
  }

  private static final IntOrString BAD_MAX_SURGE = IntOrPercent.of("1");
  private static final IntOrString BAD_MAX_UNAVAILABLE = IntOrPercent.of("0");
  private static final IntOrString BAD_MAX_IN_FLIGHT = IntOrPercent.of("1");
  private static final IntOrString GOOD_MAX_SURGE_PERCENTAGE = IntOrPercent.of("1%");
  private static final IntOrString GOOD_MAX_UNAVAILABLE_PERCENTAGE = IntOrPercent.of("0%");
  private static final IntOrString GOOD_MAX_IN_FLIGHT_PERCENTAGE = IntOrPercent.of("20%");
  private static final IntOrString GOOD_MAX_SURGE_INT = IntOrPercent.of(1);
  private static final IntOrString GOOD_MAX_UNAVAILABLE_INT = IntOrPercent.of(0);
  private static final IntOrString GOOD_MAX_IN_FLIGHT_INT = IntOrPercent.of(5);

  /** One row of TestMachineDeploymentValidation; {@code wantField} is the path our error must name. */
  record Row(String name, String mdName, Map<String, String> selectors, Map<String, String> labels,
      MachineDeploymentRolloutStrategy strategy, IntOrString maxInFlight, String naming, String wantField) {
    Row(String name, String mdName, String wantField) {
      this(name, mdName, Map.of(), Map.of(), null, null, null, wantField);
    }

    Row(String name, Map<String, String> selectors, Map<String, String> labels, String wantField) {
      this(name, "", selectors, labels, null, null, null, wantField);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static MachineDeploymentRolloutStrategy rollingUpdate(IntOrString maxUnavailable, IntOrString maxSurge) {
    return MachineDeploymentRolloutStrategy.builder().type(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)
        .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.builder()
            .maxUnavailable(maxUnavailable).maxSurge(maxSurge).build())
        .build();
  }

  static Stream<Row> validationRows() {
    Map<String, String> fooBar = Map.of("foo", "bar");
    String ru = "spec.rollout.strategy.rollingUpdate.";
    return Stream.of(
        new Row("pass with name of under 63 characters", "short-name", null),
        new Row("pass with _, -, . characters in name", "thisNameContains.A_Non-Alphanumeric", null),
        new Row("error with name of more than 63 characters",
            "thisNameIsReallyMuchLongerThanTheMaximumLengthOfSixtyThreeCharacters", "metadata.name"),
        new Row("error when name starts with NonAlphanumeric character", "-thisNameStartsWithANonAlphanumeric",
            "metadata.name"),
        new Row("error when name ends with NonAlphanumeric character", "thisNameEndsWithANonAlphanumeric.",
            "metadata.name"),
        new Row("error when name contains invalid NonAlphanumeric character",
            "thisNameContainsInvalid!@NonAlphanumerics", "metadata.name"),
        new Row("should return error on mismatch", fooBar, Map.of("foo", "baz"), "spec.template.metadata.labels"),
        new Row("should return error on missing labels", fooBar, Map.of("", ""), "spec.template.metadata.labels"),
        new Row("should return error if all selectors don't match", Map.of("foo", "bar", "hello", "world"), fooBar,
            "spec.template.metadata.labels"),
        new Row("should not return error on match", fooBar, fooBar, null),
        new Row("should return error for invalid selector", Map.of("-123-foo", "bar"), Map.of("-123-foo", "bar"),
            "spec.selector"),
        new Row("should return error for invalid maxSurge", "", fooBar, fooBar,
            rollingUpdate(GOOD_MAX_UNAVAILABLE_INT, BAD_MAX_SURGE), null, null, ru + "maxSurge"),
        new Row("should return error for invalid maxUnavailable", "", fooBar, fooBar,
            rollingUpdate(BAD_MAX_UNAVAILABLE, GOOD_MAX_SURGE_INT), null, null, ru + "maxUnavailable"),
        new Row("should return error for invalid remediation maxInFlight", "", fooBar, fooBar, null,
            BAD_MAX_IN_FLIGHT, null, "spec.remediation.maxInFlight"),
        new Row("should not return error for valid percentage remediation maxInFlight", "", fooBar, fooBar, null,
            GOOD_MAX_IN_FLIGHT_PERCENTAGE, null, null),
        new Row("should not return error for valid int remediation maxInFlight", "", fooBar, fooBar, null,
            GOOD_MAX_IN_FLIGHT_INT, null, null),
        new Row("should not return error for valid int maxSurge and maxUnavailable", "", fooBar, fooBar,
            rollingUpdate(GOOD_MAX_UNAVAILABLE_INT, GOOD_MAX_SURGE_INT), null, null, null),
        new Row("should not return error for valid percentage string maxSurge and maxUnavailable", "", fooBar, fooBar,
            rollingUpdate(GOOD_MAX_UNAVAILABLE_PERCENTAGE, GOOD_MAX_SURGE_PERCENTAGE), null, null, null),
        new Row("should not return error when MachineNamingSpec have {{ .random }}", "", Map.of(), Map.of(), null, null,
            "{{ .machineSet.name }}-{{ .random }}", null),
        new Row("should return error when MachineNamingSpec does not have {{ .random }}", "", Map.of(), Map.of(), null,
            null, "{{ .machineSet.name }}", "spec.machineNaming.template"),
        new Row("should return error when MachineNamingSpec does not follow DNS1123Subdomain rules", "", Map.of(),
            Map.of(), null, null, "{{ .machineSet.name }}-{{ .random }}-", "spec.machineNaming.template"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validationRows")
  void TestMachineDeploymentValidation(Row row) {
    var spec = MachineDeploymentSpec.builder()
        .selector(selector(row.selectors()))
        .template(template(row.labels(), MachineSpec.builder().bootstrap(dataSecret("data-secret")).build()));
    if (row.strategy() != null) {
      spec.rollout(MachineDeploymentRolloutSpec.builder().strategy(row.strategy()).build());
    }
    if (row.maxInFlight() != null) {
      spec.remediation(MachineDeploymentRemediationSpec.builder().maxInFlight(row.maxInFlight()).build());
    }
    if (row.naming() != null) {
      spec.machineNaming(MachineNamingSpec.of(row.naming()));
    }
    MachineDeployment in = md(meta("", row.mdName()), spec.build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, row.wantField() != null);
    if (row.wantField() != null) {
      assertThat(fields(errs)).contains(row.wantField());
    }
  }

  @Test
  void validationMessages() {
    Map<String, String> fooBar = Map.of("foo", "bar");
    MachineDeployment mismatch = md(meta("", ""), MachineDeploymentSpec.builder().selector(selector(fooBar))
        .template(template(Map.of("foo", "baz"), MachineSpec.builder().bootstrap(dataSecret("x")).build())).build());
    assertThat(texts(webhook.validate(mismatch, create())))
        .containsExactly("spec.template.metadata.labels: Forbidden: must match spec.selector \"foo=bar\"");

    MachineDeployment badSurge = md(meta("", ""), MachineDeploymentSpec.builder()
        .rollout(MachineDeploymentRolloutSpec.builder().strategy(rollingUpdate(GOOD_MAX_UNAVAILABLE_INT, BAD_MAX_SURGE)).build())
        .template(template(dataSecret("x"))).build());
    assertThat(texts(webhook.validate(badSurge, create()))).containsExactly(
        "spec.rollout.strategy.rollingUpdate.maxSurge: Invalid value: \"1\": must be either an int or a percentage:"
            + " invalid value for IntOrString: invalid type: string is not a percentage");

    MachineDeployment bothZero = md(meta("", ""), MachineDeploymentSpec.builder()
        .rollout(MachineDeploymentRolloutSpec.builder().strategy(rollingUpdate(IntOrPercent.of(0), IntOrPercent.of(0))).build())
        .template(template(dataSecret("x"))).build());
    assertThat(texts(webhook.validate(bothZero, create()))).containsExactly(
        "spec.rollout.strategy.rollingUpdate: Invalid value: \"0\": maxUnavailable and maxSurge cannot both be 0");

    MachineDeployment longName = md(meta("", "a".repeat(64)), MachineDeploymentSpec.builder()
        .template(template(dataSecret("x"))).build());
    assertThat(texts(webhook.validate(longName, create()))).containsExactly(
        "metadata.name: Invalid value: \"" + "a".repeat(64) + "\": must be a valid label value: must be no more than 63"
            + " characters");

    MachineDeployment noRandom = md(meta("", ""), MachineDeploymentSpec.builder()
        .machineNaming(MachineNamingSpec.of("{{ .machineSet.name }}")).template(template(dataSecret("x"))).build());
    assertThat(texts(webhook.validate(noRandom, create()))).containsExactly(
        "spec.machineNaming.template: Invalid value: \"{{ .machineSet.name }}\": invalid template, {{ .random }} is missing");
  }

  static Stream<Arguments> versionCases() {
    return Stream.of(
        arguments("should succeed when given a valid semantic version with prepended 'v'", "v1.17.2", List.of()),
        arguments("should return error when given a valid semantic version without 'v'", "1.17.2",
            List.of("must start with v")),
        arguments("should return error when given an invalid semantic version (v1.17.2++)", "v1.17.2++",
            List.of("must be a valid semantic version")),
        arguments("should return error when given an invalid semantic version (v1)", "v1",
            List.of("must be a valid semantic version")),
        arguments("should return error when given an invalid semantic version (wrong_version)", "wrong_version",
            List.of("must start with v", "must be a valid semantic version")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versionCases")
  void TestMachineDeploymentVersionValidation(String name, String version, List<String> wantDetails) {
    MachineDeployment in = withTemplateSpec(MachineSpec.builder().version(version).bootstrap(dataSecret("x")).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, !wantDetails.isEmpty());
    assertThat(errs).allSatisfy(e -> assertThat(e.field()).isEqualTo("spec.template.spec.version"));
    assertThat(errs).extracting(FieldError::detail).containsExactlyElementsOf(wantDetails);
  }

  private static MachineDeployment withClusterName(String clusterName) {
    return md(meta("", ""), MachineDeploymentSpec.builder().clusterName(clusterName)
        .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().clusterName(clusterName)
            .bootstrap(dataSecret("x")).build()).build()).build());
  }

  static Stream<Arguments> clusterNameImmutableCases() {
    return Stream.of(
        arguments("when the cluster name has not changed", "foo", "foo", false),
        arguments("when the cluster name has changed", "foo", "bar", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterNameImmutableCases")
  void TestMachineDeploymentClusterNameImmutable(String name, String oldName, String newName, boolean wantErr) {
    List<FieldError> errs = webhook.validate(withClusterName(newName), update(withClusterName(oldName)));
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.clusterName: Forbidden: field is immutable");
    } else {
      assertThat(errs).isEmpty();
    }
  }

  static Stream<Arguments> clusterNamesEqualCases() {
    return Stream.of(
        arguments("clusterName fields are set to the same value", "foo", "foo", false),
        arguments("clusterName fields are set to different values", "foo", "bar", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterNamesEqualCases")
  void TestMachineDeploymentClusterNamesEqual(String name, String specName, String templateName, boolean wantErr) {
    MachineDeployment in = md(meta("", ""), MachineDeploymentSpec.builder().clusterName(specName)
        .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().clusterName(templateName)
            .bootstrap(dataSecret("x")).build()).build()).build());
    List<FieldError> errs = webhook.validate(in, create());
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.clusterName: Invalid value: \"foo\": spec.clusterName and"
          + " spec.template.spec.clusterName must be set to the same value");
    } else {
      assertThat(errs).isEmpty();
    }
  }

  @Test
  void TestMachineDeploymentTemplateMetadataValidation() {
    // No bootstrap here, so the bootstrap error is expected as well.
    MachineDeployment in = md(meta("", ""), MachineDeploymentSpec.builder()
        .template(MachineTemplateSpec.builder()
            .metadata(TemplateMeta.builder()
                .labels(Map.of("foo", "$invalid-key", "bar", "a".repeat(64) + "too-long-value", "/invalid-key", "foo"))
                .annotations(Map.of("/invalid-key", "foo"))
                .build())
            .build())
        .build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, true);
    assertThat(fields(errs)).containsExactlyInAnyOrder("spec.template.spec.bootstrap",
        "spec.template.metadata.labels", "spec.template.metadata.labels", "spec.template.metadata.labels",
        "spec.template.metadata.annotations");
    assertThat(texts(errs)).contains(
        "spec.template.metadata.labels: Invalid value: \"/invalid-key\": prefix part must be non-empty",
        "spec.template.metadata.labels: Invalid value: \"" + "a".repeat(64) + "too-long-value\": must be no more than 63"
            + " characters",
        "spec.template.metadata.annotations: Invalid value: \"/invalid-key\": prefix part must be non-empty");
  }

  static Stream<Arguments> taintCases() {
    return TaintCases.templateCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taintCases")
  void TestMachineDeploymentTaintValidation(String name, boolean gate, List<MachineTaint> taints, List<String> want) {
    MachineDeployment in = md(meta("default", "md"), MachineDeploymentSpec.builder()
        .template(MachineTemplateSpec.builder().spec(MachineSpec.builder()
            .bootstrap(configRef("bootstrap-template")).taints(taints).build()).build())
        .build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, taintGate(gate), !want.isEmpty());
    assertThat(texts(errs)).containsExactlyElementsOf(want);
  }
}
