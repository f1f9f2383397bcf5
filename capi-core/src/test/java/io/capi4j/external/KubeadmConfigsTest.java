package io.capi4j.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.File;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.JoinConfiguration;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.NodeRegistrationOptions;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.manifest.Manifests;
import io.capi4j.spi.Providers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class KubeadmConfigsTest {
  static final OwnerReference MS_OWNER = new OwnerReferenceBuilder()
      .withApiVersion("cluster.x-k8s.io/v1beta2").withKind("MachineSet").withName("md-1-xyz").withUid("ms-uid").build();

  static final KubeadmConfigSpec SPEC = KubeadmConfigSpec.builder()
      .joinConfiguration(JoinConfiguration.builder().nodeRegistration(
          NodeRegistrationOptions.builder().name("{{ ds.meta_data.local_hostname }}").build()).build())
      .addFile(File.builder().path("/etc/a").content("a").build())
      .build();

  static KubeadmConfigTemplate template() {
    return KubeadmConfigTemplate.builder()
        .metadata(new ObjectMetaBuilder().withName("md-1-bootstrap").withNamespace("ns").withUid("t-uid")
            .withResourceVersion("42").build())
        .spec(KubeadmConfigTemplateSpec.of(KubeadmConfigTemplateResource.builder()
            .metadata(TemplateMeta.builder()
                .putLabel("from-template", "t").putLabel("shared", "template")
                .putLabel("cluster.x-k8s.io/cluster-name", "wrong")
                .putAnnotation("note", "t").putAnnotation("cluster.x-k8s.io/cloned-from-name", "wrong")
                .build())
            .spec(SPEC)
            .putUnknownField("extra", JsonNodeFactory.instance.stringNode("kept"))
            .build()))
        .build();
  }

  static GenerateTemplateRequest request() {
    return GenerateTemplateRequest.builder()
        .name("md-1-abcde")
        .namespace("ns")
        .clusterName("c1")
        .labels(Map.of("cluster.x-k8s.io/set-name", "md-1-xyz", "cluster.x-k8s.io/deployment-name", "md-1",
            "shared", "machine"))
        .annotations(Map.of("machine-note", "m"))
        .ownerRef(MS_OWNER)
        .build();
  }

  @Test
  void fromTemplate() {
    KubeadmConfigTemplate t = template();
    KubeadmConfigTemplate before = KubeadmConfigTemplate.builder().from(t)
        .metadata(new ObjectMetaBuilder(t.metadata()).build()).build();
    KubeadmConfig c = KubeadmConfigs.fromTemplate(t, request());

    assertThat(c.apiVersion()).isEqualTo("bootstrap.cluster.x-k8s.io/v1beta2");
    assertThat(c.kind()).isEqualTo("KubeadmConfig");
    assertThat(c.name()).isEqualTo("md-1-abcde");
    assertThat(c.namespace()).isEqualTo("ns");
    assertThat(c.metadata().getUid()).isNull();
    assertThat(c.metadata().getResourceVersion()).isNull();
    assertThat(c.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "from-template", "t",
        "shared", "machine",
        "cluster.x-k8s.io/set-name", "md-1-xyz",
        "cluster.x-k8s.io/deployment-name", "md-1",
        "cluster.x-k8s.io/cluster-name", "c1"));
    assertThat(c.annotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "note", "t",
        "machine-note", "m",
        "cluster.x-k8s.io/cloned-from-name", "md-1-bootstrap",
        "cluster.x-k8s.io/cloned-from-groupkind", "KubeadmConfigTemplate.bootstrap.cluster.x-k8s.io"));
    assertThat(c.metadata().getOwnerReferences()).containsExactly(MS_OWNER);
    assertThat(c.metadata().getOwnerReferences().get(0)).isNotSameAs(MS_OWNER);
    assertThat(c.spec()).contains(SPEC);
    assertThat(c.unknownFields()).containsOnlyKeys("extra");
    assertThat(c.status()).isEmpty();
    // The template is not changed.
    assertThat(t).isEqualTo(before);
  }

  /** The typed clone agrees with the generic GenerateTemplate on the same input. */
  @Test
  void fromTemplateAgreesWithTheGenericClone() {
    Manifests manifests = Manifests.create(Providers.none());
    KubeadmConfigTemplate t = template();
    GenericKubernetesResource generic = manifests.decode(manifests.toTree(t), GenericKubernetesResource.class)
        .value().orElseThrow();
    JsonNode expected = manifests.toTree(ExternalTemplates.generate(generic, request()));
    JsonNode actual = manifests.toTree(KubeadmConfigs.fromTemplate(t, request()));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void fromTemplateWithoutNameOwnerOrSpec() {
    KubeadmConfigTemplate t = KubeadmConfigTemplate.builder()
        .metadata(new ObjectMetaBuilder().withName("tmpl").withNamespace("ns").build()).build();
    KubeadmConfig c = KubeadmConfigs.fromTemplate(t, GenerateTemplateRequest.builder()
        .name("").namespace("ns").clusterName("c1").build());
    assertThat(c.metadata().getName()).isNull();
    assertThat(c.metadata().getGenerateName()).isEqualTo("tmpl-");
    assertThat(c.metadata().getOwnerReferences()).isEmpty();
    assertThat(c.labels()).containsExactly(Map.entry("cluster.x-k8s.io/cluster-name", "c1"));
    assertThat(c.spec()).isEmpty();
  }

  @Test
  void bootstrapSecret() {
    KubeadmConfig c = KubeadmConfigs.fromTemplate(template(), request());
    c = c.withMetadata(new ObjectMetaBuilder(c.metadata()).withUid("cfg-uid").build());
    byte[] data = "#cloud-config\nruncmd: []\n".getBytes(StandardCharsets.UTF_8);
    Secret s = KubeadmConfigs.bootstrapSecret(c, "c1", data);

    assertThat(s.getMetadata().getName()).isEqualTo("md-1-abcde");
    assertThat(s.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(s.getType()).isEqualTo("cluster.x-k8s.io/secret");
    assertThat(s.getMetadata().getLabels()).containsExactly(Map.entry("cluster.x-k8s.io/cluster-name", "c1"));
    assertThat(s.getMetadata().getOwnerReferences()).containsExactly(new OwnerReferenceBuilder()
        .withApiVersion("bootstrap.cluster.x-k8s.io/v1beta2").withKind("KubeadmConfig").withName("md-1-abcde")
        .withUid("cfg-uid").withController(true).build());
    assertThat(s.getMetadata().getOwnerReferences().get(0).getBlockOwnerDeletion()).isNull();
    assertThat(s.getData()).containsOnlyKeys("value", "format");
    assertThat(Base64.getDecoder().decode(s.getData().get("value"))).isEqualTo(data);
    assertThat(decode(s, "format")).isEqualTo("cloud-config");
  }

  @Test
  void bootstrapSecretFormat() {
    KubeadmConfig ignition = KubeadmConfig.builder()
        .metadata(new ObjectMetaBuilder().withName("n").withNamespace("ns").build())
        .spec(KubeadmConfigSpec.builder().format("ignition").build())
        .build();
    assertThat(decode(KubeadmConfigs.bootstrapSecret(ignition, "c", new byte[] {'{', '}'}), "format")).isEqualTo("ignition");
    KubeadmConfig noSpec = KubeadmConfig.builder()
        .metadata(new ObjectMetaBuilder().withName("n").withNamespace("ns").build()).build();
    assertThat(decode(KubeadmConfigs.bootstrapSecret(noSpec, "c", new byte[0]), "format")).isEqualTo("cloud-config");
    assertThat(KubeadmConfigs.bootstrapSecret(noSpec, "c", new byte[0]).getData().get("value")).isEmpty();
  }

  static String decode(Secret s, String key) {
    return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
  }
}
