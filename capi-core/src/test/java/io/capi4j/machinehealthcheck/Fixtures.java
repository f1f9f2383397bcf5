package io.capi4j.machinehealthcheck;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ClusterStatus;
import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.ImmutableMachineHealthCheck;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheckSpec;
import io.capi4j.api.core.v1beta2.MachineInitializationStatus;
import io.capi4j.api.core.v1beta2.MachineNodeReference;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.api.core.v1beta2.UnhealthyCondition;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test objects shaped like upstream's test helpers ({@code newTestMachine}, {@code newTestNode}, ...). */
final class Fixtures {
  private Fixtures() {}

  static final String NAMESPACE = "test-mhc";
  static final String CLUSTER_NAME = "test-cluster";
  static final Map<String, String> MHC_SELECTOR = Map.of("cluster", CLUSTER_NAME, "machine-group", "foo");
  /** A whole second, as upstream's tests truncate {@code now}. */
  static final Instant NOW = Instant.parse("2026-08-21T10:00:00Z");

  /** {@code newTestMachine}: labels + cluster-name, a nodeRef, phase Running. */
  static Machine machine(String name, String namespace, String clusterName, String nodeName, Map<String, String> labels) {
    Map<String, String> l = new LinkedHashMap<>(labels);
    l.put(Capi.CLUSTER_NAME_LABEL, clusterName);
    return ImmutableMachine.builder()
        .metadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(l).build())
        .spec(MachineSpec.builder()
            .clusterName(clusterName)
            .bootstrap(Bootstrap.builder().dataSecretName("bootstrap").build())
            .build())
        .status(MachineStatus.builder()
            .initialization(MachineInitializationStatus.builder()
                .infrastructureProvisioned(true)
                .bootstrapDataSecretCreated(true)
                .build())
            .phase(MachineStatus.PHASE_RUNNING)
            .nodeRef(MachineNodeReference.of(nodeName))
            .build())
        .build();
  }

  /** {@code newTestUnhealthyMachine}: a Machine with one condition that changed {@code ago} before {@code now}. */
  static Machine unhealthyMachine(String name, String nodeName, String type, String status, String reason,
      Instant now, Duration ago) {
    Machine m = machine(name, NAMESPACE, CLUSTER_NAME, nodeName, MHC_SELECTOR);
    return withConditions(m, Conditions.of(type, status, reason, "", now.minus(ago)));
  }

  static Machine withConditions(Machine m, Condition... conditions) {
    MachineStatus s = m.status().orElse(MachineStatus.builder().build());
    List<Condition> cs = s.conditions();
    for (Condition c : conditions) {
      cs = Conditions.set(cs, c);
    }
    return m.withStatus(s.withConditions(cs));
  }

  static Machine withMeta(Machine m, java.util.function.UnaryOperator<ObjectMetaBuilder> edit) {
    return m.withMetadata(edit.apply(new ObjectMetaBuilder(m.metadata())).build());
  }

  static Machine created(Machine m, Instant t) {
    return withMeta(m, b -> b.withCreationTimestamp(Conditions.format(t)));
  }

  static Machine annotated(Machine m, String key) {
    return withMeta(m, b -> b.addToAnnotations(key, ""));
  }

  static Machine deleting(Machine m, Instant t) {
    return withMeta(m, b -> b.withDeletionTimestamp(Conditions.format(t)).addToFinalizers("test"));
  }

  /** {@code newTestNode}. */
  static Node node(String name) {
    return new NodeBuilder().withMetadata(new ObjectMetaBuilder().withName(name).build()).build();
  }

  /** {@code newTestUnhealthyNode}: one condition that changed {@code ago} before {@code now}. */
  static Node node(String name, String type, String status, String reason, Instant now, Duration ago) {
    return new NodeBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(name).withUid("12345").build())
        .withNewStatus()
        .withConditions(new NodeConditionBuilder()
            .withType(type)
            .withStatus(status)
            .withReason(reason)
            .withLastTransitionTime(Conditions.format(now.minus(ago)))
            .build())
        .endStatus()
        .build();
  }

  /** A Cluster whose InfrastructureReady and ControlPlaneInitialized are as given, both changed at {@code ltt}. */
  static Cluster cluster(boolean infrastructureReady, boolean controlPlaneInitialized, Instant ltt) {
    return Cluster.builder()
        .metadata(new ObjectMetaBuilder().withName(CLUSTER_NAME).withNamespace(NAMESPACE).build())
        .spec(ClusterSpec.builder().build())
        .status(ClusterStatus.builder()
            .addCondition(Conditions.of(Capi.Conditions.INFRASTRUCTURE_READY,
                infrastructureReady ? Conditions.TRUE : Conditions.FALSE, "", "", ltt))
            .addCondition(Conditions.of(Capi.Conditions.CONTROL_PLANE_INITIALIZED,
                controlPlaneInitialized ? Conditions.TRUE : Conditions.FALSE, "", "", ltt))
            .build())
        .build();
  }

  /** A Cluster ready for health checks since an hour before {@link #NOW}. */
  static Cluster readyCluster() {
    return cluster(true, true, NOW.minus(Duration.ofHours(1)));
  }

  /** The MachineHealthCheck with these annotations (replacing its own). */
  static MachineHealthCheck withAnnotations(MachineHealthCheck mhc, Map<String, String> annotations) {
    return mhc.withMetadata(new ObjectMetaBuilder(mhc.metadata()).withAnnotations(new LinkedHashMap<>(annotations))
        .build());
  }

  static ObjectMeta mhcMeta() {
    return new ObjectMetaBuilder().withName("test-mhc").withNamespace(NAMESPACE).withGeneration(1L).build();
  }

  static MachineHealthCheck mhc(MachineHealthCheckChecks checks) {
    return ImmutableMachineHealthCheck.builder()
        .metadata(mhcMeta())
        .spec(MachineHealthCheckSpec.builder()
            .clusterName(CLUSTER_NAME)
            .selector(new LabelSelector(List.of(), MHC_SELECTOR))
            .checks(checks)
            .build())
        .build();
  }

  /** The checks of upstream's TestHealthCheckTargets: Ready Unknown/False 300s, EtcdPodHealthy Unknown/False 300s. */
  static MachineHealthCheckChecks targetTestChecks() {
    return MachineHealthCheckChecks.builder()
        .addUnhealthyNodeCondition(UnhealthyCondition.of("Ready", "Unknown", 300))
        .addUnhealthyNodeCondition(UnhealthyCondition.of("Ready", "False", 300))
        .addUnhealthyMachineCondition(UnhealthyCondition.of("EtcdPodHealthy", "Unknown", 300))
        .addUnhealthyMachineCondition(UnhealthyCondition.of("EtcdPodHealthy", "False", 300))
        .build();
  }
}
