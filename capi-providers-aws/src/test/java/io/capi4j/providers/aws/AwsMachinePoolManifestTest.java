package io.capi4j.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.Manifests;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed article's MachinePool benchmark, with an AWS ASG instead of an Azure VMSS, is valid. */
class AwsMachinePoolManifestTest {

  static final String SEED_MACHINE_POOL_AWS = """
      # MachinePool from the seed benchmark, with its replicas delegated to an AWS Auto Scaling group.
      apiVersion: cluster.x-k8s.io/v1beta2
      kind: MachinePool
      metadata:
        name: mp-bench-aws-workers
        namespace: default
      spec:
        clusterName: mp-bench-aws
        replicas: 5
        failureDomains:
          - us-east-1a
          - us-east-1b
          - us-east-1c
        template:
          spec:
            clusterName: mp-bench-aws
            version: v1.32.0
            bootstrap:
              configRef:
                apiGroup: bootstrap.cluster.x-k8s.io
                kind: KubeadmConfig
                name: mp-bench-aws-workers
            infrastructureRef:
              apiGroup: infrastructure.cluster.x-k8s.io
              kind: AWSMachinePool
              name: mp-bench-aws-workers
      ---
      apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
      kind: AWSMachinePool
      metadata:
        name: mp-bench-aws-workers
        namespace: default
      spec:
        minSize: 1
        maxSize: 20
        availabilityZones: [us-east-1a, us-east-1b, us-east-1c]
        refreshPreferences:
          minHealthyPercentage: 80
          maxHealthyPercentage: 120
        awsLaunchTemplate:
          instanceType: m5.large
          iamInstanceProfile: nodes.cluster-api-provider-aws.sigs.k8s.io
          sshKeyName: default
          rootVolume:
            size: 30
            type: gp3
      ---
      apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
      kind: KubeadmConfig
      metadata:
        name: mp-bench-aws-workers
        namespace: default
      spec:
        joinConfiguration:
          nodeRegistration:
            name: '{{ ds.meta_data["local_hostname"] }}'
      """;

  @Test
  void theAwsVariantOfTheSeedMachinePoolManifestValidates() throws Exception {
    Providers providers = Providers.of(List.of(new AwsProvider()));
    List<ManifestDocument> docs = Manifests.create(providers).parse("seed-machinepool-aws.yaml", SEED_MACHINE_POOL_AWS);
    List<AdmissionResult> results = Admission.create(providers).admit(docs);

    assertThat(results).hasSize(3);
    assertThat(results).allSatisfy(r -> assertThat(r.errors()).as(r.kind()).isEmpty());
    assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.kind()).isEqualTo(AdmissionResult.Outcome.VALID));
    AWSMachinePool pool = results.get(1).object(AWSMachinePool.class).orElseThrow();
    assertThat(pool.spec().defaultCoolDown()).isEqualTo("5m0s");
    assertThat(pool.spec().defaultInstanceWarmup()).isEqualTo("5m0s");
    assertThat(pool.spec().maxSize()).isEqualTo(20);
    assertThat(results.get(1).notes()).noneMatch(n -> n.startsWith("unknown field"));
  }

  @Test
  void unmodelledFieldsAndKeywordsSurviveARoundTrip() throws Exception {
    String yaml = """
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: AWSManagedMachinePool
        metadata:
          name: workers
          namespace: default
        spec:
          remoteAccess:
            public: true
          roleAdditionalPolicies: [arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore]
          somethingNew: {a: 1}
        """;
    Manifests manifests = Manifests.create(Providers.of(List.of(new AwsProvider())));
    List<ManifestDocument> docs = manifests.parse("mmp.yaml", yaml);
    assertThat(docs.get(0).decodeErrors()).isEmpty();
    var pool = (io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool) docs.get(0).value().orElseThrow();
    assertThat(pool.spec().remoteAccess().orElseThrow().publicAccess()).contains(true);
    String out = manifests.toYaml(pool);
    assertThat(out).contains("public: true").contains("somethingNew").doesNotContain("publicAccess");
  }

  @Test
  void aTypeErrorIsReportedWithItsPath() throws Exception {
    String yaml = """
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: AWSMachinePool
        metadata:
          name: p
        spec:
          minSize: "one"
          awsLaunchTemplate: {instanceType: m5.large}
        """;
    List<ManifestDocument> docs = Manifests.create(Providers.of(List.of(new AwsProvider()))).parse("p.yaml", yaml);
    assertThat(docs.get(0).decodeErrors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("spec.minSize"));
  }

  @Test
  void theProviderIsFoundOnTheClassPath() {
    assertThat(Providers.load().byName("aws")).isPresent();
    assertThat(Providers.load().byName("aws").orElseThrow().kinds()).hasSize(4);
  }
}
