package io.capi4j.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.spi.Providers;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  private final Manifests manifests = Manifests.create(Providers.none());

  private static final String MD =
      """
      apiVersion: cluster.x-k8s.io/v1beta2
      kind: MachineDeployment
      metadata:
        name: md
        namespace: default
      spec:
        clusterName: c
        replicas: 3
        template:
          spec:
            clusterName: c
            version: v1.32.0
            bootstrap:
              dataSecretName: s
            infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachineTemplate, name: t}
      """;

  @Nested
  class Reading {
    @Test
    void multiDocumentYamlKeepsOrderAndLocations() throws Exception {
      List<ManifestDocument> docs = manifests.parse("x.yaml", MD + "---\n---\n" + MD.replace("name: md", "name: md2"));
      assertThat(docs).extracting(ManifestDocument::name).containsExactly("md", "md2");
      assertThat(docs).extracting(ManifestDocument::document).containsExactly(1, 3);
      assertThat(docs.get(1).line()).isEqualTo(18);
      assertThat(docs.get(0).lineOf("spec.replicas")).isEqualTo(8);
      assertThat(docs.get(0).lineOf("spec.template.spec.infrastructureRef.kind")).isEqualTo(15);
      assertThat(docs.get(0).lineOf("spec.selector.matchLabels")).isEqualTo(6); // nearest present ancestor: spec
      assertThat(docs.get(0).value()).get().isInstanceOf(MachineDeployment.class);
    }

    @Test
    void jsonObjectsListsAndArrays() throws Exception {
      String list = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
          + "\"metadata\":{\"name\":\"a\"}},{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}]}";
      List<ManifestDocument> docs = manifests.parse("l.json", list);
      assertThat(docs).extracting(ManifestDocument::name).containsExactly("a", "b");
      assertThat(docs).extracting(ManifestDocument::item).containsExactly(1, 2);
      assertThat(docs.get(0).value()).get().isInstanceOf(GenericKubernetesResource.class);
      assertThat(docs.get(1).location()).isEqualTo("l.json: document 1, item 2");
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
      assertThat(manifests.parse("bom.yaml", "\uFEFF" + MD)).hasSize(1);
    }

    @Test
    void wrongTypesAreReportedWithPathsNotGuessed() throws Exception {
      ManifestDocument d = manifests.parse("t.yaml", MD.replace("replicas: 3", "replicas: three")
          .replace("version: v1.32.0", "version: 1.32")).get(0);
      assertThat(d.decodeErrors()).extracting(FieldError::toString).containsExactly(
          "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"",
          "spec.template.spec.version: Invalid value: \"number\": spec.template.spec.version in body must be of type string: \"number\"");
      assertThat(d.lineOf("spec.replicas")).isEqualTo(8);
    }

    @Test
    void fractionsAndQuotedNumbersAreNotCoerced() throws Exception {
      ManifestDocument d = manifests.parse("t.yaml", MD.replace("replicas: 3", "replicas: 2.5")).get(0);
      assertThat(d.decodeErrors()).singleElement().extracting(FieldError::field).isEqualTo("spec.replicas");
      ManifestDocument q = manifests.parse("t.yaml", MD.replace("replicas: 3", "replicas: \"3\"")).get(0);
      assertThat(q.decodeErrors()).singleElement().extracting(FieldError::detail).asString()
          .contains("must be of type integer");
    }

    @Test
    void unknownKindsInOwnedGroupsAreErrorsOthersAreNotValidated() throws Exception {
      List<ManifestDocument> docs = manifests.parse("k.yaml", """
          apiVersion: cluster.x-k8s.io/v1beta2
          kind: MachineDeploymnet
          metadata: {name: a}
          ---
          apiVersion: cluster.x-k8s.io/v1beta1
          kind: MachineDeployment
          metadata: {name: b}
          ---
          apiVersion: example.com/v1
          kind: Widget
          metadata: {name: c}
          ---
          apiVersion: cluster.x-k8s.io/v1beta2
          kind: ClusterClass
          metadata: {name: d}
          """);
      assertThat(docs.get(0).kindStatus()).isInstanceOfSatisfying(ManifestDocument.Invalid.class, i ->
          assertThat(i.error().toString()).isEqualTo(
              "kind: Invalid value: \"MachineDeploymnet\": unknown kind in group cluster.x-k8s.io (did you mean MachineDeployment?)"));
      assertThat(docs.get(1).kindStatus()).isInstanceOfSatisfying(ManifestDocument.Invalid.class, i ->
          assertThat(i.error().toString()).isEqualTo(
              "apiVersion: Unsupported value: \"cluster.x-k8s.io/v1beta1\": supported values: \"cluster.x-k8s.io/v1beta2\""));
      assertThat(docs.get(2).kindStatus()).isEqualTo(new ManifestDocument.NotValidated("no provider for example.com/Widget"));
      assertThat(docs.get(3).kindStatus()).isEqualTo(new ManifestDocument.NotValidated("capi4j does not model cluster.x-k8s.io/ClusterClass"));
    }
  }

  @Nested
  class Failing {
    @Test
    void syntaxErrorsNameFileDocumentAndLine() {
      assertThatThrownBy(() -> manifests.parse("bad.yaml", MD + "---\napiVersion: v1\nkind: X\nmetadata: [a,\n  b: c\n"))
          .isInstanceOfSatisfying(ManifestException.class, e -> {
            assertThat(e.source()).isEqualTo("bad.yaml");
            assertThat(e.document()).isEqualTo(2);
            assertThat(e.line()).isEqualTo(21);
            assertThat(e.getMessage()).startsWith("bad.yaml: document 2, line 21: syntax error: ");
          });
    }

    @Test
    void binaryGarbageAndNonUtf8() {
      assertThatThrownBy(() -> manifests.parse("b.bin", new byte[] {1, 2, 0, 4}))
          .hasMessage("b.bin: binary data (a NUL byte at offset 2), not YAML or JSON");
      assertThatThrownBy(() -> manifests.parse("l.yaml", "kind: \u00e9".getBytes(StandardCharsets.ISO_8859_1)))
          .hasMessage("l.yaml: not UTF-8 text, so not YAML or JSON");
    }

    @Test
    void documentsMustBeObjectsWithKindAndApiVersion() {
      assertThatThrownBy(() -> manifests.parse("s.yaml", "just a string\n"))
          .hasMessage("s.yaml: document 1, line 1: expected a Kubernetes object (a mapping), found string");
      assertThatThrownBy(() -> manifests.parse("k.yaml", "apiVersion: v1\nmetadata: {name: a}\n"))
          .hasMessageContaining("Object 'Kind' is missing");
      assertThatThrownBy(() -> manifests.parse("a.yaml", "kind: Node\n"))
          .hasMessageContaining("Object 'apiVersion' is missing");
    }

    @Test
    void duplicateKeysAreRejected() {
      assertThatThrownBy(() -> manifests.parse("d.yaml", "apiVersion: v1\nkind: Node\nkind: Pod\n"))
          .hasMessage("d.yaml: document 1, line 3: duplicate key \"kind\" in the object");
    }

    @Test
    void missingFile() {
      assertThatThrownBy(() -> manifests.read(java.nio.file.Path.of("/nonexistent/x.yaml")))
          .hasMessage("/nonexistent/x.yaml: no such file");
    }
  }

  @Nested
  class Writing {
    @Test
    void roundTripKeepsUnknownFieldsAndDropsNothing() throws Exception {
      String withUnknown = MD.replace("  replicas: 3", "  replicas: 3\n  futureField: {a: [1, 2]}")
          .replace("      version: v1.32.0", "      version: v1.32.0\n      somethingNew: null");
      ManifestDocument d = manifests.parse("u.yaml", withUnknown).get(0);
      String yaml = manifests.toYaml(d.value().orElseThrow());
      ManifestDocument again = manifests.parse("u2.yaml", yaml).get(0);
      assertThat(again.raw()).isEqualTo(d.raw());
      assertThat(yaml).contains("futureField:").contains("somethingNew: null");
    }
  }
}
