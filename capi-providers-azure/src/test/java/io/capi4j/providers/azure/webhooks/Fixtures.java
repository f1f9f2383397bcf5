package io.capi4j.providers.azure.webhooks;

import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.providers.azure.util.SshKeys;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.SplittableRandom;

/** Shared test data for the Azure webhooks. */
final class Fixtures {
  private Fixtures() {}

  /** A valid key, as CAPZ's {@code apifixtures.GenerateSSHPublicKey(true)}. */
  static final String VALID_SSH_KEY = SshKeys.generateBase64AuthorizedKey(new SplittableRandom(7));

  static SharedRandom random() {
    return new SharedRandom(new SplittableRandom(11));
  }

  static ObjectMeta meta(String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace("default").build();
  }

  /** A MachinePool whose infrastructureRef names the AzureMachinePool {@code ampName}. */
  static MachinePool machinePool(String ampName, String clusterName, String version) {
    return io.capi4j.api.core.v1beta2.ImmutableMachinePool.builder().metadata(meta("mp-" + ampName))
        .spec(MachinePoolSpec.builder().clusterName(clusterName)
            .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().clusterName(clusterName).version(version)
                .infrastructureRef(ContractVersionedObjectReference.builder().apiGroup("infrastructure.cluster.x-k8s.io")
                    .kind("AzureMachinePool").name(ampName).build())
                .build()).build())
            .build())
        .build();
  }

  static Cluster cluster(String name, String azureClusterName) {
    return Cluster.builder().metadata(meta(name))
        .spec(ClusterSpec.builder().infrastructureRef(ContractVersionedObjectReference.builder()
            .apiGroup("infrastructure.cluster.x-k8s.io").kind("AzureCluster").name(azureClusterName).build()).build())
        .build();
  }

  static GenericKubernetesResource azureCluster(String name, String subscriptionID) {
    return new GenericKubernetesResourceBuilder().withApiVersion("infrastructure.cluster.x-k8s.io/v1beta1")
        .withKind("AzureCluster").withMetadata(meta(name))
        .addToAdditionalProperties("spec", Map.of("subscriptionID", subscriptionID)).build();
  }
}
