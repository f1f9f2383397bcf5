package io.capi4j.providers.azure.pools;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolDeploymentStrategy;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineSpec;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.providers.azure.images.DefaultImages;
import io.capi4j.providers.azure.simulation.AzureSimulatedInfrastructure;
import io.capi4j.providers.azure.vmss.VmssModel;
import io.capi4j.spi.ImmutablePoolObservation;
import io.capi4j.spi.PoolObservation;
import io.capi4j.testing.cloud.ProviderIds;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Observations of an AzureMachinePool "pool" of MachinePool "mp" in cluster "c1", built by hand. */
final class PoolFixtures {
  private PoolFixtures() {}

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String SECRET = "mp-bootstrap";
  static final String POOL = "pool";
  static final ProviderIds IDS = new AzureSimulatedInfrastructure().providerIds();

  static MachinePool mp(int replicas, String version, List<String> failureDomains, Map<String, String> annotations) {
    return MachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("mp").withNamespace("default").withAnnotations(annotations)
            .addToLabels(Capi.CLUSTER_NAME_LABEL, "c1").build())
        .spec(io.capi4j.api.core.v1beta2.MachinePoolSpec.builder().clusterName("c1").replicas(replicas)
            .failureDomains(failureDomains)
            .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().clusterName("c1").version(version)
                .bootstrap(Bootstrap.builder().dataSecretName(SECRET).build())
                .infrastructureRef(ContractVersionedObjectReference.of(Azure.GROUP, AzureMachinePool.KIND, POOL))
                .build()).build())
            .build())
        .build();
  }

  static MachinePool mp(int replicas, String version) {
    return mp(replicas, version, List.of(), Map.of());
  }

  static AzureMachinePool amp(String maxSurge, String maxUnavailable, String deletePolicy) {
    return AzureMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName(POOL).withNamespace("default").withUid("amp-uid").build())
        .spec(io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolSpec.builder()
            .location("eastus")
            .orchestrationMode(Azure.ORCHESTRATION_UNIFORM)
            .strategy(AzureMachinePoolDeploymentStrategy.builder().type(AzureMachinePoolDeploymentStrategy.ROLLING_UPDATE)
                .rollingUpdate(MachineRollingUpdateDeployment.builder()
                    .maxSurge(intOrString(maxSurge)).maxUnavailable(intOrString(maxUnavailable))
                    .deletePolicy(deletePolicy).build())
                .build())
            .template(io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineTemplate.builder()
                .vmSize(AzureSimulatedInfrastructure.VM_SIZE).build())
            .build())
        .build();
  }

  static AzureMachinePool amp() {
    return amp("1", "0", MachineRollingUpdateDeployment.OLDEST);
  }

  static IntOrString intOrString(String v) {
    return v.endsWith("%") ? new IntOrString(v) : new IntOrString(Integer.parseInt(v));
  }

  static Image image(String version) {
    return DefaultImages.linux(version).image().orElseThrow();
  }

  /** The model the planner builds for {@code version} with the fixture's bootstrap Secret. */
  static InstanceModel model(String version, List<String> zones) {
    return VmssCloudModel.toInstanceModel(new VmssModel(image(version), "", zones, AzureSimulatedInfrastructure.VM_SIZE),
        VmssCloudModel.sha256(SECRET), version);
  }

  static InstanceModel model(String version) {
    return model(version, List.of());
  }

  static String pid(String id) {
    return IDS.providerID(Optional.of(POOL), id, Optional.empty());
  }

  static Instance instance(String id, InstanceModel model, InstanceState state, int createdSecond) {
    return Instance.builder().id(id).providerID(pid(id)).state(state).modelVersion(model.version())
        .modelAttributes(model.attributes()).createdAt(T0.plusSeconds(createdSecond))
        .runningSince(state == InstanceState.RUNNING ? Optional.of(T0.plusSeconds(createdSecond + 60)) : Optional.empty())
        .build();
  }

  static ScalingGroup group(int capacity, InstanceModel model, List<Instance> instances) {
    return ScalingGroup.builder().id(POOL).capacity(capacity).model(model).instances(instances).build();
  }

  static Node node(String id, boolean ready) {
    return new NodeBuilder().withNewMetadata().withName("node-" + id).endMetadata()
        .withNewSpec().withProviderID(pid(id)).endSpec()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .withNewNodeInfo().withKubeletVersion("v1.32.0").endNodeInfo().endStatus()
        .build();
  }

  /** The AMPM of instance {@code id}, created at second {@code createdSecond}, owned by Machine {@code "m-" + id}. */
  static AzureMachinePoolMachine ampm(String id, int createdSecond, boolean owned) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(POOL + "-" + id).withNamespace("default")
        .withCreationTimestamp(T0.plusSeconds(createdSecond).toString())
        .addToLabels(Capi.CLUSTER_NAME_LABEL, "c1")
        .addToLabels(Azure.MACHINE_POOL_NAME_LABEL, POOL)
        .addToLabels(Capi.MACHINE_POOL_NAME_LABEL, "mp")
        .withFinalizers(AzureMachinePoolPlanner.AMPM_FINALIZER)
        .addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion(Azure.API_VERSION).withKind(AzureMachinePool.KIND)
            .withName(POOL).withUid("amp-uid").build());
    if (owned) {
      meta.addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind(Machine.KIND)
          .withName("m-" + id).withController(true).build());
    }
    return AzureMachinePoolMachine.builder().metadata(meta.build())
        .spec(AzureMachinePoolMachineSpec.builder().providerID(pid(id)).instanceID(id).build()).build();
  }

  static Machine machine(String id) {
    return Machine.builder()
        .metadata(new ObjectMetaBuilder().withName("m-" + id).withNamespace("default")
            .addToLabels(Capi.MACHINE_POOL_NAME_LABEL, "mp").build())
        .spec(MachineSpec.builder().clusterName("c1").providerID(pid(id))
            .infrastructureRef(ContractVersionedObjectReference.of(Azure.GROUP, AzureMachinePoolMachine.KIND, POOL + "-" + id))
            .build())
        .build();
  }

  static Machine deleting(Machine m) {
    return m.withMetadata(new ObjectMetaBuilder(m.metadata()).withDeletionTimestamp(T0.toString())
        .withFinalizers(Capi.MACHINE_FINALIZER).build());
  }

  static AzureMachinePoolMachine deleting(AzureMachinePoolMachine a) {
    return a.withMetadata(new ObjectMetaBuilder(a.metadata()).withDeletionTimestamp(T0.toString()).build());
  }

  static Machine annotated(Machine m) {
    return m.withMetadata(new ObjectMetaBuilder(m.metadata()).addToAnnotations(Capi.DELETE_MACHINE_ANNOTATION, "").build());
  }

  /**
   * A settled pool of {@code n} instances "0".."n-1" on {@code version}, each with a Ready Node, an AMPM and a Machine.
   */
  static Pool settled(int n, String version) {
    Pool p = new Pool();
    InstanceModel m = model(version);
    p.model = m;
    for (int i = 0; i < n; i++) {
      String id = Integer.toString(i);
      p.instances.add(instance(id, m, InstanceState.RUNNING, i));
      p.nodes.add(node(id, true));
      p.ampms.add(ampm(id, i, true));
      p.machines.add(machine(id));
    }
    p.capacity = n;
    return p;
  }

  /** A mutable bag for building an observation. */
  static final class Pool {
    InstanceModel model;
    int capacity;
    final List<Instance> instances = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<Object> ampms = new ArrayList<>();
    final List<Machine> machines = new ArrayList<>();

    ScalingGroup group() {
      return PoolFixtures.group(capacity, model, instances);
    }

    ImmutablePoolObservation.Builder observe(MachinePool mp, AzureMachinePool amp) {
      return PoolObservation.builder().machinePool(mp).infraPool(amp).scalingGroup(group()).infraMachines(ampms)
          .machines(machines).nodes(nodes).bootstrapDataSecretName(SECRET).now(T0.plusSeconds(3600))
          .random(new SplittableRandom(1));
    }
  }
}
