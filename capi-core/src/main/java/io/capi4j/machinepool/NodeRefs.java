package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.machinepool.MachinePoolPlan.NodeDeletion;
import io.capi4j.machinepool.MachinePoolPlan.NodePatch;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Upstream's {@code machinepool_controller_noderef.go}: match Nodes to provider IDs, retire and patch Nodes. */
final class NodeRefs {
  private NodeRefs() {}

  /** Upstream's {@code errNoAvailableNodes}. */
  static final String ERR_NO_AVAILABLE_NODES = "cannot find nodes with matching ProviderIDs in ProviderIDList";

  /** How long to wait before looking again while replicas are not ready. */
  static final Duration NOT_READY_REQUEUE = Duration.ofSeconds(30);

  /** The result of {@code getNodeReferences}. */
  record Result(List<ObjectReference> references, int available, int ready) {}

  /**
   * {@code getNodeReferences}: walk the provider IDs in order (skipping empty ones), count Ready and available
   * Nodes and collect references. Empty ({@code errNoAvailableNodes}) when the list is not empty but no Node
   * matched. Provider IDs match by exact string equality.
   */
  static Optional<Result> getNodeReferences(List<String> providerIDList, int minReadySeconds,
      Map<String, Node> nodeRefMap, Instant now) {
    return getNodeReferences(providerIDList, minReadySeconds, facts(nodeRefMap), now, List.of());
  }

  /** Lookups of facts of the Nodes of a map by provider ID (made on each lookup). */
  static java.util.function.Function<String, NodeFacts> facts(Map<String, Node> nodeRefMap) {
    return id -> {
      Node n = nodeRefMap.get(id);
      return n == null ? null : new NodeFacts(n);
    };
  }

  /**
   * {@link #getNodeReferences(List, int, Map, Instant)} with the Nodes' facts, reusing the references of
   * {@code previous} that equal the ones it would build (same position, same Node): the same result, without a new
   * reference per Node per reconcile.
   */
  static Optional<Result> getNodeReferences(List<String> providerIDList, int minReadySeconds,
      java.util.function.Function<String, NodeFacts> nodeRefMap, Instant now, List<ObjectReference> previous) {
    int ready = 0;
    int available = 0;
    List<ObjectReference> refs = new ArrayList<>();
    for (String id : providerIDList) {
      if (id.isEmpty()) {
        continue;
      }
      NodeFacts node = nodeRefMap.apply(id);
      if (node == null) {
        continue;
      }
      if (node.ready()) {
        ready++;
        if (minReadySeconds == 0 || Nodes.isAvailable(node.node, minReadySeconds, now)) {
          available++;
        }
      }
      ObjectReference prior = refs.size() < previous.size() ? previous.get(refs.size()) : null;
      if (prior == null || (prior != node.reference && !isNodeReference(prior, node.name, node.uid))) {
        prior = new ObjectReferenceBuilder().withApiVersion("v1").withKind("Node").withName(node.name)
            .withUid(node.uid).build();
      }
      node.reference = prior;
      refs.add(prior);
    }
    if (refs.isEmpty() && !providerIDList.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Result(List.copyOf(refs), available, ready));
  }

  /**
   * Whether {@code r} equals {@code new ObjectReferenceBuilder().withApiVersion("v1").withKind("Node")
   * .withName(name).withUid(uid).build()}: those four fields, nothing else (an empty map of extra properties).
   */
  static boolean isNodeReference(ObjectReference r, String name, String uid) {
    return "v1".equals(r.getApiVersion()) && "Node".equals(r.getKind()) && name.equals(r.getName())
        && uid.equals(r.getUid()) && r.getFieldPath() == null && r.getNamespace() == null
        && r.getResourceVersion() == null && r.getAdditionalProperties() != null
        && r.getAdditionalProperties().isEmpty();
  }

  /**
   * The Ready and available counts of {@link #getNodeReferences(List, int, Map, Instant)} (0 and 0 where it
   * returns empty), without building the references.
   */
  static int[] countReadyAndAvailable(List<String> providerIDList, int minReadySeconds,
      java.util.function.Function<String, NodeFacts> nodeRefMap, Instant now) {
    int ready = 0;
    int available = 0;
    for (String id : providerIDList) {
      if (id.isEmpty()) {
        continue;
      }
      NodeFacts node = nodeRefMap.apply(id);
      if (node != null && node.ready()) {
        ready++;
        if (minReadySeconds == 0 || Nodes.isAvailable(node.node, minReadySeconds, now)) {
          available++;
        }
      }
    }
    return new int[] {ready, available};
  }

  /**
   * {@code deleteRetiredNodes}: the Nodes of {@code nodeRefs} whose provider ID is no longer in
   * {@code providerIDList} (Nodes without a provider ID, or not found, are skipped).
   */
  static List<NodeDeletion> retiredNodes(List<ObjectReference> nodeRefs, List<String> providerIDList, List<Node> nodes,
      String why) {
    return retiredNodes(nodeRefs, providerIDList, name -> Nodes.byName(nodes, name), why);
  }

  /**
   * {@link #retiredNodes(List, List, List, String)} of the plan's Nodes: first told whether any referenced Node's
   * provider ID left the list (usually none), with the Nodes' facts.
   */
  static List<NodeDeletion> retiredNodes(PlanScope s, List<ObjectReference> nodeRefs, List<String> providerIDList,
      String why) {
    if (nodeRefs.isEmpty()) {
      return List.of();
    }
    Map<String, String> listed = s.memory.providerIDs.of(providerIDList);
    boolean any = false;
    for (ObjectReference ref : nodeRefs) {
      NodeFacts f = s.nodeFactsByName(ref.getName() == null ? "" : ref.getName());
      if (f != null && !f.providerID.isEmpty() && !listed.containsKey(f.providerID)) {
        any = true;
        break;
      }
    }
    return any ? retiredNodes(nodeRefs, providerIDList, s::nodeByName, why) : List.of();
  }

  /** {@link #retiredNodes(List, List, List, String)} with the Nodes looked up by name ({@code Nodes.byName}). */
  static List<NodeDeletion> retiredNodes(List<ObjectReference> nodeRefs, List<String> providerIDList,
      java.util.function.Function<String, Optional<Node>> nodeByName, String why) {
    if (nodeRefs.isEmpty()) {
      return List.of();
    }
    Map<String, Node> byProviderID = new LinkedHashMap<>();
    for (ObjectReference ref : nodeRefs) {
      Optional<Node> node = nodeByName.apply(ref.getName() == null ? "" : ref.getName());
      if (node.isEmpty() || Nodes.providerID(node.get()).isEmpty()) {
        continue;
      }
      byProviderID.put(Nodes.providerID(node.get()), node.get());
    }
    Set<String> listed = new LinkedHashSet<>(providerIDList);
    List<NodeDeletion> out = new ArrayList<>();
    byProviderID.forEach((id, node) -> {
      if (!listed.contains(id)) {
        out.add(new NodeDeletion(Nodes.name(node), id, why));
      }
    });
    return out;
  }

  /** {@code reconcileNodeRefs}. */
  static Optional<Duration> reconcile(PlanScope s) {
    MachinePool mp = s.mp;
    if (mp.isDeleting()) {
      return Optional.empty();
    }
    int v1ready = s.v1beta1().readyReplicas().orElse(0);
    List<ObjectReference> nodeRefs = s.status().nodeRefs();
    if (s.statusReplicas() == v1ready && nodeRefs.size() == v1ready) {
      if (s.nodeRefMap != null) {
        boolean valid = true;
        for (ObjectReference ref : nodeRefs) {
          Optional<Node> n = ref.getName() == null ? Optional.empty() : s.nodeRefMapByName(ref.getName());
          if (n.isEmpty() || !Nodes.uid(n.get()).equals(ref.getUid() == null ? "" : ref.getUid())) {
            valid = false;
            break;
          }
        }
        if (valid) {
          s.step("nodes: " + v1ready + " of " + s.statusReplicas() + " replicas ready and their node references are"
              + " current: nothing to do");
          return Optional.empty();
        }
        s.step("nodes: the node references no longer match the Nodes: reassign");
      }
    }
    List<String> ids = mp.spec().providerIDList();
    if (ids.isEmpty() && (mp.spec().replicas().isEmpty() || mp.spec().replicas().get() != 0)) {
      s.step("nodes: waiting for the infrastructure provider to report provider IDs");
      return Optional.empty();
    }
    if (!s.in.nodesListed()) {
      s.error("failed to get Node references");
      return Optional.empty();
    }
    for (NodeDeletion d : retiredNodes(s, nodeRefs, ids,
        "retired: its provider ID is no longer in spec.providerIDList")) {
      s.nodeDeletions.add(d);
      s.step("nodes: delete Node " + d.nodeName() + " (" + d.providerID() + "): " + d.reason());
    }
    if (s.nodeRefMap == null) {
      s.error("failed to get Node references");
      return Optional.empty();
    }
    int minReadySeconds = mp.spec().templateOrEmpty().specOrEmpty().minReadySeconds().orElse(0);
    Optional<Result> result = getNodeReferences(ids, minReadySeconds, s::nodeRefFacts, s.in.now(), nodeRefs);
    if (result.isEmpty()) {
      s.step("nodes: " + ERR_NO_AVAILABLE_NODES + ": wait for a Node event (no requeue)");
      return Optional.empty();
    }
    Result r = result.get();
    s.v1beta1(s.v1beta1().withReadyReplicas(r.ready()).withAvailableReplicas(r.available())
        .withUnavailableReplicas(s.statusReplicas() - r.available()));
    if (!r.references().equals(nodeRefs)) {
      s.step("nodes: set status.nodeRefs to " + r.references().size() + " Nodes matched by provider ID");
    }
    s.status(s.status().withNodeRefs(r.references()));
    patchNodes(s, r.references());
    if (s.statusReplicas() != r.ready() || r.references().size() != r.ready()) {
      s.step("nodes: " + r.ready() + " Ready Nodes for " + s.statusReplicas() + " replicas and "
          + r.references().size() + " node references: look again in 30s");
      return Optional.of(NOT_READY_REQUEUE);
    }
    return Optional.empty();
  }

  /**
   * {@code patchNodes}: the ownership annotations, and no uninitialized taint unless the pool has MachinePool
   * Machines (then the Machine controller drops the taint once it has synced the Node's labels).
   */
  static void patchNodes(PlanScope s, List<ObjectReference> refs) {
    boolean mpm = s.infraMachinePool != null
        && s.infrastructureMachineKind(s.infraMachinePool).isPresent();
    Map<String, String> desired = new LinkedHashMap<>();
    desired.put(Capi.CLUSTER_NAME_ANNOTATION, s.mp.spec().clusterName());
    desired.put(Capi.CLUSTER_NAMESPACE_ANNOTATION, s.mp.namespace());
    desired.put(Capi.OWNER_KIND_ANNOTATION, MachinePool.KIND);
    desired.put(Capi.OWNER_NAME_ANNOTATION, s.mp.name());
    desired = s.memory.nodeAnnotations(desired);
    for (ObjectReference ref : refs) {
      NodeFacts f = ref.getName() == null ? null : s.nodeFactsByName(ref.getName());
      if (f == null) {
        continue;
      }
      Optional<Node> node = Optional.of(f.node);
      boolean missing = f.annotationsMissing(desired);
      boolean tainted = !mpm && f.uninitialized();
      if (!missing && !tainted) {
        continue;
      }
      List<String> why = new ArrayList<>();
      if (missing) {
        why.add("annotate it as a Node of MachinePool " + s.mp.name());
      }
      if (tainted) {
        why.add("drop the " + Capi.NODE_UNINITIALIZED_TAINT_KEY + ":NoSchedule taint");
      }
      String reason = String.join(" and ", why);
      s.nodePatches.add(new NodePatch(Nodes.name(node.get()), desired, tainted, reason));
      s.step("nodes: patch Node " + Nodes.name(node.get()) + ": " + reason);
    }
  }
}
