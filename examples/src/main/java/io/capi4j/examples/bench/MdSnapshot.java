package io.capi4j.examples.bench;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterInitializationStatus;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ClusterStatus;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineInitializationStatus;
import io.capi4j.api.core.v1beta2.MachineNodeReference;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinedeployment.AppliedRollout;
import io.capi4j.machinedeployment.RolloutInput;
import io.capi4j.machinedeployment.RolloutPlan;
import io.capi4j.machinedeployment.RolloutPlanner;
import io.capi4j.machineset.MachineSetPlan;
import io.capi4j.machineset.MachineSetPlanInput;
import io.capi4j.machineset.MachineSetPlanner;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulatedInfrastructures;
import io.capi4j.spi.Providers;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An immutable snapshot of a MachineDeployment in the middle of a rolling update (maxSurge 10%, maxUnavailable 0),
 * as a controller's informer cache would hold it, and one reconcile over it: the rollout plan, its application, and
 * the MachineSet plan of every MachineSet the rollout writes.
 *
 * <p>For {@code m} Machines the MachineDeployment has {@code r = 10m/11} replicas (so that {@code r + 10%} is about
 * {@code m}); the new MachineSet has {@code 3m/11} Machines, the last sixth of them still provisioning (no Node,
 * not Ready); the old MachineSet has the rest, all Ready and available. In this state the planner scales the old
 * MachineSet down by the new one's unavailable Machines, and the old MachineSet's plan picks that many Machines to
 * delete; the new MachineSet's plan only recomputes its status. The MachineSets and the MachineDeployment are made
 * by the planner itself (so they carry exactly the labels and annotations it computes); the Machines carry what
 * the Machine controller writes (seven conditions, nodeRef, nodeInfo, providerID, initialization).
 */
public final class MdSnapshot {
  static final String NAMESPACE = "default";
  static final String CLUSTER = "bench";
  static final String OLD_VERSION = "v1.31.4";
  static final String NEW_VERSION = "v1.32.0";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** The reconcile time: one hour after the new MachineSet was created. */
  static final Instant NOW = T0.plus(Duration.ofDays(30)).plus(Duration.ofHours(1));

  final MachineDeployment md;
  final MachineSet oldMs;
  final MachineSet newMs;
  final List<MachineSet> machineSets;
  /** Every Machine of the MachineDeployment, old MachineSet's first. */
  final List<Machine> machines;
  /** The Machines per MachineSet name, as a controller's cache index by owner returns them. */
  final Map<String, List<Machine>> machinesByMachineSet;
  final Cluster cluster;
  final GenericKubernetesResource controlPlane;
  final GenericKubernetesResource infraMachineTemplate;
  final KubeadmConfigTemplate kubeadmConfigTemplate;
  final Providers providers;

  private MdSnapshot(
      MachineDeployment md,
      MachineSet oldMs,
      MachineSet newMs,
      List<Machine> oldMachines,
      List<Machine> newMachines,
      Cluster cluster,
      GenericKubernetesResource controlPlane,
      GenericKubernetesResource infraMachineTemplate,
      KubeadmConfigTemplate kubeadmConfigTemplate,
      Providers providers) {
    this.md = md;
    this.oldMs = oldMs;
    this.newMs = newMs;
    this.machineSets = List.of(oldMs, newMs);
    List<Machine> all = new ArrayList<>(oldMachines.size() + newMachines.size());
    all.addAll(oldMachines);
    all.addAll(newMachines);
    this.machines = List.copyOf(all);
    this.machinesByMachineSet = Map.of(oldMs.name(), List.copyOf(oldMachines), newMs.name(), List.copyOf(newMachines));
    this.cluster = cluster;
    this.controlPlane = controlPlane;
    this.infraMachineTemplate = infraMachineTemplate;
    this.kubeadmConfigTemplate = kubeadmConfigTemplate;
    this.providers = providers;
  }

  /** The result of one reconcile: the rollout plan, its writes, and the plan of each MachineSet written. */
  public record Reconcile(RolloutPlan rollout, AppliedRollout applied, List<MachineSetPlan> machineSetPlans) {}

  /** A snapshot with about {@code machineCount} Machines (see the class comment). */
  public static MdSnapshot build(int machineCount) {
    if (machineCount < 11) {
      throw new IllegalArgumentException("at least 11 Machines");
    }
    int replicas = machineCount * 10 / 11;
    int newCount = machineCount * 3 / 11;
    int provisioning = Math.max(newCount / 6, 1);
    int oldCount = machineCount - newCount;

    Providers providers = Providers.load();
    SimulatedInfrastructure docker = SimulatedInfrastructures.forProvider("docker").orElseThrow();
    List<Object> flow = docker.machineDeploymentFlow(CLUSTER, "workers", replicas, OLD_VERSION);
    MachineDeployment md = null;
    GenericKubernetesResource infraTemplate = null;
    KubeadmConfigTemplate kct = null;
    for (Object o : flow) {
      if (o instanceof MachineDeployment d) {
        md = d;
      } else if (o instanceof KubeadmConfigTemplate t) {
        kct = stored(t, "uid-kct");
      } else {
        infraTemplate = io.capi4j.external.Contracts.generic(stored(o, "uid-infra-template"));
      }
    }
    md = stored(md, "uid-md");
    md = Meta.withMeta(md, b -> b.addToFinalizers(Capi.MACHINE_DEPLOYMENT_FINALIZER));
    md = md.withSpec(md.spec().withRollout(MachineDeploymentRolloutSpec.builder()
        .strategy(MachineDeploymentRolloutStrategy.builder()
            .type(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)
            .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(new IntOrString("10%"), new IntOrString(0)))
            .build())
        .build()));

    // Revision 1: the planner creates the old MachineSet.
    MachineSet oldMs = createdMachineSet(md, List.of(), T0, 11);
    oldMs = withState(oldMs, "uid-ms-old", T0, oldCount, oldCount, oldCount, 0);
    MachineDeployment md1 = Meta.withMeta(md, b -> b.addToAnnotations(Capi.REVISION_ANNOTATION, "1"));

    // Revision 2: the version changes; the planner creates the new MachineSet.
    var template = md1.spec().templateOrEmpty();
    MachineDeployment md2 =
        md1.withSpec(md1.spec().withTemplate(template.withSpec(template.specOrEmpty().withVersion(NEW_VERSION))));
    Instant t1 = NOW.minus(Duration.ofHours(1));
    MachineSet newMs = createdMachineSet(md2, List.of(oldMs), t1, 22);
    newMs = withState(newMs, "uid-ms-new", t1, newCount, newCount, newCount - provisioning, newCount - provisioning);
    MachineDeployment mdFinal = Meta.withMeta(md2, b -> b.addToAnnotations(Capi.REVISION_ANNOTATION, "2"));

    List<Machine> oldMachines = new ArrayList<>(oldCount);
    for (int i = 0; i < oldCount; i++) {
      oldMachines.add(machine(oldMs, i, T0.plusSeconds(i % 3600), OLD_VERSION, true, false));
    }
    List<Machine> newMachines = new ArrayList<>(newCount);
    for (int i = 0; i < newCount; i++) {
      boolean ready = i < newCount - provisioning;
      newMachines.add(machine(newMs, i, t1.plusSeconds(i % 1800), NEW_VERSION, ready, true));
    }
    return new MdSnapshot(mdFinal, oldMs, newMs, oldMachines, newMachines, cluster(), controlPlane(), infraTemplate, kct,
        providers);
  }

  /** One reconcile over the snapshot (what the benchmark measures). */
  public Reconcile reconcile() {
    RolloutPlan plan = rolloutPlan();
    AppliedRollout applied = RolloutPlanner.apply(plan);
    List<MachineSetPlan> plans = new ArrayList<>(applied.machineSets().size());
    SplittableRandom random = new SplittableRandom(2);
    for (MachineSet written : applied.machineSets()) {
      // The MachineSet as the MachineSet controller then reads it: the API server keeps generation and
      // resourceVersion, which the planner's desired object does not carry.
      MachineSet stored = written.name().equals(oldMs.name()) ? oldMs : written.name().equals(newMs.name()) ? newMs : null;
      MachineSet ms = stored == null ? written : Meta.withMeta(written, b -> b
          .withGeneration(stored.metadata().getGeneration())
          .withResourceVersion(stored.metadata().getResourceVersion()));
      plans.add(MachineSetPlanner.plan(MachineSetPlanInput.builder()
          .machineSet(ms)
          .machineDeployment(md)
          .machines(machinesByMachineSet.getOrDefault(ms.name(), List.of()))
          .cluster(cluster)
          .controlPlane(controlPlane)
          .infraMachineTemplate(infraMachineTemplate)
          .kubeadmConfigTemplate(kubeadmConfigTemplate)
          .providers(providers)
          .now(NOW)
          .random(random)
          .build()));
    }
    return new Reconcile(plan, applied, plans);
  }

  /** The rollout plan alone (the MachineDeployment planner; it reads Machines only for in-place updates). */
  public RolloutPlan rolloutPlan() {
    return RolloutPlanner.plan(RolloutInput.builder()
        .machineDeployment(md)
        .machineSets(machineSets)
        .machines(machines)
        .now(NOW)
        .random(new SplittableRandom(1))
        .build());
  }

  /**
   * The bare pass: reads every Machine of the snapshot once, every field a controller's reconcile consults
   * (metadata: name, namespace, uid, timestamps, generation, each label, annotation, finalizer and owner
   * reference; spec: cluster name, version, bootstrap, infrastructure reference, provider ID, failure domain,
   * minReadySeconds, taints, readiness gates; status: phase, nodeRef, kubelet version, initialization and every
   * condition's type, status, reason and time), without deciding anything; returns a value that depends on all
   * of them.
   */
  public long barePass() {
    long h = 0;
    for (Machine m : machines) {
      var meta = m.metadata();
      h += len(meta.getName()) + len(meta.getNamespace()) + len(meta.getUid()) + len(meta.getCreationTimestamp())
          + len(meta.getDeletionTimestamp()) + (meta.getGeneration() == null ? 0 : meta.getGeneration());
      for (Map.Entry<String, String> e : m.labels().entrySet()) {
        h += len(e.getKey()) + len(e.getValue());
      }
      for (Map.Entry<String, String> e : m.annotations().entrySet()) {
        h += len(e.getKey()) + len(e.getValue());
      }
      if (meta.getFinalizers() != null) {
        for (String f : meta.getFinalizers()) {
          h += len(f);
        }
      }
      if (meta.getOwnerReferences() != null) {
        for (var r : meta.getOwnerReferences()) {
          h += len(r.getKind()) + len(r.getName()) + len(r.getUid()) + (Boolean.TRUE.equals(r.getController()) ? 1 : 0);
        }
      }
      MachineSpec spec = m.spec();
      h += len(spec.clusterName()) + len(spec.version()) + len(spec.providerID()) + len(spec.failureDomain())
          + spec.minReadySeconds().orElse(0) + spec.taints().size() + spec.readinessGates().size();
      var boot = spec.bootstrapOrEmpty();
      h += len(boot.dataSecretName().orElse(null)) + boot.configRef().map(r -> len(r.kind()) + len(r.name())).orElse(0);
      var infra = spec.infrastructureRefOrEmpty();
      h += len(infra.kind()) + len(infra.name());
      if (m.status().isPresent()) {
        MachineStatus st = m.status().get();
        h += len(st.phase()) + st.nodeRef().map(r -> len(r.name())).orElse(0)
            + st.nodeInfo().map(i -> len(i.getKubeletVersion())).orElse(0)
            + st.initialization().map(i -> (i.infrastructureProvisioned().orElse(false) ? 1 : 0)
                + (i.bootstrapDataSecretCreated().orElse(false) ? 2 : 0)).orElse(0);
        List<Condition> conditions = st.conditions();
        for (int i = 0, n = conditions.size(); i < n; i++) {
          Condition c = conditions.get(i);
          h += len(c.getType()) + len(c.getStatus()) + len(c.getReason()) + len(c.getLastTransitionTime());
        }
      }
    }
    return h;
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }

  /**
   * A narrower pass for comparison: touches only each Machine's name, its MachineSet label and its {@code Ready}
   * condition.
   */
  public long touchPass() {
    long h = 0;
    for (Machine m : machines) {
      h += m.name().length();
      String set = m.labels().get(Capi.MACHINE_SET_NAME_LABEL);
      h += set == null ? 0 : set.length();
      h += Conditions.isTrue(m.status().map(MachineStatus::conditions).orElse(List.of()), Capi.Conditions.READY) ? 1 : 0;
    }
    return h;
  }

  public int machineCount() {
    return machines.size();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static <T> T stored(T o, String uid) {
    return Meta.withMeta(o, b -> b.withUid(uid).withCreationTimestamp(T0.toString()).withGeneration(1L)
        .withResourceVersion("1"));
  }

  /** The MachineSet the planner creates for {@code md}, as the MachineDeployment controller writes it. */
  private static MachineSet createdMachineSet(MachineDeployment md, List<MachineSet> existing, Instant now, long seed) {
    RolloutPlan plan = RolloutPlanner.plan(RolloutInput.builder()
        .machineDeployment(md)
        .machineSets(existing)
        .now(now)
        .random(new SplittableRandom(seed))
        .build());
    if (!plan.newMachineSetCreated()) {
      throw new IllegalStateException("the planner did not create a MachineSet: " + plan.steps());
    }
    return RolloutPlanner.apply(plan).machineSets().get(0);
  }

  private static MachineSet withState(
      MachineSet ms, String uid, Instant created, int replicas, int statusReplicas, int available, int upToDate) {
    MachineSet s = Meta.withMeta(ms, b -> b.withUid(uid).withCreationTimestamp(created.toString()).withGeneration(1L)
        .withResourceVersion("1").withFinalizers(Capi.MACHINE_SET_FINALIZER)
        .addToLabels(Capi.CLUSTER_NAME_LABEL, CLUSTER));
    return s.withSpec(s.spec().withReplicas(replicas))
        .withStatus(MachineSetStatus.builder()
            .replicas(statusReplicas)
            .readyReplicas(available)
            .availableReplicas(available)
            .upToDateReplicas(upToDate)
            .observedGeneration(1L)
            // As the MachineSet controller left it: not paused (else the reconcile would only flip this).
            .addConditions(new io.fabric8.kubernetes.api.model.ConditionBuilder(
                    Conditions.of(Capi.Conditions.PAUSED, Conditions.FALSE, Capi.Reasons.NOT_PAUSED, "", created))
                .withObservedGeneration(1L).build())
            .build());
  }

  private static Machine machine(MachineSet ms, int i, Instant created, String version, boolean ready, boolean upToDate) {
    String name = ms.name() + "-" + Integer.toString(i + 46656, 36); // 4+ base-36 chars, unique per MachineSet
    MachineSpec template = ms.spec().templateOrEmpty().specOrEmpty();
    String providerID = "docker:////" + CLUSTER + "-" + name;
    MachineSpec spec = template
        .withClusterName(CLUSTER)
        .withBootstrap(template.bootstrapOrEmpty()
            .withConfigRef(ContractVersionedObjectReference.of(Capi.BOOTSTRAP_GROUP, "KubeadmConfig", name))
            .withDataSecretName(name))
        .withInfrastructureRef(ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, "DockerMachine", name))
        .withProviderID(ready ? providerID : "");
    Instant readyAt = created.plusSeconds(20);
    List<Condition> conds = new ArrayList<>(7);
    conds.add(cond(Capi.Conditions.BOOTSTRAP_CONFIG_READY, true, created.plusSeconds(2)));
    conds.add(cond(Capi.Conditions.INFRASTRUCTURE_READY, ready, readyAt));
    conds.add(cond(Capi.Conditions.NODE_READY, ready, readyAt));
    conds.add(cond(Capi.Conditions.NODE_HEALTHY, ready, readyAt));
    conds.add(cond(Capi.Conditions.READY, ready, readyAt));
    conds.add(cond(Capi.Conditions.AVAILABLE, ready, readyAt));
    conds.add(cond(Capi.Conditions.UP_TO_DATE, upToDate, created));
    var status = MachineStatus.builder()
        .conditions(conds)
        .initialization(MachineInitializationStatus.builder()
            .bootstrapDataSecretCreated(true).infrastructureProvisioned(ready).build())
        .phase(ready ? MachineStatus.PHASE_RUNNING : MachineStatus.PHASE_PROVISIONING)
        .observedGeneration(1L);
    if (ready) {
      status.nodeRef(MachineNodeReference.of(CLUSTER + "-" + name))
          .nodeInfo(new NodeSystemInfoBuilder().withKubeletVersion(version).withOperatingSystem("linux")
              .withArchitecture("amd64").build());
    }
    Map<String, String> labels = new LinkedHashMap<>(MachineSetPlanner.machineLabels(ms));
    return ImmutableMachine.builder()
        .metadata(new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(NAMESPACE)
            .withUid("uid-" + name)
            .withCreationTimestamp(created.toString())
            .withResourceVersion(Integer.toString(1000 + i))
            .withGeneration(1L)
            .withLabels(labels)
            .withAnnotations(MachineSetPlanner.machineAnnotations(ms))
            .withFinalizers(Capi.MACHINE_FINALIZER)
            .withOwnerReferences(MachineSetPlanner.controllerRef(ms))
            .build())
        .spec(spec)
        .status(status.build())
        .build();
  }

  private static Condition cond(String type, boolean ok, Instant at) {
    return Conditions.of(type, ok ? Conditions.TRUE : Conditions.FALSE, ok ? type : "Not" + type, "", at);
  }

  private static Cluster cluster() {
    return Cluster.builder()
        .metadata(new ObjectMetaBuilder().withName(CLUSTER).withNamespace(NAMESPACE).withUid("uid-cluster").build())
        .spec(ClusterSpec.builder()
            .controlPlaneRef(ContractVersionedObjectReference.of(Capi.CONTROLPLANE_GROUP, "KubeadmControlPlane",
                CLUSTER + "-control-plane"))
            .build())
        .status(ClusterStatus.builder()
            .addCondition(Conditions.of(Capi.Conditions.CONTROL_PLANE_INITIALIZED, Conditions.TRUE, "Initialized", "", T0))
            .addCondition(Conditions.of(Capi.Conditions.INFRASTRUCTURE_READY, Conditions.TRUE, "Ready", "", T0))
            .initialization(ClusterInitializationStatus.builder()
                .infrastructureProvisioned(true).controlPlaneInitialized(true).build())
            .build())
        .build();
  }

  private static GenericKubernetesResource controlPlane() {
    GenericKubernetesResource cp = new GenericKubernetesResourceBuilder()
        .withApiVersion(Capi.CONTROLPLANE_GROUP + "/v1beta2").withKind("KubeadmControlPlane")
        .withMetadata(new ObjectMetaBuilder().withName(CLUSTER + "-control-plane").withNamespace(NAMESPACE).build())
        .build();
    cp.setAdditionalProperties(new LinkedHashMap<>(Map.of(
        "spec", Map.of("version", NEW_VERSION),
        "status", Map.of("version", NEW_VERSION, "versions", List.of(Map.of("version", NEW_VERSION))))));
    return cp;
  }
}
