package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.ImmutableMachinePool;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Objects for the MachinePool planner tests. */
final class Fixtures {
  private Fixtures() {}

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String NS = "default";
  static final String CLUSTER = "test-cluster";
  static final String INFRA_GROUP = "infrastructure.cluster.x-k8s.io";
  static final String INFRA_API_VERSION = INFRA_GROUP + "/v1beta2";

  static Cluster cluster() {
    return Cluster.builder().metadata(new ObjectMetaBuilder().withName(CLUSTER).withNamespace(NS).withUid("cluster-uid").build())
        .spec(ClusterSpec.builder().build()).build();
  }

  /** A MachinePool with the finalizer, a KubeadmConfig bootstrap configRef and a FakeMachinePool infrastructure. */
  static MachinePool machinePool(String name, Integer replicas) {
    MachineSpec spec = MachineSpec.builder()
        .clusterName(CLUSTER)
        .bootstrap(Bootstrap.builder()
            .configRef(ContractVersionedObjectReference.of("bootstrap.cluster.x-k8s.io", "KubeadmConfig", name + "-config"))
            .build())
        .infrastructureRef(ContractVersionedObjectReference.of(INFRA_GROUP, "FakeMachinePool", name))
        .version("v1.32.0")
        .build();
    return ImmutableMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).withUid(name + "-uid")
            .withFinalizers(Capi.MACHINE_POOL_FINALIZER)
            .withLabels(Map.of(Capi.CLUSTER_NAME_LABEL, CLUSTER)).build())
        .spec(MachinePoolSpec.builder().clusterName(CLUSTER).replicas(replicas)
            .template(MachineTemplateSpec.builder().spec(spec).build()).build())
        .build();
  }

  /** The same pool, with {@code dataSecretName} instead of a configRef. */
  static MachinePool machinePoolWithSecret(String name, Integer replicas, String secret) {
    MachinePool mp = machinePool(name, replicas);
    MachineTemplateSpec t = mp.spec().templateOrEmpty();
    return mp.withSpec(mp.spec().withTemplate(
        t.withSpec(t.specOrEmpty().withBootstrap(Bootstrap.builder().dataSecretName(secret).build()))));
  }

  static GenericKubernetesResource resource(String apiVersion, String kind, String name, Map<String, String> labels,
      Map<String, Object> props) {
    GenericKubernetesResource r = new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).withLabels(labels).build()).build();
    r.setAdditionalProperties(new LinkedHashMap<>(props));
    return r;
  }

  static GenericKubernetesResource bootstrapConfig(String name, boolean created, String secret) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("initialization", Map.of("dataSecretCreated", created));
    if (secret != null) {
      status.put("dataSecretName", secret);
    }
    return resource("bootstrap.cluster.x-k8s.io/v1beta2", "KubeadmConfig", name, Map.of(), Map.of("status", status));
  }

  /** A FakeMachinePool; {@code machineKind} null means no MachinePool Machines. */
  static GenericKubernetesResource infraPool(String name, boolean provisioned, List<String> providerIDs,
      Integer replicas, String machineKind) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("initialization", Map.of("provisioned", provisioned));
    if (replicas != null) {
      status.put("replicas", replicas);
    }
    if (machineKind != null) {
      status.put("infrastructureMachineKind", machineKind);
    }
    return resource(INFRA_API_VERSION, "FakeMachinePool", name, Map.of(),
        Map.of("spec", Map.of("providerIDList", providerIDs), "status", status));
  }

  static GenericKubernetesResource infraMachine(String poolName, String name, String providerID) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (providerID != null) {
      spec.put("providerID", providerID);
    }
    return resource(INFRA_API_VERSION, "FakeMachine", name,
        Map.of(Capi.MACHINE_POOL_NAME_LABEL, poolName, Capi.CLUSTER_NAME_LABEL, CLUSTER), Map.of("spec", spec));
  }

  /** A Node; {@code ready} null means no conditions at all. */
  static Node node(String name, String providerID, Boolean ready, Instant readySince, String kubelet) {
    NodeBuilder b = new NodeBuilder().withNewMetadata().withName(name).withUid(name + "-uid").endMetadata()
        .withNewSpec().withProviderID(providerID).endSpec();
    var status = b.withNewStatus();
    if (ready != null) {
      status.addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
          .withLastTransitionTime(readySince == null ? null : Conditions.format(readySince)).endCondition();
    }
    if (kubelet != null) {
      status.withNewNodeInfo().withKubeletVersion(kubelet).endNodeInfo();
    }
    return status.endStatus().build();
  }

  static Node readyNode(String name, String providerID) {
    return node(name, providerID, true, NOW.minusSeconds(3600), "v1.32.0");
  }

  static Machine machine(String name, String poolName, String infraName) {
    return ImmutableMachine.builder()
        .metadata(new ObjectMetaBuilder().withName(name).withNamespace(NS)
            .withLabels(Map.of(Capi.MACHINE_POOL_NAME_LABEL, poolName, Capi.CLUSTER_NAME_LABEL, CLUSTER)).build())
        .spec(MachineSpec.builder().clusterName(CLUSTER)
            .infrastructureRef(ContractVersionedObjectReference.of(INFRA_GROUP, "FakeMachine", infraName)).build())
        .build();
  }

  static ImmutableMachinePoolInput.Builder input(MachinePool mp) {
    return MachinePoolInput.builder().machinePool(mp).cluster(cluster()).now(NOW);
  }
}
