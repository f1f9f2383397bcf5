package io.capi4j.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.providers.azure.api.v1beta1.AzureMachine;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplate;
import io.capi4j.providers.azure.pools.AzureMachinePoolPlanner;
import io.capi4j.providers.azure.pools.AzureManagedMachinePoolPlanner;
import io.capi4j.providers.azure.simulation.AzureSimulatedInfrastructure;
import io.capi4j.spi.ProviderDescriptor;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AzureProviderPoolsTest {
  final AzureProvider provider = new AzureProvider(new SplittableRandom(1));

  @Test
  void everyPoolKindOfTheDescriptorHasAPlanner() {
    ProviderDescriptor d = provider.descriptor();
    assertThat(provider.poolPlanner("AzureMachinePool")).get().isInstanceOf(AzureMachinePoolPlanner.class);
    assertThat(provider.poolPlanner("AzureManagedMachinePool")).get().isInstanceOf(AzureManagedMachinePoolPlanner.class);
    assertThat(provider.poolPlanner("AzureMachine")).isEmpty();
    d.scalingGroupPools().forEach(k -> assertThat(provider.poolPlanner(k.kind())).isPresent());
    d.managedPools().forEach(k -> assertThat(provider.poolPlanner(k.kind())).isPresent());
  }

  @Test
  void anAzureMachineClonedFromItsTemplateGetsCapzDefaults() {
    AzureMachineTemplate t = (AzureMachineTemplate) new AzureSimulatedInfrastructure()
        .machineDeploymentFlow("c1", "md-0", 1, "v1.32.0").get(1);
    GenericKubernetesResource template = KubernetesMapper.json().convertValue(t, GenericKubernetesResource.class);
    GenerateTemplateRequest req = GenerateTemplateRequest.builder().name("md-0-abcde").namespace("default").clusterName("c1")
        .labels(Map.of(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "md-0")).annotations(Map.of())
        .ownerRef(new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind("MachineSet").withName("md-0-x")
            .withUid("u").build())
        .build();

    GenericKubernetesResource m = provider.infraMachineFromTemplate(template, req);

    assertThat(m.getKind()).isEqualTo("AzureMachine");
    assertThat(m.getMetadata().getName()).isEqualTo("md-0-abcde");
    assertThat(m.getMetadata().getLabels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "c1")
        .containsEntry(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "md-0");
    assertThat(m.getMetadata().getAnnotations()).containsEntry(Capi.TEMPLATE_CLONED_FROM_NAME_ANNOTATION, "md-0");
    assertThat(m.getMetadata().getOwnerReferences()).singleElement().satisfies(r -> assertThat(r.getName()).isEqualTo("md-0-x"));
    AzureMachine typed = KubernetesMapper.json().convertValue(m, AzureMachine.class);
    assertThat(typed.spec().vmSize()).isEqualTo("Standard_D2s_v3");
    assertThat(typed.spec().diagnostics().orElseThrow().boot().orElseThrow().storageAccountType()).isEqualTo("Managed");
    assertThat(typed.spec().networkInterfaces()).singleElement()
        .satisfies(n -> assertThat(n.privateIPConfigs()).contains(1));
    assertThat(typed.spec().osDiskOrEmpty().cachingType()).isEqualTo("None");
    assertThat(typed.spec().sshPublicKey()).isEmpty(); // generated values stay the template's
  }

  @Test
  void anotherTemplateKindIsClonedAsIs() {
    GenericKubernetesResource template = new GenericKubernetesResourceBuilder().withApiVersion("infrastructure.cluster.x-k8s.io/v1beta1")
        .withKind("DockerMachineTemplate").withNewMetadata().withName("t").endMetadata().build();
    template.setAdditionalProperties(Map.of("spec", Map.of("template", Map.of("spec", Map.of("a", "b")))));
    GenericKubernetesResource m = provider.infraMachineFromTemplate(template,
        GenerateTemplateRequest.builder().name("x").namespace("default").clusterName("c1").build());
    assertThat(m.getKind()).isEqualTo("DockerMachine");
    assertThat(m.getAdditionalProperties()).containsEntry("spec", Map.of("a", "b"));
  }
}
