package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.util.IndexMemo;
import io.capi4j.util.ListMemo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link MachinePoolPlanner} derived from the objects of one MachinePool's last reconcile, so that the next
 * reconcile derives it again only for objects that changed. Objects are immutable values: an object seen again (the
 * same instance) has the same facts. A plan is exactly the same with or without a memory
 * ({@link MachinePoolInput#memory()}); with one, a reconcile of a large pool costs little more than its changes.
 *
 * <p>Keep one memory per MachinePool and pass it to every reconcile of that pool, one reconcile at a time (a memory
 * is not thread-safe). A memory passed to another pool is not wrong, only useless: it forgets what it knew.
 */
public final class MachinePoolMemory {
  /** The pool's values the facts depend on, besides the objects themselves. */
  private List<Object> pool;
  final ListMemo<Machine, MachineFacts> machines = new ListMemo<>();
  final ListMemo<Object, PoolMachines.InfraMachine> infraMachines = new ListMemo<>();
  private List<Object> infraPool;
  /** The pool's Machines by the name of their InfraMachine (non-members have no key). */
  final IndexMemo<MachineFacts, String> machinesByInfraName =
      new IndexMemo<>(f -> f.member ? f.infraRefName : null, false);
  /** The pool's InfraMachines by name. */
  final IndexMemo<PoolMachines.InfraMachine, String> infraMachinesByName = new IndexMemo<>(im -> im.name, false);
  /** The pool's InfraMachines that have a provider ID, by name. */
  final IndexMemo<PoolMachines.InfraMachine, String> infraMachinesWithProviderID =
      new IndexMemo<>(im -> im.providerID().isPresent() ? im.name : null, false);
  /** The provider's instance reports by provider ID. */
  final IndexMemo<io.capi4j.spi.PoolInstance, String> instances =
      new IndexMemo<>(io.capi4j.spi.PoolInstance::providerID, false);
  /** The Nodes' facts, by provider ID (the last of each; none for an empty one) and by name (the first of each). */
  final ListMemo<io.fabric8.kubernetes.api.model.Node, NodeFacts> nodes = new ListMemo<>();
  final IndexMemo<NodeFacts, String> nodesByProviderID =
      new IndexMemo<>(f -> f.providerID.isEmpty() ? null : f.providerID, false);
  final IndexMemo<NodeFacts, String> nodesByName = new IndexMemo<>(f -> f.name, true);
  private Map<String, String> nodeAnnotations;
  /** The MachinePool's {@code spec.providerIDList}, as a set. */
  final IndexMemo<String, String> providerIDs = new IndexMemo<>(id -> id, false);

  /** The annotations the pool's Nodes get: the last call's map when equal (so that Node facts compare by reference). */
  Map<String, String> nodeAnnotations(Map<String, String> desired) {
    if (!desired.equals(nodeAnnotations)) {
      nodeAnnotations = desired;
    }
    return nodeAnnotations;
  }

  /** {@link MachinePoolRemediationPlanner}'s: whether each Machine is one it acts on. */
  final ListMemo<Machine, Boolean> remediation = new ListMemo<>();
  private List<Object> remediationPool;

  private MachinePoolMemory() {}

  /** An empty memory. */
  public static MachinePoolMemory create() {
    return new MachinePoolMemory();
  }

  /** Forgets everything when the pool's values the Machine facts depend on changed. */
  void use(List<Object> pool) {
    if (!Objects.equals(this.pool, pool)) {
      machines.clear();
      infraMachines.clear();
      this.infraPool = null;
      this.pool = pool;
    }
  }

  /** Forgets the remediation facts when the pool's namespace, label or name changed. */
  void useRemediation(List<Object> pool) {
    if (!Objects.equals(this.remediationPool, pool)) {
      remediation.clear();
      this.remediationPool = pool;
    }
  }

  /** Forgets the InfraMachine facts when the InfraMachinePool's kind or group changed. */
  void useInfra(List<Object> infraPool) {
    if (!Objects.equals(this.infraPool, infraPool)) {
      infraMachines.clear();
      this.infraPool = infraPool;
    }
  }
}
