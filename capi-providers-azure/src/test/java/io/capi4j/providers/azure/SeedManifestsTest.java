package io.capi4j.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.Manifests;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplate;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.providers.azure.util.SshKeys;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The seed benchmark's manifests (own copies) validate with the Azure kinds, exactly as CAPZ accepts them. */
class SeedManifestsTest {
  static final String MACHINE_DEPLOYMENT = """
      apiVersion: cluster.x-k8s.io/v1beta2
      kind: MachineDeployment
      metadata:
        name: md-bench-azure-workers
        namespace: default
      spec:
        clusterName: md-bench-azure
        replicas: 5
        template:
          spec:
            clusterName: md-bench-azure
            version: v1.32.0
            bootstrap:
              configRef:
                apiGroup: bootstrap.cluster.x-k8s.io
                kind: KubeadmConfigTemplate
                name: md-bench-azure-workers
            infrastructureRef:
              apiGroup: infrastructure.cluster.x-k8s.io
              kind: AzureMachineTemplate
              name: md-bench-azure-workers
        rollout:
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: 1
              maxUnavailable: 0
      ---
      apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
      kind: AzureMachineTemplate
      metadata:
        name: md-bench-azure-workers
        namespace: default
      spec:
        template:
          spec:
            vmSize: Standard_D2s_v3
            osDisk:
              osType: Linux
              diskSizeGB: 30
              managedDisk:
                storageAccountType: Premium_LRS
      ---
      apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
      kind: KubeadmConfigTemplate
      metadata:
        name: md-bench-azure-workers
        namespace: default
      spec:
        template:
          spec:
            joinConfiguration:
              nodeRegistration:
                name: '{{ ds.meta_data["local_hostname"] }}'
      """;

  static final String MACHINE_POOL = """
      apiVersion: cluster.x-k8s.io/v1beta2
      kind: MachinePool
      metadata:
        name: mp-bench-azure-workers
        namespace: default
      spec:
        clusterName: mp-bench-azure
        replicas: 5
        failureDomains:
          - "1"
          - "2"
          - "3"
        template:
          spec:
            clusterName: mp-bench-azure
            version: v1.32.0
            bootstrap:
              configRef:
                apiGroup: bootstrap.cluster.x-k8s.io
                kind: KubeadmConfig
                name: mp-bench-azure-workers
            infrastructureRef:
              apiGroup: infrastructure.cluster.x-k8s.io
              kind: AzureMachinePool
              name: mp-bench-azure-workers
      ---
      apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
      kind: AzureMachinePool
      metadata:
        name: mp-bench-azure-workers
        namespace: default
      spec:
        location: eastus
        strategy:
          type: RollingUpdate
          rollingUpdate:
            deletePolicy: Oldest
            maxSurge: 25%
            maxUnavailable: 1
        template:
          vmSize: Standard_D2s_v3
          osDisk:
            osType: Linux
            diskSizeGB: 30
            managedDisk:
              storageAccountType: Premium_LRS
      ---
      apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
      kind: KubeadmConfig
      metadata:
        name: mp-bench-azure-workers
        namespace: default
      spec:
        joinConfiguration:
          nodeRegistration:
            name: '{{ ds.meta_data["local_hostname"] }}'
      """;

  private final Providers providers = Providers.of(List.of(new AzureProvider(new SplittableRandom(42))));
  private final Manifests manifests = Manifests.create(providers);
  private final Admission admission = Admission.create(providers);

  private List<AdmissionResult> admit(String yaml) throws Exception {
    List<ManifestDocument> docs = manifests.parse("seed.yaml", yaml);
    return admission.admit(docs);
  }

  @Test
  void theMachineDeploymentSeedValidates() throws Exception {
    List<AdmissionResult> results = admit(MACHINE_DEPLOYMENT);
    assertThat(results).hasSize(3);
    results.forEach(r -> assertThat(r.errors()).as(r.kind() + " " + r.name()).isEmpty());
    assertThat(results).allMatch(AdmissionResult::isValid);
    AzureMachineTemplate t = results.get(1).object(AzureMachineTemplate.class).orElseThrow();
    // CAPZ generates an SSH key; the CRD defaults caching and identity.
    assertThat(SshKeys.validate(t.spec().template().spec().sshPublicKey())).isEmpty();
    assertThat(t.spec().template().spec().osDiskOrEmpty().cachingType()).isEqualTo("None");
    assertThat(t.spec().template().spec().identity()).isEqualTo("None");
    assertThat(t.spec().template().spec().networkInterfaces()).hasSize(1);
    assertThat(results.get(1).notes()).isEmpty();
  }

  @Test
  void theMachinePoolSeedValidates() throws Exception {
    List<AdmissionResult> results = admit(MACHINE_POOL);
    assertThat(results).hasSize(3);
    results.forEach(r -> assertThat(r.errors()).as(r.kind() + " " + r.name()).isEmpty());
    assertThat(results).allMatch(AdmissionResult::isValid);
    AzureMachinePool amp = results.get(1).object(AzureMachinePool.class).orElseThrow();
    MachineRollingUpdateDeployment ru = amp.spec().strategy().orElseThrow().rollingUpdate().orElseThrow();
    assertThat(ru.maxSurge().orElseThrow().getStrVal()).isEqualTo("25%");
    assertThat(ru.maxUnavailable().orElseThrow().getIntVal()).isEqualTo(1);
    assertThat(ru.deletePolicy()).isEqualTo("Oldest");
    assertThat(amp.spec().orchestrationMode()).isEqualTo("Uniform");
    assertThat(amp.spec().templateOrEmpty().diagnostics().orElseThrow().boot().orElseThrow().storageAccountType())
        .isEqualTo("Managed");
    assertThat(results.get(1).notes()).isEmpty();
  }

  @Test
  void theAzureObjectsSurviveARoundTrip() throws Exception {
    for (String yaml : List.of(MACHINE_DEPLOYMENT, MACHINE_POOL)) {
      for (ManifestDocument d : manifests.parse("seed.yaml", yaml)) {
        Object v = d.value().orElseThrow();
        List<ManifestDocument> again = manifests.parse("again.yaml", manifests.toYaml(v));
        assertThat(again.get(0).value()).contains(v);
      }
    }
  }

  @Test
  void theProviderIsFoundByServiceLoaderWithItsKinds() {
    AzureProvider azure = (AzureProvider) Providers.load().byName("azure").orElseThrow();
    assertThat(azure.kinds()).extracting(k -> k.gvk().kind()).containsExactly("AzureMachineTemplate", "AzureMachine",
        "AzureMachinePool", "AzureMachinePoolMachine", "AzureManagedMachinePool");
    assertThat(azure.kinds()).allMatch(k -> k.gvk().apiVersion().equals("infrastructure.cluster.x-k8s.io/v1beta1"));
  }
}
