package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.conditions.Conditions;
import io.capi4j.external.Contracts;
import io.capi4j.machinepool.MachinePoolPlan.InstanceRemoval;
import io.capi4j.machinepool.MachinePoolPlan.MachineDeletion;
import io.capi4j.machinepool.MachinePoolPlan.MachineWrite;
import io.capi4j.spi.GroupVersionKind;
import io.capi4j.spi.PoolInstance;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MachinePool Machines (upstream's {@code reconcileMachines}, {@code createOrUpdateMachines},
 * {@code computeDesiredMachine}, {@code getMachinesForMachinePool} and {@code setMachinesUptoDate}), plus two capi4j
 * additions: deleting orphan Machines and reporting the instances whose Machine carries
 * {@code cluster.x-k8s.io/delete-machine}.
 */
final class PoolMachines {
  private PoolMachines() {}

  static final String MACHINE_IS_BEING_DELETED = "Machine is being deleted";
  static final String INSTANCE_NOT_UP_TO_DATE = "* Instance is not on the MachinePool's latest model";
  static final String INSTANCE_UP_TO_DATE_UNKNOWN =
      "The infrastructure provider does not report whether the instance is on the MachinePool's latest model";

  /** The InfraMachines of the pool, as upstream's label-selected list of {@code <infrastructureMachineKind>}. */
  static List<Object> infraMachines(PlanScope s, Object infraPool, String kind) {
    String apiVersion = Contracts.string(infraPool, "apiVersion").orElse("");
    String group = GroupVersionKind.of(apiVersion, kind).group();
    List<Object> out = new ArrayList<>();
    for (Object o : s.in.infraMachines()) {
      String k = Contracts.string(o, "kind").orElse("");
      String g = GroupVersionKind.of(Contracts.string(o, "apiVersion").orElse(""), k).group();
      if (k.equals(kind) && g.equals(group) && namespace(o).equals(s.mp.namespace()) && hasPoolLabels(s.mp, labels(o))) {
        out.add(o);
      }
    }
    return out;
  }

  /** Upstream's {@code getMachinesForMachinePool}: labelled for the pool, and not controlled by another owner. */
  static List<Machine> poolMachines(MachinePoolInput in, MachinePool mp) {
    return in.machines().stream()
        .filter(m -> m.namespace().equals(mp.namespace()) && hasPoolLabels(mp, m.labels()))
        .filter(m -> controller(m.metadata()).map(o -> isPoolOwner(o, mp)).orElse(true))
        .toList();
  }

  /** {@code reconcileMachines}: one Machine per InfraMachine, created or patched. */
  static void reconcile(PlanScope s, Object infraPool) {
    Optional<String> kind = Contracts.infrastructureMachineKind(infraPool);
    if (kind.isEmpty()) {
      return;
    }
    List<Object> infraMachines = infraMachines(s, infraPool, kind.get());
    Map<String, Machine> byInfraName = new LinkedHashMap<>();
    for (Machine m : s.in.machines()) {
      if (m.namespace().equals(s.mp.namespace()) && hasPoolLabels(s.mp, m.labels())) {
        byInfraName.put(m.spec().infrastructureRefOrEmpty().name(), m);
      }
    }
    for (Object im : infraMachines) {
      String name = name(im);
      Optional<String> providerID = Contracts.providerID(im);
      Node node = s.nodeRefMap == null ? null : providerID.map(s.nodeRefMap::get).orElse(null);
      Machine existing = byInfraName.get(name);
      Machine desired = desiredMachine(s.mp, im, existing, node);
      if (existing == null) {
        s.creates.put(desired.name(), new MachineWrite(desired,
            "MachinePool Machine for " + kind.get() + " " + name + ": every instance of the pool gets a Machine"));
        s.step("machines: create Machine " + desired.name() + " for " + kind.get() + " " + name);
      } else if (!desired.equals(existing)) {
        s.updates.put(existing.name(), new MachineWrite(desired,
            "keep Machine " + existing.name() + " in line with " + kind.get() + " " + name + " and the MachinePool"
                + " template"));
        s.step("machines: patch Machine " + existing.name() + " (labels, owner, infrastructureRef or version)");
      }
    }
  }

  /**
   * capi4j: delete the pool's Machines whose InfraMachine is gone, and report the instances asked to be removed
   * with {@code cluster.x-k8s.io/delete-machine}.
   */
  static void orphansAndRemovals(PlanScope s) {
    if (s.infraMachinePool == null || Contracts.deleting(s.infraMachinePool)) {
      return;
    }
    Optional<String> kind = Contracts.infrastructureMachineKind(s.infraMachinePool);
    if (kind.isEmpty()) {
      return;
    }
    Map<String, Object> infraByName = new LinkedHashMap<>();
    for (Object im : infraMachines(s, s.infraMachinePool, kind.get())) {
      infraByName.put(name(im), im);
    }
    for (Machine m : s.machines) {
      if (m.isDeleting()) {
        continue;
      }
      String infraName = m.spec().infrastructureRefOrEmpty().name();
      Object im = infraByName.get(infraName);
      if (im == null) {
        if (s.in.options().deleteOrphanMachines() && !s.creates.containsKey(m.name())) {
          String reason = "its " + kind.get() + " " + infraName + " no longer exists (capi4j deletes orphan"
              + " MachinePool Machines in core; upstream leaves this to the pool provider)";
          s.machineDeletions.add(new MachineDeletion(m.name(), reason));
          s.step("machines: delete Machine " + m.name() + ": " + reason);
        }
        continue;
      }
      if (m.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION)) {
        String providerID = !m.spec().providerID().isEmpty() ? m.spec().providerID() : Contracts.providerID(im).orElse("");
        String reason = "Machine " + m.name() + " carries " + Capi.DELETE_MACHINE_ANNOTATION
            + ": the pool provider removes this instance before any other";
        s.removals.add(new InstanceRemoval(m.name(), infraName, providerID, reason));
        s.step("machines: " + reason);
      }
    }
  }

  /**
   * {@code setMachinesUptoDate}: the {@code UpToDate} condition of every pool Machine. Upstream sets it True unless
   * the Machine is being deleted; {@link StatusPolicy#TRUTHFUL} asks the provider's instance report instead.
   */
  static void setUpToDate(PlanScope s) {
    Map<String, PoolInstance> instances = new LinkedHashMap<>();
    s.in.poolInstances().ifPresent(l -> l.forEach(i -> instances.put(i.providerID(), i)));
    Map<String, String> infraProviderIDs = new LinkedHashMap<>();
    if (s.infraMachinePool != null) {
      Contracts.infrastructureMachineKind(s.infraMachinePool).ifPresent(k -> infraMachines(s, s.infraMachinePool, k)
          .forEach(im -> Contracts.providerID(im).ifPresent(p -> infraProviderIDs.put(name(im), p))));
    }
    boolean truthful = s.in.options().statusPolicy() == StatusPolicy.TRUTHFUL;
    List<Machine> updated = new ArrayList<>();
    for (Machine m : s.machines) {
      Condition c;
      if (m.isDeleting()) {
        c = Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.FALSE, Capi.Reasons.NOT_UP_TO_DATE,
            MACHINE_IS_BEING_DELETED, s.in.now());
      } else if (!truthful) {
        c = Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.TRUE, Capi.Reasons.UP_TO_DATE, "", s.in.now());
      } else {
        String providerID = !m.spec().providerID().isEmpty() ? m.spec().providerID()
            : infraProviderIDs.getOrDefault(m.spec().infrastructureRefOrEmpty().name(), "");
        Optional<Boolean> upToDate = Optional.ofNullable(instances.get(providerID)).flatMap(PoolInstance::upToDate);
        if (upToDate.isEmpty()) {
          c = Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.UNKNOWN, Capi.Reasons.UP_TO_DATE_UNKNOWN,
              INSTANCE_UP_TO_DATE_UNKNOWN, s.in.now());
        } else if (upToDate.get()) {
          c = Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.TRUE, Capi.Reasons.UP_TO_DATE, "", s.in.now());
        } else {
          c = Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.FALSE, Capi.Reasons.NOT_UP_TO_DATE,
              INSTANCE_NOT_UP_TO_DATE, s.in.now());
        }
      }
      MachineStatus st = m.status().orElse(MachineStatus.builder().build());
      List<Condition> conds = Conditions.set(st.conditions(), c);
      if (conds.equals(st.conditions())) {
        updated.add(m);
        continue;
      }
      Machine next = m.withStatus(st.withConditions(conds));
      updated.add(next);
      String why = "UpToDate=" + c.getStatus() + " (" + c.getReason() + ")";
      MachineWrite created = s.creates.get(m.name());
      if (created != null) {
        s.creates.put(m.name(), new MachineWrite(next, created.reason() + "; then write its status: " + why));
      } else {
        MachineWrite prior = s.updates.get(m.name());
        Machine base = prior == null ? next : prior.machine().withStatus(next.status());
        s.updates.put(m.name(), new MachineWrite(base,
            (prior == null ? "" : prior.reason() + "; ") + "set the Machine's " + why));
      }
      s.step("machines: Machine " + m.name() + " " + why);
    }
    s.machines = List.copyOf(updated);
  }

  /** {@code computeDesiredMachine}, merged into the existing Machine as server-side apply would. */
  static Machine desiredMachine(MachinePool mp, Object infraMachine, Machine existing, Node node) {
    String name = name(infraMachine);
    String kind = Contracts.string(infraMachine, "kind").orElse("");
    String group = GroupVersionKind.of(Contracts.string(infraMachine, "apiVersion").orElse(""), kind).group();
    ContractVersionedObjectReference infraRef = ContractVersionedObjectReference.of(group, kind, name);
    String version = node == null ? "" : Nodes.kubeletVersion(node);
    TemplateMeta tmeta = mp.spec().templateOrEmpty().metadataOrEmpty();

    Map<String, String> labels = new LinkedHashMap<>(existing == null ? Map.of() : existing.labels());
    labels.putAll(tmeta.labels());
    labels.put(Capi.MACHINE_POOL_NAME_LABEL, KubernetesNames.mustFormatValue(mp.name()));
    labels.put(Capi.CLUSTER_NAME_LABEL, mp.spec().clusterName());
    Map<String, String> annotations = new LinkedHashMap<>(existing == null ? Map.of() : existing.annotations());
    annotations.putAll(tmeta.annotations());

    OwnerReference owner = new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind(MachinePool.KIND)
        .withName(mp.name()).withUid(mp.metadata().getUid()).withController(true).withBlockOwnerDeletion(true).build();
    List<OwnerReference> owners = new ArrayList<>();
    if (existing != null && existing.metadata().getOwnerReferences() != null) {
      for (OwnerReference o : existing.metadata().getOwnerReferences()) {
        if (!(MachinePool.KIND.equals(o.getKind()) && mp.name().equals(o.getName()))) {
          owners.add(o);
        }
      }
    }
    owners.add(owner);

    ObjectMetaBuilder meta = existing == null ? new ObjectMetaBuilder() : new ObjectMetaBuilder(existing.metadata());
    meta.withName(existing == null ? name : existing.name()).withNamespace(mp.namespace())
        .withLabels(labels).withAnnotations(annotations).withOwnerReferences(owners);

    MachineSpec spec = existing == null ? MachineSpec.builder().build() : existing.spec();
    spec = spec.withClusterName(mp.spec().clusterName())
        .withBootstrap(Bootstrap.builder().dataSecretName("").build())
        .withInfrastructureRef(infraRef)
        .withVersion(version);
    Machine base = existing == null ? io.capi4j.api.core.v1beta2.ImmutableMachine.builder().build() : existing;
    return base.withMetadata(meta.build()).withSpec(spec);
  }

  static boolean hasPoolLabels(MachinePool mp, Map<String, String> labels) {
    return KubernetesNames.mustFormatValue(mp.name()).equals(labels.get(Capi.MACHINE_POOL_NAME_LABEL))
        && mp.spec().clusterName().equals(labels.get(Capi.CLUSTER_NAME_LABEL));
  }

  private static Optional<OwnerReference> controller(ObjectMeta meta) {
    if (meta.getOwnerReferences() == null) {
      return Optional.empty();
    }
    return meta.getOwnerReferences().stream().filter(o -> Boolean.TRUE.equals(o.getController())).findFirst();
  }

  private static boolean isPoolOwner(OwnerReference o, MachinePool mp) {
    return MachinePool.KIND.equals(o.getKind()) && mp.name().equals(o.getName());
  }

  static String name(Object o) {
    return Contracts.string(o, "metadata.name").orElse("");
  }

  static String namespace(Object o) {
    return Contracts.string(o, "metadata.namespace").orElse("");
  }

  static Map<String, String> labels(Object o) {
    return Contracts.labels(o);
  }

  static Set<String> names(List<Object> objects) {
    Set<String> out = new LinkedHashSet<>();
    objects.forEach(o -> out.add(name(o)));
    return out;
  }
}
