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
import static io.capi4j.webhooks.WebhookTestSupport.taintGate;
import static io.capi4j.webhooks.WebhookTestSupport.texts;
import static io.capi4j.webhooks.WebhookTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.DefaultingException;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Port of upstream's {@code core/webhooks/admission/machinepool_test.go} (the MachinePool gate is on by default). */
class MachinePoolWebhookTest {
  private final MachinePoolWebhook webhook = new MachinePoolWebhook();

  private static MachinePool mp(ObjectMeta meta, MachinePoolSpec spec) {
    return MachinePool.builder().metadata(meta).spec(spec).build();
  }

  private static MachineTemplateSpec template(MachineSpec spec) {
    return MachineTemplateSpec.builder().spec(spec).build();
  }

  private static MachineTemplateSpec template(Bootstrap bootstrap) {
    return template(MachineSpec.builder().bootstrap(bootstrap).build());
  }

  @Test
  void TestMachinePoolDefault() {
    MachinePool in = mp(meta("foobar", ""), MachinePoolSpec.builder()
        .template(template(MachineSpec.builder().bootstrap(configRef("bootstrap")).version("1.20.0").build())).build());
    MachinePool out = defaultThenValidate(webhook, in);

    assertThat(out.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "");
    assertThat(out.spec().replicas()).contains(1);
    MachineSpec spec = out.spec().templateOrEmpty().specOrEmpty();
    assertThat(spec.version()).isEqualTo("v1.20.0");
    assertThat(spec.deletionOrEmpty().nodeDeletionTimeoutSeconds()).contains(10);
  }

  @Test
  void defaultingKeepsASetNodeDeletionTimeout() {
    MachinePool in = mp(meta("", "mp"), MachinePoolSpec.builder().template(template(MachineSpec.builder()
        .bootstrap(configRef("b")).deletion(MachineDeletionSpec.builder().nodeDeletionTimeoutSeconds(0).build())
        .build())).build());
    assertThat(webhook.applyDefaults(in, create()).spec().templateOrEmpty().specOrEmpty().deletionOrEmpty()
        .nodeDeletionTimeoutSeconds()).contains(0);
  }

  static Stream<Arguments> replicasCases() {
    MachinePool none = mp(meta("", Map.of()), MachinePoolSpec.builder().build());
    MachinePool minMax = mp(meta("", Map.of(MIN, "3", MAX, "7")), MachinePoolSpec.builder().build());
    return Stream.of(
        arguments("if new MP has replicas set, keep that value",
            mp(meta("", Map.of()), MachinePoolSpec.builder().replicas(5).build()), null, 5),
        arguments("if new MP does not have replicas set and no annotations, use 1", none, null, 1),
        arguments("if new MP only has min size annotation, fallback to 1",
            mp(meta("", Map.of(MIN, "3")), MachinePoolSpec.builder().build()), null, 1),
        arguments("if new MP only has max size annotation, fallback to 1",
            mp(meta("", Map.of(MAX, "7")), MachinePoolSpec.builder().build()), null, 1),
        arguments("if new MP has min and max size annotation and min size is invalid, fail",
            mp(meta("", Map.of(MIN, "abc", MAX, "7")), MachinePoolSpec.builder().build()), null, null),
        arguments("if new MP has min and max size annotation and max size is invalid, fail",
            mp(meta("", Map.of(MIN, "3", MAX, "abc")), MachinePoolSpec.builder().build()), null, null),
        arguments("if new MP has min and max size annotation and new MP is a new MP, use min size", minMax, null, 3),
        arguments("if new MP has min and max size annotation and old MP doesn't have replicas set, use min size",
            minMax, none, 3),
        arguments("if new MP has min and max size annotation and old MP replicas is below min size, use min size",
            minMax, mp(meta("", Map.of()), MachinePoolSpec.builder().replicas(1).build()), 3),
        arguments("if new MP has min and max size annotation and old MP replicas is above max size, use max size",
            minMax, mp(meta("", Map.of()), MachinePoolSpec.builder().replicas(15).build()), 7),
        arguments("if new MP has min and max size annotation and old MP replicas is between min and max size,"
            + " use old MP replicas", minMax, mp(meta("", Map.of()), MachinePoolSpec.builder().replicas(4).build()), 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicasCases")
  void TestCalculateMachinePoolReplicas(String name, MachinePool newMP, MachinePool oldMP, Integer want) {
    AdmissionContext ctx = oldMP == null ? create() : update(oldMP);
    if (want == null) {
      assertThatThrownBy(() -> webhook.applyDefaults(newMP, ctx))
          .isInstanceOf(DefaultingException.class)
          .hasMessageContaining("failed to caculate MachinePool replicas value: could not parse the value of the")
          .hasMessageContaining("strconv.ParseInt: parsing \"abc\": invalid syntax");
    } else {
      assertThat(webhook.applyDefaults(newMP, ctx).spec().replicas()).contains(want);
    }
  }

  static Stream<Arguments> bootstrapCases() {
    return Stream.of(
        arguments("should return error if configref and data are nil", noBootstrap(), true),
        arguments("should not return error if dataSecretName is set", dataSecret("test"), false),
        arguments("should not return error if config ref is set", configRef("bootstrap1"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bootstrapCases")
  void TestMachinePoolBootstrapValidation(String name, Bootstrap bootstrap, boolean wantErr) {
    List<FieldError> errs =
        expectCreateAndUpdate(webhook, mp(meta("", ""), MachinePoolSpec.builder().template(template(bootstrap)).build()), wantErr);
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.template.spec.bootstrap: Required value: expected either"
          + " spec.template.spec.bootstrap.dataSecretName or spec.template.spec.bootstrap.configRef to be populated");
    }
  }

  private static MachinePool withClusterNames(String specName, String templateName, Bootstrap bootstrap) {
    return mp(meta("", ""), MachinePoolSpec.builder().clusterName(specName)
        .template(template(MachineSpec.builder().clusterName(templateName).bootstrap(bootstrap).build())).build());
  }

  static Stream<Arguments> clusterNameImmutableCases() {
    return Stream.of(
        arguments("when the cluster name has not changed", "foo", "foo", false),
        arguments("when the cluster name has changed", "foo", "bar", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterNameImmutableCases")
  void TestMachinePoolClusterNameImmutable(String name, String oldName, String newName, boolean wantErr) {
    List<FieldError> errs = webhook.validate(withClusterNames(newName, newName, configRef("bootstrap")),
        update(withClusterNames(oldName, oldName, configRef("bootstrap"))));
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
  void TestMachinePoolClusterNamesEqual(String name, String specName, String templateName, boolean wantErr) {
    List<FieldError> errs = webhook.validate(withClusterNames(specName, templateName, dataSecret("data-secret")), create());
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.clusterName: Invalid value: \"foo\": spec.clusterName and"
          + " spec.template.spec.clusterName must be set to the same value");
    } else {
      assertThat(errs).isEmpty();
    }
  }

  static Stream<Arguments> versionCases() {
    return Stream.of(
        arguments("should succeed version is a valid kube semver", "v1.23.3", List.of()),
        arguments("should succeed version is a valid pre-release", "v1.19.0-alpha.1", List.of()),
        arguments("should return error when given an invalid semantic version (v1.17.2++)", "v1.17.2++",
            List.of("must be a valid semantic version")),
        arguments("should return error when given an invalid semantic version (v1)", "v1",
            List.of("must be a valid semantic version")),
        arguments("should fail if version is missing a v prefix", "1.20.0", List.of("must start with v")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versionCases")
  void TestMachinePoolVersionValidation(String name, String version, List<String> wantDetails) {
    MachinePool in = mp(meta("", ""), MachinePoolSpec.builder()
        .template(template(MachineSpec.builder().bootstrap(configRef("bootstrap")).version(version).build())).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, !wantDetails.isEmpty());
    assertThat(errs).allSatisfy(e -> assertThat(e.field()).isEqualTo("spec.template.spec.version"));
    assertThat(errs).extracting(FieldError::detail).containsExactlyElementsOf(wantDetails);
  }

  @Test
  void TestMachinePoolMetadataValidation() {
    MachinePool in = mp(meta("", ""), MachinePoolSpec.builder()
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

  // capi4j cases that follow from upstream's code (upstream has no test for them).

  @Test
  void featureGateOffFailsFastWithOneError() {
    // QUIRK Q7: only the gate error, even though the bootstrap is missing.
    MachinePool in = mp(meta("", ""), MachinePoolSpec.builder().template(template(noBootstrap())).build());
    FeatureGates off = FeatureGates.defaults().with(FeatureGates.MACHINE_POOL, false);
    assertThat(texts(webhook.validate(in, create().withFeatureGates(off))))
        .containsExactly("spec: Forbidden: can be set only if the MachinePool feature flag is enabled");
    assertThat(texts(webhook.validate(in, update(in).withFeatureGates(off))))
        .containsExactly("spec: Forbidden: can be set only if the MachinePool feature flag is enabled");
  }

  static Stream<Arguments> taintCases() {
    String notYet = "spec.taints: Forbidden: taints feature for MachinePools is not yet implemented";
    String gateOff = "spec.taints: Forbidden: taints are not allowed to be set when the feature gate"
        + " MachineTaintPropagation is disabled";
    return Stream.of(
        arguments("no taints, gate off", false, List.of(), List.of()),
        arguments("no taints, gate on", true, List.of(), List.of()),
        arguments("a taint, gate on: not yet implemented", true, List.of("example.com/gpu"), List.of(notYet)),
        arguments("a taint, gate off: not yet implemented and gate", false, List.of("example.com/gpu"),
            List.of(notYet, gateOff)),
        arguments("reserved keys are not checked", true,
            List.of("node.cluster.x-k8s.io/uninitialized", "node-role.kubernetes.io/control-plane"), List.of(notYet)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taintCases")
  void taintsUseThePathSpecTaints(String name, boolean gate, List<String> keys, List<String> want) {
    // QUIRK Q6: the path is spec.taints, not spec.template.spec.taints.
    MachinePool in = mp(meta("", ""), MachinePoolSpec.builder().template(template(MachineSpec.builder()
        .bootstrap(configRef("b")).taints(keys.stream().map(WebhookTestSupport::taint).toList()).build())).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, taintGate(gate), !want.isEmpty());
    assertThat(texts(errs)).containsExactlyElementsOf(want);
  }
}
