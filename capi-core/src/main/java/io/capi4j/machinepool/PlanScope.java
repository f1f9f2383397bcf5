package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolDeprecatedStatus;
import io.capi4j.api.core.v1beta2.MachinePoolInitializationStatus;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.api.core.v1beta2.MachinePoolV1Beta1DeprecatedStatus;
import io.capi4j.machinepool.MachinePoolPlan.ExternalDeletion;
import io.capi4j.machinepool.MachinePoolPlan.InstanceRemoval;
import io.capi4j.machinepool.MachinePoolPlan.MachineDeletion;
import io.capi4j.machinepool.MachinePoolPlan.MachineWrite;
import io.capi4j.machinepool.MachinePoolPlan.NodeDeletion;
import io.capi4j.machinepool.MachinePoolPlan.NodePatch;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working state of one planning run, as upstream's {@code scope}: the MachinePool being rewritten, what the
 * phases learned, and the plan's lists. Used by one thread for one {@link MachinePoolPlanner#plan} call only.
 */
final class PlanScope {
  final MachinePoolInput in;
  MachinePool mp;
  /** Upstream's {@code nodeRefMap}; null until the infrastructure phase builds it, or when Nodes were not listed. */
  Map<String, Node> nodeRefMap;
  /** Upstream's {@code s.infraMachinePool}: set once the InfraMachinePool was found. */
  Object infraMachinePool;
  boolean bootstrapConfigNotFound;
  boolean infraMachinePoolNotFound;
  /** Upstream's {@code s.machines}: the pool's Machines, with the conditions this plan sets. */
  List<Machine> machines = List.of();
  private List<MachineFacts> machineFacts = List.of();
  private List<Machine> machineFactsOf = machines;
  /** What the last reconciles of the pool derived (a new, empty memory when the input has none). */
  final MachinePoolMemory memory;

  final List<String> steps = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  /** By Machine name, so that a later phase can amend a write of an earlier one. */
  final Map<String, MachineWrite> creates = new LinkedHashMap<>();
  final Map<String, MachineWrite> updates = new LinkedHashMap<>();
  final List<MachineDeletion> machineDeletions = new ArrayList<>();
  final List<InstanceRemoval> removals = new ArrayList<>();
  final List<NodeDeletion> nodeDeletions = new ArrayList<>();
  final List<NodePatch> nodePatches = new ArrayList<>();
  final List<ExternalDeletion> externalDeletions = new ArrayList<>();
  boolean removeFinalizer;
  Duration requeue;

  // Derived once per plan rather than once per object (see the accessors).
  /** {@code KubernetesNames.mustFormatValue} of the MachinePool's name: the value of its Machines' pool label. */
  final String poolLabel;
  private Object infraMachinesPool;
  private String infraMachinesKind;
  private List<PoolMachines.InfraMachine> infraMachines;
  private List<NodeFacts> nodeFacts;
  private Map<String, NodeFacts> nodesByName;
  private boolean nodeNamesUnique;
  private Map<String, NodeFacts> nodesByProviderID;
  private Map<String, Node> builtNodeRefMap;
  private Map<String, Node> nodeRefMapByName;
  private Map<String, Node> nodeRefMapByNameOf;

  PlanScope(MachinePoolInput in) {
    this.in = in;
    this.mp = in.machinePool();
    this.poolLabel = io.capi4j.util.KubernetesNames.mustFormatValue(in.machinePool().name());
    this.memory = in.memory().orElseGet(MachinePoolMemory::create);
    // What MachineFacts and PoolMachines.Unchanged depend on besides the objects (planning never changes these).
    MachinePool mp = in.machinePool();
    var tmeta = mp.spec().templateOrEmpty().metadataOrEmpty();
    memory.use(java.util.Arrays.asList(mp.namespace(), poolLabel, mp.spec().clusterName(), mp.name(),
        mp.metadata().getUid(), tmeta.labels(), tmeta.annotations()));
  }

  /** Sets {@link #machines} and their facts. */
  void machines(List<Machine> machines, List<MachineFacts> facts) {
    this.machines = machines;
    this.machineFacts = facts;
    this.machineFactsOf = machines;
  }

  /** The facts of {@link #machines}, in the same order. */
  List<MachineFacts> machineFacts() {
    if (machineFactsOf != machines) {
      List<MachineFacts> facts = new ArrayList<>(machines.size());
      machines.forEach(m -> facts.add(new MachineFacts(m, this)));
      machineFacts = facts;
      machineFactsOf = machines;
    }
    return machineFacts;
  }

  /**
   * {@link PoolMachines#infraMachines} of this InfraMachinePool and kind, computed once: it depends only on them,
   * the input and the MachinePool's namespace, name and cluster name, which planning never changes.
   */
  List<PoolMachines.InfraMachine> infraMachines(Object infraPool, String kind) {
    if (infraMachines == null || infraMachinesPool != infraPool || !infraMachinesKind.equals(kind)) {
      infraMachines = PoolMachines.selectInfraMachines(this, infraPool, kind);
      infraMachinesPool = infraPool;
      infraMachinesKind = kind;
    }
    return infraMachines;
  }

  private Object kindOf;
  private Optional<String> kind;

  /** {@code Contracts.infrastructureMachineKind} of the InfraMachinePool, read once per object. */
  Optional<String> infrastructureMachineKind(Object infraPool) {
    if (kind == null || kindOf != infraPool) {
      kind = io.capi4j.external.Contracts.infrastructureMachineKind(infraPool);
      kindOf = infraPool;
    }
    return kind;
  }

  /** The facts of the input's Nodes, in order. */
  List<NodeFacts> nodeFacts() {
    if (nodeFacts == null) {
      nodeFacts = memory.nodes.of(in.nodes(), NodeFacts::new);
    }
    return nodeFacts;
  }

  /** The first Node of the input with this name ({@code Nodes.byName} over the input's Nodes), with its facts. */
  NodeFacts nodeFactsByName(String name) {
    if (nodesByName == null) {
      nodesByName = memory.nodesByName.of(nodeFacts());
      nodeNamesUnique = memory.nodesByName.unique();
    }
    return nodesByName.get(name);
  }

  /** The first Node of the input with this name ({@code Nodes.byName} over the input's Nodes). */
  Optional<Node> nodeByName(String name) {
    NodeFacts f = nodeFactsByName(name);
    return f == null ? Optional.empty() : Optional.of(f.node);
  }

  /** Upstream's {@code getNodeRefMap} of the input's Nodes ({@code Nodes.byProviderID}), looked up through facts. */
  Map<String, Node> buildNodeRefMap() {
    nodesByProviderID = memory.nodesByProviderID.of(nodeFacts());
    builtNodeRefMap = new NodeRefMap(nodesByProviderID, in.nodes());
    return builtNodeRefMap;
  }

  /** The facts of {@code nodeRefMap.get(providerID)} (null when absent); {@code nodeRefMap} must be set. */
  NodeFacts nodeRefFacts(String providerID) {
    if (nodeRefMap == builtNodeRefMap) {
      return nodesByProviderID.get(providerID);
    }
    Node n = nodeRefMap.get(providerID);
    return n == null ? null : new NodeFacts(n);
  }

  /** The last Node of {@link #nodeRefMap} (in its order) with this name; {@code nodeRefMap} must be set. */
  Optional<Node> nodeRefMapByName(String name) {
    if (nodeRefMap == builtNodeRefMap) {
      NodeFacts f = nodeFactsByName(name);
      if (nodeNamesUnique) {
        // The only Node of that name is in the map's values if it is the one of its provider ID.
        return f != null && !f.providerID.isEmpty() && nodesByProviderID.get(f.providerID) == f
            ? Optional.of(f.node) : Optional.empty();
      }
    }
    if (nodeRefMapByName == null || nodeRefMapByNameOf != nodeRefMap) {
      nodeRefMapByName = new java.util.HashMap<>();
      for (Node n : nodeRefMap.values()) {
        nodeRefMapByName.put(Nodes.name(n), n);
      }
      nodeRefMapByNameOf = nodeRefMap;
    }
    return Optional.ofNullable(nodeRefMapByName.get(name));
  }

  /**
   * {@code Nodes.byProviderID(nodes)}, answering lookups from the facts' index; listing it (rare) builds the map
   * itself, for its order.
   */
  private static final class NodeRefMap extends java.util.AbstractMap<String, Node> {
    private final Map<String, NodeFacts> byProviderID;
    private final List<Node> nodes;
    private Map<String, Node> ordered;

    NodeRefMap(Map<String, NodeFacts> byProviderID, List<Node> nodes) {
      this.byProviderID = byProviderID;
      this.nodes = nodes;
    }

    @Override
    public Node get(Object key) {
      NodeFacts f = byProviderID.get(key);
      return f == null ? null : f.node;
    }

    @Override
    public boolean containsKey(Object key) {
      return byProviderID.containsKey(key);
    }

    @Override
    public int size() {
      return byProviderID.size();
    }

    @Override
    public boolean isEmpty() {
      return byProviderID.isEmpty();
    }

    @Override
    public java.util.Set<Map.Entry<String, Node>> entrySet() {
      if (ordered == null) {
        ordered = java.util.Collections.unmodifiableMap(Nodes.byProviderID(nodes));
      }
      return ordered.entrySet();
    }
  }

  void step(String s) {
    steps.add(s);
  }

  void error(String e) {
    errors.add(e);
    steps.add("error: " + e);
  }

  MachinePoolStatus status() {
    return mp.status().orElse(MachinePoolStatus.builder().build());
  }

  void status(MachinePoolStatus s) {
    mp = mp.withStatus(s);
  }

  MachinePoolV1Beta1DeprecatedStatus v1beta1() {
    return status().v1beta1OrEmpty();
  }

  void v1beta1(MachinePoolV1Beta1DeprecatedStatus v) {
    status(status().withDeprecated(MachinePoolDeprecatedStatus.of(v)));
  }

  MachinePoolInitializationStatus initialization() {
    return status().initialization().orElse(MachinePoolInitializationStatus.builder().build());
  }

  void initialization(MachinePoolInitializationStatus i) {
    status(status().withInitialization(i));
  }

  Optional<Integer> specReplicas() {
    return mp.spec().replicas();
  }

  int statusReplicas() {
    return status().replicas().orElse(0);
  }
}
