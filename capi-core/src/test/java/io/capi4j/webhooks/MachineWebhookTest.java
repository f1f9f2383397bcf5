package io.capi4j.webhooks;

import static io.capi4j.webhooks.WebhookTestSupport.configRef;
import static io.capi4j.webhooks.WebhookTestSupport.create;
import static io.capi4j.webhooks.WebhookTestSupport.dataSecret;
import static io.capi4j.webhooks.WebhookTestSupport.defaultThenValidate;
import static io.capi4j.webhooks.WebhookTestSupport.expectCreateAndUpdate;
import static io.capi4j.webhooks.WebhookTestSupport.meta;
import static io.capi4j.webhooks.WebhookTestSupport.noBootstrap;
import static io.capi4j.webhooks.WebhookTestSupport.taint;
import static io.capi4j.webhooks.WebhookTestSupport.taintGate;
import static io.capi4j.webhooks.WebhookTestSupport.texts;
import static io.capi4j.webhooks.WebhookTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Port of upstream's {@code core/webhooks/admission/machine_test.go}. */
class MachineWebhookTest {
  private final MachineWebhook webhook = new MachineWebhook();

  private static Machine machine(ObjectMeta meta, MachineSpec spec) {
    return Machine.builder().metadata(meta).spec(spec).build();
  }

  @Test
  void TestMachineDefault() {
    Machine in = machine(meta("foobar", ""),
        MachineSpec.builder().bootstrap(configRef("bootstrap1")).version("1.17.5").build());
    Machine out = defaultThenValidate(webhook, in);
    assertThat(out.labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "");
    assertThat(out.spec().version()).isEqualTo("v1.17.5");
    assertThat(out.spec().deletionOrEmpty().nodeDeletionTimeoutSeconds()).contains(10);
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
  void TestMachineBootstrapValidation(String name, Bootstrap bootstrap, boolean wantErr) {
    List<FieldError> errs =
        expectCreateAndUpdate(webhook, machine(meta("", ""), MachineSpec.builder().bootstrap(bootstrap).build()), wantErr);
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.bootstrap: Required value: expected either"
          + " spec.bootstrap.dataSecretName or spec.bootstrap.configRef to be populated");
    }
  }

  static Stream<Arguments> clusterNameImmutableCases() {
    return Stream.of(
        arguments("when the cluster name has not changed", "foo", "foo", false),
        arguments("when the cluster name has changed", "foo", "bar", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterNameImmutableCases")
  void TestMachineClusterNameImmutable(String name, String oldName, String newName, boolean wantErr) {
    Machine oldM = machine(meta("", ""), MachineSpec.builder().clusterName(oldName).bootstrap(configRef("bootstrap1")).build());
    Machine newM = machine(meta("", ""), MachineSpec.builder().clusterName(newName).bootstrap(configRef("bootstrap1")).build());
    List<FieldError> errs = webhook.validate(newM, update(oldM));
    if (wantErr) {
      assertThat(texts(errs)).containsExactly("spec.clusterName: Forbidden: field is immutable");
    } else {
      assertThat(errs).isEmpty();
    }
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
  void TestMachineVersionValidation(String name, String version, List<String> wantDetails) {
    Machine in = machine(meta("", ""), MachineSpec.builder().bootstrap(dataSecret("test")).version(version).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, !wantDetails.isEmpty());
    assertThat(errs).allSatisfy(e -> assertThat(e.field()).isEqualTo("spec.version"));
    assertThat(errs).extracting(FieldError::detail).containsExactlyElementsOf(wantDetails);
  }

  // capi4j cases suggested by the research note (they follow from upstream's code; upstream has no test).

  @Test
  void machinePoolOwnedMachineNeedsNoBootstrap() {
    Machine byLabel = machine(new ObjectMetaBuilder().withLabels(Map.of(Capi.MACHINE_POOL_NAME_LABEL, "mp")).build(),
        MachineSpec.builder().build());
    expectCreateAndUpdate(webhook, byLabel, false);
    Machine byOwner = machine(new ObjectMetaBuilder().withOwnerReferences(new OwnerReferenceBuilder()
        .withApiVersion(Capi.API_VERSION).withKind("MachinePool").withName("mp").withUid("u").build()).build(),
        MachineSpec.builder().build());
    expectCreateAndUpdate(webhook, byOwner, false);
    Machine byOtherOwner = machine(new ObjectMetaBuilder().withOwnerReferences(new OwnerReferenceBuilder()
        .withApiVersion(Capi.API_VERSION).withKind("MachineSet").withName("ms").withUid("u").build()).build(),
        MachineSpec.builder().build());
    expectCreateAndUpdate(webhook, byOtherOwner, true);
  }

  static Stream<Arguments> taintCases() {
    String p = "spec.taints";
    return Stream.of(
        arguments("worker with the control-plane taint, gate on", Map.of(), true,
            "node-role.kubernetes.io/control-plane",
            List.of(p + "[0].key: Invalid value: \"node-role.kubernetes.io/control-plane\": taint is not allowed for"
                + " worker Machines")),
        arguments("control-plane Machine with the control-plane taint, gate on",
            Map.of(Capi.MACHINE_CONTROL_PLANE_LABEL, ""), true, "node-role.kubernetes.io/control-plane", List.of()),
        arguments("control-plane Machine with a reserved key, gate on", Map.of(Capi.MACHINE_CONTROL_PLANE_LABEL, ""),
            true, "node-role.kubernetes.io/master",
            List.of(p + "[0].key: Invalid value: \"node-role.kubernetes.io/master\": taint is deprecated since 1.24 and"
                + " should not be used anymore")),
        arguments("any taint, gate off", Map.of(), false, "example.com/gpu",
            List.of(p + ": Forbidden: taints are not allowed to be set when the feature gate MachineTaintPropagation is"
                + " disabled")),
        arguments("a plain taint, gate on", Map.of(), true, "example.com/gpu", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taintCases")
  void taints(String name, Map<String, String> labels, boolean gate, String key, List<String> want) {
    Machine in = machine(new ObjectMetaBuilder().withLabels(labels).build(),
        MachineSpec.builder().bootstrap(dataSecret("s")).addTaint(taint(key)).build());
    List<FieldError> errs = expectCreateAndUpdate(webhook, in, taintGate(gate), !want.isEmpty());
    assertThat(texts(errs)).containsExactlyElementsOf(want);
  }

  @Test
  void schemaOfTheMachineSpec() {
    Machine in = machine(meta("", "m"), MachineSpec.builder().bootstrap(dataSecret("s")).build());
    assertThat(texts(webhook.checkSchema(in, create()))).containsExactly(
        "spec.clusterName: Required value", "spec.infrastructureRef: Required value");
  }
}
