package io.capi4j.providers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.Manifests;
import io.capi4j.providers.docker.api.v1beta2.DevMachine;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePool;
import io.capi4j.providers.docker.api.v1beta2.Docker;
import io.capi4j.providers.docker.api.v1beta2.DockerMachine;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineTemplate;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineTemplateResource;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineTemplateSpec;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineSpec;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's descriptor, kinds, webhooks, template cloning and images. */
class DockerProviderTest {
  final DockerProvider provider = new DockerProvider();
  final Providers providers = Providers.of(List.of(provider));

  @Test
  void descriptorListsBothPoolKindsWithMachinePoolMachines() {
    ProviderDescriptor d = provider.descriptor();
    assertThat(d.machinePoolSupport()).isEqualTo(ProviderDescriptor.MachinePoolSupport.YES);
    assertThat(d.poolKind("DockerMachinePool").orElseThrow().machineKind()).contains("DockerMachine");
    assertThat(d.poolKind("DevMachinePool").orElseThrow().machineKind()).contains("DevMachine");
    assertThat(provider.poolPlanner("DockerMachinePool")).get().isInstanceOf(DockerMachinePoolPlanner.class);
    assertThat(provider.poolPlanner("DevMachinePool")).get().isInstanceOf(DevMachinePoolPlanner.class);
    assertThat(provider.poolPlanner("DockerMachine")).isEmpty();
    assertThat(Providers.load().byName("docker")).isPresent();
  }

  @Test
  void manifestsOfEveryKindDecodeAndAdmit() throws Exception {
    String yaml = """
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: DockerMachineTemplate
        metadata: {name: workers, namespace: default}
        spec:
          template:
            metadata: {labels: {tier: workers}}
            spec:
              customImage: kindest/node:v1.33.0
              extraMounts: [{containerPath: /var/run/docker.sock, hostPath: /var/run/docker.sock}]
        ---
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: DockerMachinePool
        metadata: {name: pool, namespace: default}
        spec:
          template: {customImage: kindest/node:v1.33.0, preLoadImages: [busybox]}
        status: {ready: true, replicas: 2, infrastructureMachineKind: DockerMachine}
        ---
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: DevMachinePool
        metadata: {name: devpool, namespace: default}
        spec:
          backend: {docker: {customImage: kindest/node:v1.33.0}}
          someFutureField: kept
        ---
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: DockerMachine
        metadata: {name: m, namespace: default}
        spec: {providerID: "docker:////dev-m", bootstrapTimeout: 5m}
        status: {initialization: {provisioned: true}}
        ---
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: DevMachine
        metadata: {name: d, namespace: default}
        spec: {backend: {docker: {}}}
        """;
    Manifests manifests = Manifests.create(providers);
    List<ManifestDocument> docs = manifests.parse("test.yaml", yaml);
    List<AdmissionResult> results = Admission.create(providers).admit(docs);
    assertThat(results).extracting(AdmissionResult::outcome).containsExactly(AdmissionResult.Outcome.VALID,
        AdmissionResult.Outcome.VALID, AdmissionResult.Outcome.VALID, AdmissionResult.Outcome.VALID,
        AdmissionResult.Outcome.NOT_VALIDATED);
    DockerMachinePool pool = results.get(1).object(DockerMachinePool.class).orElseThrow();
    assertThat(pool.spec().template().preLoadImages()).containsExactly("busybox");
    assertThat(pool.statusOrEmpty().replicas()).contains(2);
    DevMachinePool dev = results.get(2).object(DevMachinePool.class).orElseThrow();
    assertThat(dev.spec().backend().docker().orElseThrow().customImage()).isEqualTo("kindest/node:v1.33.0");
    assertThat(dev.spec().unknownFields()).containsKey("someFutureField");
    assertThat(results.get(3).object(DockerMachine.class).orElseThrow().isProvisioned()).isTrue();
    assertThat(results.get(4).object(DevMachine.class)).isPresent();
    assertThat(manifests.toYaml(dev)).contains("someFutureField: kept");
  }

  static DockerMachineTemplate template(String image, Map<String, String> labels) {
    return DockerMachineTemplate.builder()
        .metadata(new ObjectMetaBuilder().withName("workers").withNamespace("default").build())
        .spec(DockerMachineTemplateSpec.builder().template(DockerMachineTemplateResource.builder()
            .metadata(TemplateMeta.builder().labels(labels).build())
            .spec(DockerMachineSpec.builder().customImage(image).build()).build()).build())
        .build();
  }

  @Test
  void dockerMachineTemplateSpecIsImmutable() {
    DockerMachineTemplateWebhook w = new DockerMachineTemplateWebhook();
    DockerMachineTemplate old = template("kindest/node:v1.32.0", Map.of());
    assertThat(w.validate(old, AdmissionContext.create().withOldObject(old))).isEmpty();
    List<FieldError> errs = w.validate(template("kindest/node:v1.33.0", Map.of()),
        AdmissionContext.create().withOldObject(old));
    assertThat(errs).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("spec.template.spec");
      assertThat(e.detail()).isEqualTo("DockerMachineTemplate spec.template.spec field is immutable. Please create a"
          + " new resource instead. Diff: customImage: \"kindest/node:v1.32.0\" -> \"kindest/node:v1.33.0\"");
    });
    // Metadata may change.
    assertThat(w.validate(template("kindest/node:v1.32.0", Map.of("a", "b")), AdmissionContext.create().withOldObject(old)))
        .isEmpty();
  }

  @Test
  void dockerMachineTemplateMetadataMustBeValidLabels() {
    List<FieldError> errs = new DockerMachineTemplateWebhook().validate(template("", Map.of("bad key!", "v")),
        AdmissionContext.create());
    assertThat(errs).isNotEmpty().allSatisfy(e -> assertThat(e.field()).isEqualTo("spec.template.metadata.labels"));
  }

  @Test
  void dockerMachineCustomImageCannotBeModified() {
    DockerMachine old = DockerMachine.builder().spec(DockerMachineSpec.builder().customImage("a").build()).build();
    DockerMachineWebhook w = new DockerMachineWebhook();
    assertThat(w.validate(old, AdmissionContext.create())).isEmpty();
    assertThat(w.validate(old.withSpec(old.spec().withProviderID("docker:////x")), AdmissionContext.create().withOldObject(old)))
        .isEmpty();
    assertThat(w.validate(old.withSpec(old.spec().withCustomImage("b")), AdmissionContext.create().withOldObject(old)))
        .extracting(FieldError::toString).containsExactly("spec.customImage: Forbidden: cannot be modified");
  }

  @Test
  void infraMachineFromTemplateClonesAndAddsCapdsFinalizer() {
    GenericKubernetesResource t = new GenericKubernetesResourceBuilder().withApiVersion(Docker.API_VERSION)
        .withKind("DockerMachineTemplate").withMetadata(new ObjectMetaBuilder().withName("workers").build()).build();
    t.setAdditionalProperties(Map.of("spec", Map.of("template", Map.of("spec", Map.of("customImage", "img")))));
    GenericKubernetesResource m = provider.infraMachineFromTemplate(t, GenerateTemplateRequest.builder()
        .name("workers-abc").namespace("default").clusterName("dev").build());
    assertThat(m.getKind()).isEqualTo("DockerMachine");
    assertThat(m.getMetadata().getName()).isEqualTo("workers-abc");
    assertThat(m.getMetadata().getFinalizers()).containsExactly(Docker.MACHINE_FINALIZER);
    assertThat(m.getAdditionalProperties()).containsEntry("spec", Map.of("customImage", "img"));
    assertThat(DockerProvider.providerID("dev", "workers-abc")).isEqualTo("docker:////dev-workers-abc");
    assertThat(DockerProvider.containerName("dev", "dev-workers-abc")).isEqualTo("dev-workers-abc");
  }

  @Test
  void imagesFollowKindsMapping() {
    assertThat(DockerImages.imageFor("v1.33.0", "")).contains("kindest/node:v1.33.0");
    assertThat(DockerImages.imageFor("1.33", "")).contains("kindest/node:v1.33.0");
    assertThat(DockerImages.imageFor("v1.33.0+build.1", "")).contains("kindest/node:v1.33.0_build.1");
    assertThat(DockerImages.imageFor("v1.33.0", "my/node:x")).contains("my/node:x");
    assertThat(DockerImages.imageFor("latest", "")).isEmpty();
  }
}
