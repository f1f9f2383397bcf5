package io.capi4j.webhooks;

import static io.capi4j.webhooks.WebhookTestSupport.create;
import static io.capi4j.webhooks.WebhookTestSupport.meta;
import static io.capi4j.webhooks.WebhookTestSupport.selector;
import static io.capi4j.webhooks.WebhookTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRemediationSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediation;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTemplateReference;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTriggerIf;
import io.capi4j.api.core.v1beta2.MachineHealthCheckSpec;
import io.capi4j.api.core.v1beta2.MachineNamingSpec;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.UnhealthyCondition;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CRD schema rules of the worker kinds (the markers of {@code api/core/v1beta2/*_types.go}). */
class SchemaRulesTest {

  private static final ContractVersionedObjectReference INFRA =
      ContractVersionedObjectReference.of("infrastructure.cluster.x-k8s.io", "DockerMachineTemplate", "workers");

  private static MachineTemplateSpec validTemplate() {
    return MachineTemplateSpec.builder().spec(MachineSpec.builder().clusterName("c").infrastructureRef(INFRA).build()).build();
  }

  private static MachineHealthCheck mhc(MachineHealthCheckChecks checks, MachineHealthCheckRemediation remediation) {
    return MachineHealthCheck.builder().metadata(meta("default", "mhc"))
        .spec(MachineHealthCheckSpec.builder().clusterName("c").selector(selector(Map.of("a", "b")))
            .checks(checks).remediation(remediation).build())
        .build();
  }

  private static List<String> mhcSchema(MachineHealthCheckChecks checks, MachineHealthCheckRemediation remediation) {
    return texts(new MachineHealthCheckWebhook().checkSchema(mhc(checks, remediation), create()));
  }

  private static MachineHealthCheckRemediation range(String range) {
    return MachineHealthCheckRemediation.builder()
        .triggerIf(MachineHealthCheckRemediationTriggerIf.builder().unhealthyInRange(range).build()).build();
  }

  static Stream<Arguments> unhealthyInRangeCases() {
    String p = "spec.remediation.triggerIf.unhealthyInRange";
    String pattern = " in body should match '^\\[[0-9]+-[0-9]+\\]$'";
    return Stream.of(
        arguments("[1-3]", List.of()),
        arguments("[10-20]", List.of()),
        arguments("1-3", List.of(p + ": Invalid value: \"1-3\": " + p + pattern)),
        arguments("[1-3", List.of(p + ": Invalid value: \"[1-3\": " + p + pattern)),
        arguments("[a-3]", List.of(p + ": Invalid value: \"[a-3]\": " + p + pattern)),
        arguments("[-1-3]", List.of(p + ": Invalid value: \"[-1-3]\": " + p + pattern)),
        // Go's $ matches only at the end of the text, not before a final line break.
        arguments("[1-3]\n", List.of(p + ": Invalid value: \"[1-3]\\n\": " + p + pattern)),
        arguments("[" + "1".repeat(15) + "-" + "2".repeat(15) + "]", List.of(p + ": Too long: may not be more than 32 bytes")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unhealthyInRangeCases")
  void unhealthyInRangePatternAndLength(String value, List<String> want) {
    assertThat(mhcSchema(null, range(value))).containsExactlyElementsOf(want);
  }

  @Test
  void mhcConditions() {
    MachineHealthCheckChecks checks = MachineHealthCheckChecks.builder()
        .addUnhealthyNodeCondition(UnhealthyCondition.of("Ready", "Maybe", 300))
        .addUnhealthyNodeCondition(UnhealthyCondition.builder().type("").status("").build())
        .addUnhealthyMachineCondition(UnhealthyCondition.of("example.com/Custom", "False", 0))
        .addUnhealthyMachineCondition(UnhealthyCondition.of("bad type", "Maybe", -1))
        .build();
    String n = "spec.checks.unhealthyNodeConditions[1]";
    String m = "spec.checks.unhealthyMachineConditions[1]";
    assertThat(mhcSchema(checks, null)).containsExactly(
        n + ".type: Required value",
        n + ".status: Required value",
        n + ".timeoutSeconds: Required value",
        m + ".type: Invalid value: \"bad type\": " + m + ".type in body should match '" + Schema.CONDITION_TYPE + "'",
        m + ".status: Unsupported value: \"Maybe\": supported values: \"True\", \"False\", \"Unknown\"",
        m + ".timeoutSeconds: Invalid value: -1: " + m + ".timeoutSeconds in body should be greater than or equal to 0");
  }

  @Test
  void mhcListSizesAndMinimums() {
    MachineHealthCheckChecks checks = MachineHealthCheckChecks.builder()
        .nodeStartupTimeoutSeconds(-1)
        .unhealthyNodeConditions(Collections.nCopies(101, UnhealthyCondition.of("Ready", "False", 1)))
        .build();
    assertThat(mhcSchema(checks, null)).containsExactly(
        "spec.checks.nodeStartupTimeoutSeconds: Invalid value: -1: spec.checks.nodeStartupTimeoutSeconds in body"
            + " should be greater than or equal to 0",
        "spec.checks.unhealthyNodeConditions: Too many: 101: must have at most 100 items");
  }

  @Test
  void mhcMinProperties() {
    assertThat(mhcSchema(MachineHealthCheckChecks.builder().build(),
        MachineHealthCheckRemediation.builder().triggerIf(MachineHealthCheckRemediationTriggerIf.builder().build()).build()))
        .containsExactly(
            "spec.checks: Invalid value: 0: spec.checks in body should have at least 1 properties",
            "spec.remediation.triggerIf: Invalid value: 0: spec.remediation.triggerIf in body should have at least 1"
                + " properties");
    assertThat(mhcSchema(null, MachineHealthCheckRemediation.builder().build()))
        .containsExactly("spec.remediation: Invalid value: 0: spec.remediation in body should have at least 1 properties");
  }

  @Test
  void mhcTemplateRef() {
    MachineHealthCheckRemediation ok = MachineHealthCheckRemediation.builder().templateRef(
        MachineHealthCheckRemediationTemplateReference.of("infrastructure.cluster.x-k8s.io/v1beta2",
            "DockerRemediationTemplate", "remediate")).build();
    assertThat(mhcSchema(null, ok)).isEmpty();
    MachineHealthCheckRemediation bad = MachineHealthCheckRemediation.builder().templateRef(
        MachineHealthCheckRemediationTemplateReference.of("v1", "", "Bad_Name")).build();
    String p = "spec.remediation.templateRef";
    assertThat(mhcSchema(null, bad)).containsExactly(
        p + ".kind: Required value",
        p + ".name: Invalid value: \"Bad_Name\": " + p + ".name in body should match '" + Schema.DNS1123_SUBDOMAIN + "'",
        p + ".apiVersion: Invalid value: \"v1\": " + p + ".apiVersion in body should match '"
            + MachineHealthCheckWebhook.TEMPLATE_API_VERSION_PATTERN + "'");
  }

  @Test
  void mhcRequired() {
    MachineHealthCheck empty = MachineHealthCheck.builder().build();
    assertThat(texts(new MachineHealthCheckWebhook().checkSchema(empty, create())))
        .containsExactly("spec.clusterName: Required value", "spec.selector: Required value");
  }

  @Test
  void machineDeploymentObjects() {
    MachineDeployment md = MachineDeployment.builder().spec(MachineDeploymentSpec.builder().clusterName("c")
        .selector(selector(Map.of())).template(validTemplate())
        .machineNaming(MachineNamingSpec.of(""))
        .remediation(MachineDeploymentRemediationSpec.builder().build())
        .deletion(MachineDeploymentDeletionSpec.of("Largest"))
        .build()).build();
    assertThat(texts(new MachineDeploymentWebhook().checkSchema(md, create()))).containsExactly(
        "spec.machineNaming: Invalid value: 0: spec.machineNaming in body should have at least 1 properties",
        "spec.remediation: Invalid value: 0: spec.remediation in body should have at least 1 properties",
        "spec.deletion.order: Unsupported value: \"Largest\": supported values: \"Random\", \"Newest\", \"Oldest\"");
  }

  @Test
  void machineSet() {
    MachineSet ms = MachineSet.builder().spec(MachineSetSpec.builder().clusterName("c".repeat(64))
        .template(validTemplate())
        .machineNaming(MachineNamingSpec.of("x".repeat(257)))
        .deletion(MachineSetDeletionSpec.of(""))
        .build()).build();
    assertThat(texts(new MachineSetWebhook().checkSchema(ms, create()))).containsExactly(
        "spec.clusterName: Too long: may not be more than 63 bytes",
        "spec.selector: Required value",
        "spec.machineNaming.template: Too long: may not be more than 256 bytes",
        "spec.deletion: Invalid value: 0: spec.deletion in body should have at least 1 properties");
  }

  @Test
  void machinePool() {
    MachinePool mp = MachinePool.builder().spec(MachinePoolSpec.builder().clusterName("c")
        .template(validTemplate())
        .providerIDList(List.of("aws:///i-1", ""))
        .failureDomains(Collections.nCopies(101, "z"))
        .build()).build();
    assertThat(texts(new MachinePoolWebhook().checkSchema(mp, create()))).containsExactly(
        "spec.providerIDList[1]: Invalid value: \"\": spec.providerIDList[1] in body should be at least 1 chars long",
        "spec.failureDomains: Too many: 101: must have at most 100 items");
    MachinePool noTemplate = MachinePool.builder().spec(MachinePoolSpec.builder().clusterName("c").build()).build();
    assertThat(texts(new MachinePoolWebhook().checkSchema(noTemplate, create())))
        .containsExactly("spec.template: Required value");
  }

  static Stream<Arguments> taintKeyCases() {
    String cel = "key must be a valid qualified name of max size 63 characters with an optional subdomain prefix of max"
        + " size 253 characters";
    return Stream.of(
        arguments("example.com/gpu", List.of()),
        arguments("gpu", List.of()),
        arguments("example.com/" + "n".repeat(64), List.of("spec.taints[0].key: Invalid value: \"string\": " + cel)),
        arguments("n".repeat(64), List.of("spec.taints[0].key: Invalid value: \"string\": " + cel)),
        arguments("a".repeat(254) + "/n", List.of("spec.taints[0].key: Invalid value: \"string\": " + cel)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taintKeyCases")
  void taintKeyCelRule(String key, List<String> want) {
    MachineSpec spec = MachineSpec.builder().clusterName("c").infrastructureRef(INFRA)
        .addTaint(MachineTaint.builder().key(key).effect("NoSchedule").propagation("Always").build()).build();
    assertThat(texts(MachineSpecRules.checkSchema(spec, io.capi4j.validation.FieldPath.of("spec"))))
        .containsExactlyElementsOf(want);
  }

  @Test
  void machineDeletionNeedsAProperty() {
    MachineSpec spec = MachineSpec.builder().clusterName("c").infrastructureRef(INFRA)
        .deletion(MachineDeletionSpec.builder().build()).build();
    assertThat(texts(MachineSpecRules.checkSchema(spec, io.capi4j.validation.FieldPath.of("spec"))))
        .containsExactly("spec.deletion: Invalid value: 0: spec.deletion in body should have at least 1 properties");
  }
}
