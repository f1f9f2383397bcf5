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
import static io.capi4j.webhooks.WebhookTestSupport.taintGate;
import static io.capi4j.webhooks.WebhookTestSupport.texts;
import static io.capi4j.webhooks.WebhookTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineNamingSpec;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.DefaultingException;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Port of upstream's {@code core/webhooks/admission/machineset_test.go}. */
class MachineSetWebhookTest {
  private final MachineSetWebhook webhook = new MachineSetWebhook();

  private static MachineSet ms(ObjectMeta meta, MachineSetSpec spec) {
    return MachineSet.builder().metadata(meta).spec(spec).build();
  }

  private static MachineTemplateSpec template(MachineSpec spec) {
    return MachineTemplateSpec.builder().spec(spec).build();
  }

  private static MachineTemplateSpec template(Bootstrap bootstrap) {
    return template(MachineSpec.builder().bootstrap(bootstrap).build());
  }

  @Test
  void TestMachineSetDefault() {
    MachineSet in = ms(meta("", "test-ms"), MachineSetSpec.builder()
        .template(template(MachineSpec.builder().version("1.19.10").bootstrap(dataSecret("data-secret")).build()))
        .build());
    MachineSet out = defaultThenValidate(webhook, in);

    assertThat(out.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "");
    assertThat(out.spec().selector().orElseThrow().getMatchLabels())
        .containsExactly(Map.entry(Capi.MACHINE_SET_NAME_LABEL, "test-ms"));
    assertThat(out.spec().templateOrEmpty().metadataOrEmpty().labels())
        .containsExactly(Map.entry(Capi.MACHINE_SET_NAME_LABEL, "test-ms"));
    assertThat(out.spec().templateOrEmpty().specOrEmpty().version()).isEqualTo("v1.19.10");
    assertThat(out.spec().replicas()).contains(1);
  }

  @Test
  void defaultSetNameIsHashedWhenTheNameIsNotALabelValue() {
    // QUIRK Q3: the MachineSet name is not checked to be a label value; the selector default uses MustFormatValue.
    String name = "machineset-" + "x".repeat(60);
    MachineSet out = defaultThenValidate(webhook, ms(meta("", name), MachineSetSpec.builder()
        .template(template(dataSecret("s"))).build()));
    String hashed = out.spec().selector().orElseThrow().getMatchLabels().get(Capi.MACHINE_SET_NAME_LABEL);
    assertThat(hashed).matches("hash_[A-Za-z0-9_-]{6}_z");
    assertThat(out.spec().templateOrEmpty().metadataOrEmpty().labels()).containsEntry(Capi.MACHINE_SET_NAME_LABEL, hashed);
  }

  @Test
  void defaultingKeepsANonEmptySelector() {
    MachineSet out = webhook.applyDefaults(ms(meta("", "ms"), MachineSetSpec.builder()
        .selector(selector(Map.of("foo", "bar"))).template(template(dataSecret("s"))).build()), create());
    assertThat(out.spec().selector().orElseThrow().getMatchLabels()).containsExactly(Map.entry("foo", "bar"));
    assertThat(out.spec().templateOrEmpty().metadataOrEmpty().labels()).isEmpty();
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
  void TestMachineSetBootstrapValidation(String name, Bootstrap bootstrap, boolean wantErr) {
    List<FieldError> errs = expectCreateAndUpdate(webhook,
        ms(meta("", ""), MachineSetSpec.builder().template(template(bootstrap)).build()), wantErr);
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.template.spec.bootstrap: Required value: expected either"
          + " spec.template.spec.bootstrap.dataSecretName or spec.template.spec.bootstrap.configRef to be populated");
    }
  }

  static Stream<Arguments> replicasCases() {
    MachineSet none = ms(meta("", Map.of()), MachineSetSpec.builder().build());
    MachineSet minMax = ms(meta("", Map.of(MIN, "3", MAX, "7")), MachineSetSpec.builder().build());
    return Stream.of(
        arguments("if new MS has replicas set, keep that value",
            ms(meta("", Map.of()), MachineSetSpec.builder().replicas(5).build()), null, 5),
        arguments("if new MS does not have replicas set and no annotations, use 1", none, null, 1),
        arguments("if new MS only has min size annotation, fallback to 1",
            ms(meta("", Map.of(MIN, "3")), MachineSetSpec.builder().build()), null, 1),
        arguments("if new MS only has max size annotation, fallback to 1",
            ms(meta("", Map.of(MAX, "7")), MachineSetSpec.builder().build()), null, 1),
        arguments("if new MS has min and max size annotation and min size is invalid, fail",
            ms(meta("", Map.of(MIN, "abc", MAX, "7")), MachineSetSpec.builder().build()), null, null),
        arguments("if new MS has min and max size annotation and max size is invalid, fail",
            ms(meta("", Map.of(MIN, "3", MAX, "abc")), MachineSetSpec.builder().build()), null, null),
        arguments("if new MS has min and max size annotation and new MS is a new MS, use min size", minMax, null, 3),
        arguments("if new MS has min and max size annotation and old MS doesn't have replicas set, use min size",
            minMax, none, 3),
        arguments("if new MS has min and max size annotation and old MS replicas is below min size, use min size",
            minMax, ms(meta("", Map.of()), MachineSetSpec.builder().replicas(1).build()), 3),
        arguments("if new MS has min and max size annotation and old MS replicas is above max size, use max size",
            minMax, ms(meta("", Map.of()), MachineSetSpec.builder().replicas(15).build()), 7),
        arguments("if new MS has min and max size annotation and old MS replicas is between min and max size,"
            + " use old MS replicas", minMax, ms(meta("", Map.of()), MachineSetSpec.builder().replicas(4).build()), 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicasCases")
  void TestCalculateMachineSetReplicas(String name, MachineSet newMS, MachineSet oldMS, Integer want) {
    AdmissionContext ctx = oldMS == null ? create() : update(oldMS);
    if (want == null) {
      assertThatThrownBy(() -> webhook.applyDefaults(newMS, ctx))
          .isInstanceOf(DefaultingException.class)
          .hasMessageContaining("failed to caculate MachineSet replicas value: could not parse the value of the")
          .hasMessageContaining("strconv.ParseInt: parsing \"abc\": invalid syntax");
    } else {
      assertThat(webhook.applyDefaults(newMS, ctx).spec().replicas()).contains(want);
    }
  }

  static Stream<Arguments> selectorCases() {
    return Stream.of(
        arguments("should return error on mismatch", Map.of("foo", "bar"), Map.of("foo", "baz"),
            "spec.template.metadata.labels"),
        arguments("should return error on missing labels", Map.of("foo", "bar"), Map.of("", ""),
            "spec.template.metadata.labels"),
        arguments("should return error if all selectors don't match", Map.of("foo", "bar", "hello", "world"),
            Map.of("foo", "bar"), "spec.template.metadata.labels"),
        arguments("should not return error on match", Map.of("foo", "bar"), Map.of("foo", "bar"), null),
        arguments("should return error for invalid selector", Map.of("-123-foo", "bar"), Map.of("-123-foo", "bar"),
            "spec.selector"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectorCases")
  void TestMachineSetLabelSelectorMatchValidation(
      String name, Map<String, String> selectors, Map<String, String> labels, String wantField) {
    MachineSet in = ms(meta("", ""), MachineSetSpec.builder().selector(selector(selectors))
        .template(MachineTemplateSpec.builder().metadata(TemplateMeta.builder().labels(labels).build())
            .spec(MachineSpec.builder().bootstrap(dataSecret("data-secret")).build()).build())
        .build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, wantField != null);
    if (wantField != null) {
      assertThat(fields(errs)).contains(wantField);
    }
  }

  @Test
  void selectorMismatchIsInvalidWithTheLabels() {
    // QUIRK Q2: MachineSet reports Invalid with the template labels, MachineDeployment Forbidden.
    MachineSet in = ms(meta("", ""), MachineSetSpec.builder().selector(selector(Map.of("foo", "bar")))
        .template(MachineTemplateSpec.builder().metadata(TemplateMeta.builder().labels(Map.of("foo", "baz")).build())
            .spec(MachineSpec.builder().bootstrap(dataSecret("s")).build()).build())
        .build());
    assertThat(texts(webhook.validate(in, create()))).containsExactly(
        "spec.template.metadata.labels: Invalid value: map[string]string{\"foo\":\"baz\"}: must match spec.selector"
            + " \"foo=bar\"");
  }

  @Test
  void invalidSelectorMessage() {
    MachineSet in = ms(meta("", ""), MachineSetSpec.builder().selector(selector(Map.of("-123-foo", "bar")))
        .template(template(dataSecret("s"))).build());
    assertThat(texts(webhook.validate(in, create()))).containsExactly(
        "spec.selector: Invalid value: \"-123-foo=bar\": key: Invalid value: \"-123-foo\": name part must consist of"
            + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g."
            + " 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
            + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }

  private static MachineSet withClusterNames(String specName, String templateName) {
    return ms(meta("", ""), MachineSetSpec.builder().clusterName(specName)
        .template(template(MachineSpec.builder().clusterName(templateName).bootstrap(dataSecret("s")).build())).build());
  }

  static Stream<Arguments> clusterNameImmutableCases() {
    return Stream.of(
        arguments("when the cluster name has not changed", "foo", "foo", false),
        arguments("when the cluster name has changed", "foo", "bar", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterNameImmutableCases")
  void TestMachineSetClusterNameImmutable(String name, String oldName, String newName, boolean wantErr) {
    List<FieldError> errs =
        webhook.validate(withClusterNames(newName, newName), update(withClusterNames(oldName, oldName)));
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
  void TestMachineSetClusterNamesEqual(String name, String specName, String templateName, boolean wantErr) {
    List<FieldError> errs = webhook.validate(withClusterNames(specName, templateName), create());
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.clusterName: Invalid value: \"foo\": spec.clusterName and"
          + " spec.template.spec.clusterName must be set to the same value");
    } else {
      assertThat(errs).isEmpty();
    }
  }

  static Stream<Arguments> versionCases() {
    return Stream.of(
        arguments("should succeed when given a valid semantic version with prepended 'v'", "v1.19.2", List.of()),
        arguments("should return error when given a valid semantic version without 'v'", "1.19.2",
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
  void TestMachineSetVersionValidation(String name, String version, List<String> wantDetails) {
    MachineSet in = ms(meta("", ""), MachineSetSpec.builder()
        .template(template(MachineSpec.builder().version(version).bootstrap(dataSecret("s")).build())).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, !wantDetails.isEmpty());
    assertThat(errs).allSatisfy(e -> assertThat(e.field()).isEqualTo("spec.template.spec.version"));
    assertThat(errs).extracting(FieldError::detail).containsExactlyElementsOf(wantDetails);
  }

  static Stream<Arguments> preflightCases() {
    return Stream.of(
        arguments("should pass if the machine set skip preflight checks annotation is not set", null, false),
        arguments("should pass if not preflight checks are skipped", "", false),
        arguments("should pass if only valid preflight checks are skipped (single)", "KubeadmVersionSkew", false),
        arguments("should pass if only valid preflight checks are skipped (multiple)",
            "KubeadmVersionSkew,ControlPlaneIsStable", false),
        arguments("should fail if invalid preflight checks are skipped",
            "KubeadmVersionSkew,invalid-preflight-check-name", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preflightCases")
  void TestValidateSkippedMachineSetPreflightChecks(String name, String annotation, boolean wantErr) {
    Map<String, String> annotations = new HashMap<>();
    if (annotation != null) {
      annotations.put(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, annotation);
    }
    List<FieldError> errs = WebhookRules.validateSkippedPreflightChecks(annotations);
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("metadata.annotations.machineset.cluster.x-k8s.io/skip-preflight-checks:"
          + " Invalid value: []string{\"invalid-preflight-check-name\"}: skipped preflight check(s) must be among:"
          + " [All ControlPlaneIsStable ControlPlaneVersionSkew KubeadmVersionSkew KubernetesVersionSkew]");
    } else {
      assertThat(errs).isEmpty();
    }
  }

  @Test
  void preflightAnnotationIsCheckedOnlyWithTheGate() {
    MachineSet in = ms(meta("", Map.of(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, " All , ,nope")),
        MachineSetSpec.builder().template(template(dataSecret("s"))).build());
    assertThat(texts(webhook.validate(in, create()))).containsExactly(
        "metadata.annotations.machineset.cluster.x-k8s.io/skip-preflight-checks: Invalid value: []string{\"\","
            + " \"nope\"}: skipped preflight check(s) must be among: [All ControlPlaneIsStable ControlPlaneVersionSkew"
            + " KubeadmVersionSkew KubernetesVersionSkew]");
    FeatureGates off = FeatureGates.defaults().with(FeatureGates.MACHINE_SET_PREFLIGHT_CHECKS, false);
    assertThat(webhook.validate(in, create().withFeatureGates(off))).isEmpty();
  }

  @Test
  void TestMachineSetTemplateMetadataValidation() {
    MachineSet in = ms(meta("", ""), MachineSetSpec.builder()
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
  }

  static Stream<Arguments> namingCases() {
    return Stream.of(
        arguments("should not return error when MachineNamingSpec have {{ .random }}",
            "{{ .machineSet.name }}-{{ .random }}", List.of()),
        arguments("should return error when MachineNamingSpec does not have {{ .random }}", "{{ .machineSet.name }}",
            List.of("spec.machineNaming.template: Invalid value: \"{{ .machineSet.name }}\": invalid template,"
                + " {{ .random }} is missing")),
        arguments("should return error when MachineNamingSpec does not follow DNS1123Subdomain rules",
            "{{ .machineSet.name }}-{{ .random }}-",
            List.of("spec.machineNaming.template: Invalid value: \"{{ .machineSet.name }}-{{ .random }}-\": invalid"
                + " template, generated names would not be valid Kubernetes object names: a lowercase RFC 1123"
                + " subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end"
                + " with an alphanumeric character (e.g. 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
        // capi4j extra cases, following upstream's code (QUIRK Q4 and the render error).
        arguments("(capi4j) {{.random}} without spaces fails the literal check only", "{{.machineSet.name}}-{{.random}}",
            List.of("spec.machineNaming.template: Invalid value: \"{{.machineSet.name}}-{{.random}}\": invalid"
                + " template, {{ .random }} is missing")),
        arguments("(capi4j) an unknown key fails rendering", "{{ .cluster.nam }}-{{ .random }}",
            List.of("spec.machineNaming.template: Invalid value: \"{{ .cluster.nam }}-{{ .random }}\": invalid"
                + " template: rendering template: template: template name generator:1:3: executing \"template name"
                + " generator\" at <.cluster.nam>: map has no entry for key \"nam\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namingCases")
  void TestMachineSetMachineNamingValidation(String name, String template, List<String> want) {
    MachineSet in = ms(meta("", ""), MachineSetSpec.builder().machineNaming(MachineNamingSpec.of(template))
        .template(template(dataSecret("data-secret"))).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, !want.isEmpty());
    assertThat(texts(errs)).containsExactlyElementsOf(want);
  }

  static Stream<Arguments> taintCases() {
    return TaintCases.templateCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taintCases")
  void TestMachineSetTaintValidation(String name, boolean gate, List<MachineTaint> taints, List<String> want) {
    MachineSet in = ms(meta("default", "machineset1"), MachineSetSpec.builder()
        .template(template(MachineSpec.builder().bootstrap(configRef("bootstrap-template")).taints(taints).build()))
        .build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, taintGate(gate), !want.isEmpty());
    assertThat(texts(errs)).containsExactlyElementsOf(want);
  }

  @Test
  void taintsAreCheckedBeforeMachineNaming() {
    // MachineSet checks taints before the naming template; MachineDeployment the other way round.
    MachineSpec spec = MachineSpec.builder().bootstrap(dataSecret("s"))
        .taints(List.of(WebhookTestSupport.taint("node-role.kubernetes.io/master"))).build();
    MachineSet in = ms(meta("", ""), MachineSetSpec.builder().machineNaming(MachineNamingSpec.of("x"))
        .template(template(spec)).build());
    assertThat(fields(webhook.validate(in, WebhookTestSupport.create(taintGate(true)))))
        .containsExactly("spec.template.spec.taints[0].key", "spec.machineNaming.template");
  }
}
