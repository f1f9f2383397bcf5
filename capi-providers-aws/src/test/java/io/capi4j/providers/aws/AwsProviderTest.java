package io.capi4j.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.Manifests;
import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateResource;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateSpec;
import io.capi4j.providers.aws.api.v1beta2.CloudInit;
import io.capi4j.providers.aws.pools.AWSMachinePoolPlanner;
import io.capi4j.providers.aws.pools.AWSManagedMachinePoolPlanner;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.validation.AdmissionResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AwsProviderTest {
  static final AwsProvider PROVIDER = new AwsProvider();

  @Test
  void poolPlannersForBothPoolKinds() {
    assertThat(PROVIDER.poolPlanner("AWSMachinePool")).containsInstanceOf(AWSMachinePoolPlanner.class);
    assertThat(PROVIDER.poolPlanner("AWSManagedMachinePool")).containsInstanceOf(AWSManagedMachinePoolPlanner.class);
    assertThat(PROVIDER.poolPlanner("AWSMachine")).isEmpty();
    assertThat(PROVIDER.descriptor().poolKind("AWSMachinePool").orElseThrow().machineKind()).contains("AWSMachine");
  }

  @Test
  void anAWSMachineIsClonedFromItsTemplateWithTheWebhookDefaults() {
    AWSMachineTemplate t = AWSMachineTemplate.builder()
        .metadata(AwsTestSupport.meta("workers"))
        .spec(AWSMachineTemplateSpec.builder().template(AWSMachineTemplateResource.builder()
            .spec(AWSMachineSpec.builder().instanceType("m5.large").sshKeyName("default").build())
            .putUnknownField("metadata", KubernetesMapper.json().valueToTree(Map.of("labels", Map.of("tier", "workers"))))
            .build()).build())
        .build();
    GenericKubernetesResource template = KubernetesMapper.json().convertValue(t, GenericKubernetesResource.class);
    GenericKubernetesResource out = PROVIDER.infraMachineFromTemplate(template, GenerateTemplateRequest.builder()
        .name("workers-abc12").namespace("default").clusterName("c1").putLabel("cluster.x-k8s.io/set-name", "ms").build());
    assertThat(out.getKind()).isEqualTo("AWSMachine");
    assertThat(out.getApiVersion()).isEqualTo("infrastructure.cluster.x-k8s.io/v1beta2");
    assertThat(out.getMetadata().getName()).isEqualTo("workers-abc12");
    assertThat(out.getMetadata().getLabels()).containsEntry("tier", "workers").containsEntry("cluster.x-k8s.io/cluster-name", "c1")
        .containsEntry("cluster.x-k8s.io/set-name", "ms");
    assertThat(out.getMetadata().getAnnotations()).containsEntry("cluster.x-k8s.io/cloned-from-name", "workers")
        .containsEntry("cluster.x-k8s.io/cloned-from-groupkind", "AWSMachineTemplate.infrastructure.cluster.x-k8s.io");
    AWSMachine m = KubernetesMapper.json().convertValue(out, AWSMachine.class);
    assertThat(m.spec().instanceType()).isEqualTo("m5.large");
    assertThat(m.spec().sshKeyName()).contains("default");
    assertThat(m.spec().cloudInitOrEmpty().secureSecretsBackend()).isEqualTo(CloudInit.SECRETS_MANAGER);
    assertThat(AwsTestSupport.ADMISSION.admit(m).errors()).isEmpty();
  }

  @Test
  void otherTemplatesAreClonedUnchanged() {
    GenericKubernetesResource t = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
        .withApiVersion("infrastructure.cluster.x-k8s.io/v1beta2").withKind("OtherTemplate")
        .withNewMetadata().withName("o").endMetadata().build();
    t.setAdditionalProperties(Map.of("spec", Map.of("template", Map.of("spec", Map.of("x", 1)))));
    GenericKubernetesResource out = PROVIDER.infraMachineFromTemplate(t, GenerateTemplateRequest.builder()
        .name("o-1").namespace("default").clusterName("c1").build());
    assertThat(out.getKind()).isEqualTo("Other");
    assertThat(out.getAdditionalProperties()).isEqualTo(Map.of("spec", Map.of("x", 1)));
  }

  @Test
  void theExampleManifestIsValidAndPlansAnAsgOverThreeZones() throws Exception {
    Path file = Path.of("..", "examples", "manifests", "aws-machinepool.yaml");
    assertThat(file).exists();
    List<ManifestDocument> docs = Manifests.create(AwsTestSupport.PROVIDERS).parse(file.toString(), Files.readString(file));
    List<AdmissionResult> results = AwsTestSupport.ADMISSION.admit(docs);
    assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.errors()).as(r.kind()).isEmpty());
    MachinePool mp = results.get(0).object(MachinePool.class).orElseThrow();
    AWSMachinePool pool = results.get(1).object(AWSMachinePool.class).orElseThrow();
    PoolPlan plan = PROVIDER.poolPlanner("AWSMachinePool").orElseThrow().plan(PoolObservation.builder()
        .machinePool(mp).infraPool(pool).bootstrapDataSecretName("aws-mp-workers").now(Instant.EPOCH)
        .random(new SplittableRandom(1)).build());
    assertThat(plan.cloudActions()).singleElement().isInstanceOfSatisfying(CloudAction.CreateGroup.class, c -> {
      assertThat(c.capacity()).isEqualTo(5);
      assertThat(c.zones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
      assertThat(c.model().attributes()).containsEntry("instanceType", "m5.large").containsEntry("kubernetesVersion", "v1.32.0");
    });
  }
}
