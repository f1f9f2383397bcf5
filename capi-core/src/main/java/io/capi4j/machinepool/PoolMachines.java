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

  /**
   * One InfraMachine with the contract fields the planner reads of it, each read once per object (objects are
   * immutable values; {@link MachinePoolMemory} keeps these between reconciles): {@code metadata.name},
   * {@code kind}, the group of its {@code apiVersion}, whether it is one of the pool's (computed for one
   * InfraMachinePool kind and group, namespace, pool label and cluster name), and on first use
   * {@code spec.providerID}.
   */
  static final class InfraMachine {
    final Object object;
    final String name;
    final String kind;
    final String group;
    /** Upstream's selection: the InfraMachinePool's kind and group, the pool's namespace and labels. */
    final boolean member;
    private Optional<String> providerID;

    InfraMachine(Object o, String poolKind, String poolGroup, String namespace, String poolLabel, String clusterName) {
      this.object = o;
      this.kind = Contracts.string(o, "kind").orElse("");
      this.group = GroupVersionKind.of(Contracts.string(o, "apiVersion").orElse(""), kind).group();
      this.member = kind.equals(poolKind) && group.equals(poolGroup) && namespace(o).equals(namespace)
          && hasPoolLabels(poolLabel, clusterName, labels(o));
      this.name = name(o);
    }

    /** {@code Contracts.providerID}. */
    Optional<String> providerID() {
      if (providerID == null) {
        providerID = Contracts.providerID(object);
      }
      return providerID;
    }
  }

  /** The InfraMachines of the pool, as upstream's label-selected list of {@code <infrastructureMachineKind>}. */
  static List<InfraMachine> infraMachines(PlanScope s, Object infraPool, String kind) {
    return s.infraMachines(infraPool, kind);
  }

  /** {@link #infraMachines}, computed (see {@link PlanScope#infraMachines}, which keeps it for the plan). */
  static List<InfraMachine> selectInfraMachines(PlanScope s, Object infraPool, String kind) {
    String apiVersion = Contracts.string(infraPool, "apiVersion").orElse("");
    String group = GroupVersionKind.of(apiVersion, kind).group();
    String namespace = s.mp.namespace();
    String clusterName = s.mp.spec().clusterName();
    s.memory.useInfra(List.of(kind, group));
    List<InfraMachine> out = new ArrayList<>();
    for (InfraMachine im : s.memory.infraMachines.of(s.in.infraMachines(),
        o -> new InfraMachine(o, kind, group, namespace, s.poolLabel, clusterName))) {
      if (im.member) {
        out.add(im);
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /** {@code reconcileMachines}: one Machine per InfraMachine, created or patched. */
  static void reconcile(PlanScope s, Object infraPool) {
    Optional<String> kind = s.infrastructureMachineKind(infraPool);
    if (kind.isEmpty()) {
      return;
    }
    List<InfraMachine> infraMachines = infraMachines(s, infraPool, kind.get());
    Map<String, MachineFacts> byInfraName = s.memory.machinesByInfraName.of(MachineFacts.of(s.in.machines(), s));
    Unchanged unchanged = new Unchanged(s);
    for (InfraMachine entry : infraMachines) {
      Object im = entry.object;
      String name = entry.name;
      Optional<String> providerID = entry.providerID();
      Node node = s.nodeRefMap == null ? null : providerID.map(s.nodeRefMap::get).orElse(null);
      MachineFacts existingFacts = byInfraName.get(name);
      Machine existing = existingFacts == null ? null : existingFacts.machine;
      if (existing != null && unchanged.test(entry, existingFacts, node)) {
        assert desiredMachine(s.mp, im, existing, node).equals(existing) : "Unchanged is wrong about " + name;
        continue; // desiredMachine would equal existing
      }
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
    Optional<String> kind = s.infrastructureMachineKind(s.infraMachinePool);
    if (kind.isEmpty()) {
      return;
    }
    Map<String, InfraMachine> infraByName =
        s.memory.infraMachinesByName.of(infraMachines(s, s.infraMachinePool, kind.get()));
    for (MachineFacts f : s.machineFacts()) {
      if (f.deleting) {
        continue;
      }
      Machine m = f.machine;
      String infraName = f.infraRefName;
      InfraMachine im = infraByName.get(infraName);
      if (im == null) {
        if (s.in.options().deleteOrphanMachines() && !s.creates.containsKey(m.name())) {
          String reason = "its " + kind.get() + " " + infraName + " no longer exists (capi4j deletes orphan"
              + " MachinePool Machines in core; upstream leaves this to the pool provider)";
          s.machineDeletions.add(new MachineDeletion(m.name(), reason));
          s.step("machines: delete Machine " + m.name() + ": " + reason);
        }
        continue;
      }
      if (f.deleteAnnotated) {
        String providerID = !m.spec().providerID().isEmpty() ? m.spec().providerID() : im.providerID().orElse("");
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
    // Built on first use: most reconciles need neither.
    Map<String, PoolInstance> instances = null;
    Map<String, InfraMachine> infraProviderIDs = null;
    boolean truthful = s.in.options().statusPolicy() == StatusPolicy.TRUTHFUL;
    // The condition of each verdict, with this reconcile's time, is the same for every Machine.
    Condition[] verdicts = new Condition[4];
    List<Machine> updated = new ArrayList<>(s.machines.size());
    List<MachineFacts> updatedFacts = new ArrayList<>(s.machines.size());
    for (MachineFacts f : s.machineFacts()) {
      Machine m = f.machine;
      int verdict;
      if (f.deleting) {
        verdict = 0;
      } else if (!truthful) {
        verdict = 1;
      } else {
        String providerID = f.specProviderID;
        if (providerID.isEmpty()) {
          if (infraProviderIDs == null) {
            // The pool's InfraMachines that have a provider ID, by name (the last of each).
            Optional<String> k = s.infraMachinePool == null ? Optional.empty()
                : s.infrastructureMachineKind(s.infraMachinePool);
            infraProviderIDs = k.isEmpty() ? Map.of()
                : s.memory.infraMachinesWithProviderID.of(infraMachines(s, s.infraMachinePool, k.get()));
          }
          InfraMachine im = infraProviderIDs.get(f.infraRefName);
          providerID = im == null ? "" : im.providerID().get();
        }
        if (instances == null) {
          instances = s.in.poolInstances().map(l -> s.memory.instances.of(l)).orElse(Map.of());
        }
        Optional<Boolean> upToDate = Optional.ofNullable(instances.get(providerID)).flatMap(PoolInstance::upToDate);
        verdict = upToDate.isEmpty() ? 2 : upToDate.get() ? 1 : 3;
      }
      if (verdicts[verdict] == null) {
        verdicts[verdict] = upToDateCondition(verdict, s.in.now());
      }
      // Whether Conditions.set keeps the conditions depends on the verdict's status, reason and message, not on the
      // time: remembered per verdict.
      if (f.keepsUpToDate[verdict] == 0) {
        f.keepsUpToDate[verdict] = (byte) (m.status().isPresent()
            && Conditions.setKeeps(f.conditions(), verdicts[verdict]) ? 1 : 2);
      }
      if (f.keepsUpToDate[verdict] == 1) {
        updated.add(m); // Conditions.set would give back an equal list
        updatedFacts.add(f);
        continue;
      }
      MachineStatus st = m.status().orElse(MachineStatus.builder().build());
      Condition c = upToDateCondition(verdict, s.in.now());
      List<Condition> conds = Conditions.set(st.conditions(), c);
      if (conds.equals(st.conditions())) {
        updated.add(m);
        updatedFacts.add(f);
        continue;
      }
      Machine next = m.withStatus(st.withConditions(conds));
      updated.add(next);
      updatedFacts.add(new MachineFacts(next, s));
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
    s.machines(List.copyOf(updated), updatedFacts);
  }

  /** The empty bootstrap {@link #desiredMachine} sets. */
  private static final Optional<Bootstrap> NO_BOOTSTRAP = Optional.of(Bootstrap.builder().dataSecretName("").build());

  /**
   * Tells, without building it, that {@link #desiredMachine} of an existing Machine would equal that Machine: the
   * fields it sets already hold what it would set them to. When this says false the Machine may still be up to
   * date: build it and compare.
   */
  static final class Unchanged {
    private final MachinePool mp;
    private final String poolLabel;
    private final String clusterName;
    private final Map<String, String> templateLabels;
    private final Map<String, String> templateAnnotations;
    private final OwnerReference owner;

    Unchanged(PlanScope s) {
      this.mp = s.mp;
      this.poolLabel = s.poolLabel;
      this.clusterName = s.mp.spec().clusterName();
      TemplateMeta tmeta = s.mp.spec().templateOrEmpty().metadataOrEmpty();
      this.templateLabels = tmeta.labels();
      this.templateAnnotations = tmeta.annotations();
      this.owner = poolOwner(s.mp);
    }

    boolean test(InfraMachine infraMachine, MachineFacts existing, Node node) {
      if (existing.unchangedStatic == 0) {
        existing.unchangedStatic = (byte) (staticPart(existing.machine) ? 1 : 2);
      }
      if (existing.unchangedStatic != 1) {
        return false;
      }
      // The version from the Node and the reference to the InfraMachine, remembered for the same Node and entry.
      if (existing.versionOf != node || !existing.versionChecked) {
        existing.versionOf = node;
        existing.versionChecked = true;
        existing.versionMatches = existing.machine.spec().version().equals(node == null ? "" : Nodes.kubeletVersion(node));
      }
      if (!existing.versionMatches) {
        return false;
      }
      if (existing.refOf != infraMachine) {
        existing.refOf = infraMachine;
        // ContractVersionedObjectReference.of(group, kind, name): those three, no unknown fields.
        ContractVersionedObjectReference ref = existing.machine.spec().infrastructureRef().get();
        existing.refMatches = ref.name().equals(infraMachine.name) && ref.kind().equals(infraMachine.kind)
            && ref.apiGroup().equals(infraMachine.group) && ref.unknownFields().isEmpty();
      }
      return existing.refMatches;
    }

    /** The checks that depend on the Machine and the pool only (see {@link MachineFacts#unchangedStatic}). */
    private boolean staticPart(Machine existing) {
      ObjectMeta meta = existing.metadata();
      if (meta.getName() == null || !java.util.Objects.equals(meta.getNamespace(), mp.namespace())) {
        return false;
      }
      // Labels: the existing ones, then the template's, then the pool and cluster labels.
      Map<String, String> labels = meta.getLabels();
      if (labels == null || !poolLabel.equals(labels.get(Capi.MACHINE_POOL_NAME_LABEL))
          || !clusterName.equals(labels.get(Capi.CLUSTER_NAME_LABEL))) {
        return false;
      }
      for (Map.Entry<String, String> e : templateLabels.entrySet()) {
        if (!e.getKey().equals(Capi.MACHINE_POOL_NAME_LABEL) && !e.getKey().equals(Capi.CLUSTER_NAME_LABEL)
            && !e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
      Map<String, String> annotations = meta.getAnnotations();
      if (annotations == null) {
        return false;
      }
      for (Map.Entry<String, String> e : templateAnnotations.entrySet()) {
        if (!e.getValue().equals(annotations.get(e.getKey()))) {
          return false;
        }
      }
      // Owners: the others in order, then the pool's controller reference last.
      List<OwnerReference> owners = meta.getOwnerReferences();
      if (owners == null || owners.isEmpty() || !owner.equals(owners.get(owners.size() - 1))) {
        return false;
      }
      for (int i = 0; i < owners.size() - 1; i++) {
        OwnerReference o = owners.get(i);
        if (MachinePool.KIND.equals(o.getKind()) && mp.name().equals(o.getName())) {
          return false;
        }
      }
      MachineSpec spec = existing.spec();
      return spec.clusterName().equals(clusterName) && spec.bootstrap().equals(NO_BOOTSTRAP)
          && spec.infrastructureRef().isPresent();
    }
  }

  /** The MachinePool's controller owner reference on its Machines. */
  private static OwnerReference poolOwner(MachinePool mp) {
    return new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind(MachinePool.KIND)
        .withName(mp.name()).withUid(mp.metadata().getUid()).withController(true).withBlockOwnerDeletion(true).build();
  }

  /** The {@code UpToDate} condition: 0 being deleted, 1 up to date, 2 unknown, 3 not on the latest model. */
  private static Condition upToDateCondition(int verdict, java.time.Instant now) {
    return switch (verdict) {
      case 0 -> Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.FALSE, Capi.Reasons.NOT_UP_TO_DATE,
          MACHINE_IS_BEING_DELETED, now);
      case 1 -> Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.TRUE, Capi.Reasons.UP_TO_DATE, "", now);
      case 2 -> Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.UNKNOWN, Capi.Reasons.UP_TO_DATE_UNKNOWN,
          INSTANCE_UP_TO_DATE_UNKNOWN, now);
      default -> Conditions.of(Capi.Conditions.UP_TO_DATE, Conditions.FALSE, Capi.Reasons.NOT_UP_TO_DATE,
          INSTANCE_NOT_UP_TO_DATE, now);
    };
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

    OwnerReference owner = poolOwner(mp);
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

  /** Labelled for the pool: the pool label's value ({@code KubernetesNames.mustFormatValue} of its name) and cluster. */
  static boolean hasPoolLabels(String poolLabel, String clusterName, Map<String, String> labels) {
    return poolLabel.equals(labels.get(Capi.MACHINE_POOL_NAME_LABEL))
        && clusterName.equals(labels.get(Capi.CLUSTER_NAME_LABEL));
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
