package io.capi4j.machinepool;

import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading fabric8 Nodes the way upstream's {@code noderefutil} does. */
final class Nodes {
  private Nodes() {}

  static String name(Node n) {
    return n.getMetadata() == null || n.getMetadata().getName() == null ? "" : n.getMetadata().getName();
  }

  static String uid(Node n) {
    return n.getMetadata() == null || n.getMetadata().getUid() == null ? "" : n.getMetadata().getUid();
  }

  static String providerID(Node n) {
    return n.getSpec() == null || n.getSpec().getProviderID() == null ? "" : n.getSpec().getProviderID();
  }

  static String kubeletVersion(Node n) {
    if (n.getStatus() == null || n.getStatus().getNodeInfo() == null) {
      return "";
    }
    String v = n.getStatus().getNodeInfo().getKubeletVersion();
    return v == null ? "" : v;
  }

  static Optional<NodeCondition> readyCondition(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    for (NodeCondition c : n.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** {@code noderefutil.IsNodeReady}: the Ready condition is True. */
  static boolean isReady(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) {
      return false;
    }
    for (NodeCondition c : n.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return Conditions.TRUE.equals(c.getStatus());
      }
    }
    return false;
  }

  /** When the Ready condition last changed, if it has a time. */
  static Optional<Instant> readySince(Node n) {
    return readyCondition(n).map(NodeCondition::getLastTransitionTime).flatMap(Conditions::parseTime);
  }

  /**
   * {@code noderefutil.IsNodeAvailable}: Ready, and either {@code minReadySeconds} is 0 or the Ready condition's
   * non-zero transition time plus {@code minReadySeconds} is before {@code now}.
   */
  static boolean isAvailable(Node n, int minReadySeconds, Instant now) {
    if (!isReady(n)) {
      return false;
    }
    if (minReadySeconds == 0) {
      return true;
    }
    return readySince(n).map(t -> t.plus(Duration.ofSeconds(minReadySeconds)).isBefore(now)).orElse(false);
  }

  /** Upstream's {@code getNodeRefMap}: Nodes with a provider ID by provider ID; a later duplicate wins. */
  static Map<String, Node> byProviderID(List<Node> nodes) {
    Map<String, Node> map = new LinkedHashMap<>();
    for (Node n : nodes) {
      String id = providerID(n);
      if (!id.isEmpty()) {
        map.put(id, n);
      }
    }
    return map;
  }

  static Optional<Node> byName(List<Node> nodes, String name) {
    return nodes.stream().filter(n -> name(n).equals(name)).findFirst();
  }
}
