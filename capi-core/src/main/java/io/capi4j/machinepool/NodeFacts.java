package io.capi4j.machinepool;

import io.capi4j.machinepool.MachinePoolPlan.NodePatch;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Map;

/**
 * What the planner reads of one Node, each read once per Node instance (Nodes handed to the planner are never
 * changed): its name, uid, provider ID, readiness, whether it lacks the pool's annotations or carries the
 * uninitialized taint, and the node reference last found equal to the one it would get.
 */
final class NodeFacts {
  final Node node;
  final String name;
  final String uid;
  final String providerID;
  private byte ready;
  private Map<String, String> annotationsFor;
  private boolean annotationsMissing;
  private byte uninitialized;
  /** A reference known to equal the one {@code getNodeReferences} builds for this Node. */
  ObjectReference reference;

  NodeFacts(Node node) {
    this.node = node;
    this.name = Nodes.name(node);
    this.uid = Nodes.uid(node);
    this.providerID = Nodes.providerID(node);
  }

  /** {@code Nodes.isReady}. */
  boolean ready() {
    if (ready == 0) {
      ready = (byte) (Nodes.isReady(node) ? 1 : 2);
    }
    return ready == 1;
  }

  /** Whether one of these annotations is missing or different (remembered for the same map instance). */
  boolean annotationsMissing(Map<String, String> desired) {
    if (annotationsFor != desired) {
      Map<String, String> have = node.getMetadata() == null || node.getMetadata().getAnnotations() == null
          ? Map.of() : node.getMetadata().getAnnotations();
      boolean missing = false;
      for (Map.Entry<String, String> e : desired.entrySet()) {
        if (!e.getValue().equals(have.get(e.getKey()))) {
          missing = true;
          break;
        }
      }
      annotationsMissing = missing;
      annotationsFor = desired;
    }
    return annotationsMissing;
  }

  /** Whether the Node carries the {@code node.cluster.x-k8s.io/uninitialized} taint. */
  boolean uninitialized() {
    if (uninitialized == 0) {
      uninitialized = (byte) (node.getSpec() != null && node.getSpec().getTaints() != null
          && node.getSpec().getTaints().stream().anyMatch(NodePatch::isUninitialized) ? 1 : 2);
    }
    return uninitialized == 1;
  }
}
