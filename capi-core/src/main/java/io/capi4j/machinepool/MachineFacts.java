package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the planner reads of one Machine, each read once per Machine instance (a Machine is an immutable value): its
 * membership of the pool, references, and what its conditions say. Membership is computed for one pool (namespace,
 * pool label, cluster name, MachinePool name); {@link MachinePoolMemory} forgets the facts when those change. The
 * lazily computed facts are the same whenever they are computed.
 */
final class MachineFacts {
  final Machine machine;
  /** Upstream's label selection: the pool's namespace, pool label and cluster name. */
  final boolean member;
  /** {@code getMachinesForMachinePool}: a member, and not controlled by another owner than the pool. */
  final boolean poolMachine;
  /** {@code spec.infrastructureRef.name}, or {@code ""}. */
  final String infraRefName;
  final boolean deleting;
  final String specProviderID;
  final String specVersion;
  /** Whether it carries {@code cluster.x-k8s.io/delete-machine}. */
  final boolean deleteAnnotated;

  private List<Condition> conditions;
  /** {@link PoolMachines.Unchanged}'s checks that do not depend on the InfraMachine or Node: 0 unknown, 1, 2. */
  byte unchangedStatic;
  /** {@link PoolMachines.Unchanged}'s version check, for this Node. */
  io.fabric8.kubernetes.api.model.Node versionOf;
  boolean versionChecked;
  boolean versionMatches;
  /** {@link PoolMachines.Unchanged}'s infrastructureRef check, for this InfraMachine. */
  PoolMachines.InfraMachine refOf;
  boolean refMatches;
  /** Whether {@code Conditions.set} keeps the conditions, per UpToDate verdict: 0 unknown, 1 yes, 2 no. */
  final byte[] keepsUpToDate = new byte[4];
  private MachinesAggregate.Entry readyEntry;
  private MachinesAggregate.Entry upToDateEntry;
  private Optional<Instant> created;

  MachineFacts(Machine m, String namespace, String poolLabel, String clusterName, String poolName) {
    this.machine = m;
    this.member = m.namespace().equals(namespace) && PoolMachines.hasPoolLabels(poolLabel, clusterName, m.labels());
    this.poolMachine = member && controllerIsNoneOrPool(m, poolName);
    this.infraRefName = m.spec().infrastructureRef().map(ContractVersionedObjectReference::name).orElse("");
    this.deleting = m.isDeleting();
    this.specProviderID = m.spec().providerID();
    this.specVersion = m.spec().version();
    this.deleteAnnotated = m.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION);
  }

  private static boolean controllerIsNoneOrPool(Machine m, String poolName) {
    List<OwnerReference> refs = m.metadata().getOwnerReferences();
    if (refs == null) {
      return true;
    }
    for (OwnerReference o : refs) {
      if (Boolean.TRUE.equals(o.getController())) {
        return MachinePool.KIND.equals(o.getKind()) && poolName.equals(o.getName());
      }
    }
    return true;
  }

  /** The Machine's conditions (none without a status). */
  List<Condition> conditions() {
    if (conditions == null) {
      conditions = machine.status().map(MachineStatus::conditions).orElse(List.of());
    }
    return conditions;
  }

  /** {@link MachinesAggregate}'s entry of the Machine for a source condition type. */
  MachinesAggregate.Entry entry(String sourceType) {
    if (Capi.Conditions.READY.equals(sourceType)) {
      if (readyEntry == null) {
        readyEntry = MachinesAggregate.entry(machine, conditions(), sourceType);
      }
      return readyEntry;
    }
    if (Capi.Conditions.UP_TO_DATE.equals(sourceType)) {
      if (upToDateEntry == null) {
        upToDateEntry = MachinesAggregate.entry(machine, conditions(), sourceType);
      }
      return upToDateEntry;
    }
    return MachinesAggregate.entry(machine, conditions(), sourceType);
  }

  /** Whether the Machine has an {@code UpToDate} condition. */
  boolean hasUpToDate() {
    return entry(Capi.Conditions.UP_TO_DATE).reported();
  }

  /** {@code metadata.creationTimestamp}, parsed. */
  Optional<Instant> created() {
    if (created == null) {
      created = Conditions.parseTime(machine.metadata().getCreationTimestamp());
    }
    return created;
  }

  /** Builds the facts of each Machine of a list that are not remembered from the last one. */
  static List<MachineFacts> of(List<Machine> machines, PlanScope s) {
    return s.memory.machines.of(machines, m -> new MachineFacts(m, s));
  }

  MachineFacts(Machine m, PlanScope s) {
    this(m, s.mp.namespace(), s.poolLabel, s.mp.spec().clusterName(), s.mp.name());
  }
}
