package io.capi4j.simulation.controllers;

import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.testing.cloud.CloudListener;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The workload cluster's side of a simulation: a running instance registers its Node (after cloud-init, kubeadm
 * join and the kubelet start) and the Node turns Ready after the CNI is up; a deleted instance's Node is removed,
 * as the cloud controller manager does. Nodes carry the instance's provider ID and the kubelet version of its model.
 *
 * <p>Failure injection, for tests and scenarios (deterministic: nothing here draws from the random source):
 *
 * <ul>
 *   <li>{@link #failJoin(Predicate)} / {@link #failNextJoins(int)}: the instance runs, but its Node never registers
 *       (a broken image, cloud-init or {@code kubeadm join} failing). Decided when the instance starts running;
 *       {@link #clearJoinFailures()} stops it for later instances;
 *   <li>{@link #setNodeCondition(String, String, String)}: a Node condition changes as a kubelet or
 *       node-problem-detector would report it, e.g. {@code Ready=False} or {@code Ready=Unknown}; the simulator never
 *       turns it back.
 * </ul>
 */
public final class NodeSimulator implements CloudListener {
  private final SimContext ctx;
  private final Function<Instance, String> kubeletVersion;
  private final Map<String, String> nodeNames = new java.util.HashMap<>();
  private final java.util.List<NodeJoin> joins = new java.util.ArrayList<>();
  private final java.util.List<Predicate<Instance>> joinFailures = new java.util.ArrayList<>();
  private int failNext;
  private final java.util.List<String> failedJoins = new java.util.ArrayList<>();

  /** A Node that became Ready, and when. */
  public record NodeJoin(String nodeName, String providerID, java.time.Instant instanceRunning, java.time.Instant ready) {}

  public NodeSimulator(SimContext ctx, Function<Instance, String> kubeletVersion) {
    this.ctx = ctx;
    this.kubeletVersion = kubeletVersion;
  }

  /** Every Node that became Ready so far, in order. */
  public java.util.List<NodeJoin> joins() {
    return java.util.List.copyOf(joins);
  }

  /**
   * Instances that start running from now on and match {@code which} never register their Node. Rules add up;
   * an instance fails if any rule matches it.
   */
  public NodeSimulator failJoin(Predicate<Instance> which) {
    joinFailures.add(java.util.Objects.requireNonNull(which, "which"));
    return this;
  }

  /** The next {@code n} instances that start running never register their Node. */
  public NodeSimulator failNextJoins(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    failNext += n;
    return this;
  }

  /** Later instances join again; instances that already failed stay without a Node. */
  public NodeSimulator clearJoinFailures() {
    joinFailures.clear();
    failNext = 0;
    return this;
  }

  /** The provider IDs of the instances whose Node never registered because of a join failure, in order. */
  public java.util.List<String> failedJoins() {
    return java.util.List.copyOf(failedJoins);
  }

  /**
   * Sets condition {@code type} of Node {@code nodeName} to {@code status}, with a reason that fits
   * ({@code KubeletReady}, {@code KubeletNotReady}, {@code NodeStatusUnknown} for {@code Ready}, else
   * {@code Simulated}). The transition time is now when the status changes.
   *
   * @throws IllegalArgumentException when the Node does not exist
   */
  public void setNodeCondition(String nodeName, String type, String status) {
    String reason = !"Ready".equals(type) ? "Simulated"
        : "True".equals(status) ? "KubeletReady" : "False".equals(status) ? "KubeletNotReady" : "NodeStatusUnknown";
    setNodeCondition(nodeName, type, status, reason);
  }

  /** {@link #setNodeCondition(String, String, String)} with this reason. */
  public void setNodeCondition(String nodeName, String type, String status, String reason) {
    Node n = ctx.workload().get(Node.class, "Node", "", nodeName)
        .orElseThrow(() -> new IllegalArgumentException("no Node " + nodeName + " in the workload cluster"));
    java.util.List<NodeCondition> conds = new java.util.ArrayList<>(
        n.getStatus() == null || n.getStatus().getConditions() == null ? java.util.List.of() : n.getStatus().getConditions());
    Optional<NodeCondition> old = conds.stream().filter(c -> type.equals(c.getType())).findFirst();
    String ltt = old.filter(c -> status.equals(c.getStatus())).map(NodeCondition::getLastTransitionTime)
        .orElse(ctx.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    NodeCondition c = new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withLastTransitionTime(ltt).build();
    old.ifPresentOrElse(o -> conds.set(conds.indexOf(o), c), () -> conds.add(c));
    ctx.workload().update(new NodeBuilder(n).editOrNewStatus().withConditions(conds).endStatus().build());
  }

  @Override
  public void instanceReady(Optional<String> groupId, Instance instance) {
    if (instance.state() != InstanceState.RUNNING) {
      return;
    }
    if (nodeNames.containsKey(instance.providerID()) || failedJoins.contains(instance.providerID())) {
      return; // already joining, joined, or failed
    }
    if (failNext > 0 || joinFailures.stream().anyMatch(f -> f.test(instance))) {
      if (failNext > 0 && joinFailures.stream().noneMatch(f -> f.test(instance))) {
        failNext--;
      }
      failedJoins.add(instance.providerID());
      return; // the instance runs; its Node never registers
    }
    java.time.Instant running = ctx.clock().instant();
    String name = nodeName(groupId, instance);
    nodeNames.put(instance.providerID(), name);
    ctx.clock().schedule(ctx.profile().nodeRegister().sample(ctx.random()), () -> {
      if (!nodeNames.containsKey(instance.providerID())) {
        return; // deleted meanwhile
      }
      ctx.workload().create(node(name, instance, "False", "KubeletNotReady"));
      ctx.clock().schedule(ctx.profile().nodeReady().sample(ctx.random()), () -> {
        Optional<Node> n = ctx.workload().get(new ObjectKey("Node", "", name));
        if (n.isPresent()) {
          ctx.workload().update(node(name, instance, "True", "KubeletReady"));
          joins.add(new NodeJoin(name, instance.providerID(), running, ctx.clock().instant()));
        }
      });
    });
  }

  @Override
  public void instanceDeleted(Optional<String> groupId, Instance instance) {
    String name = nodeNames.remove(instance.providerID());
    if (name != null) {
      ctx.workload().delete(new ObjectKey("Node", "", name));
    }
  }

  private Node node(String name, Instance instance, String ready, String reason) {
    NodeCondition c = new NodeConditionBuilder().withType("Ready").withStatus(ready).withReason(reason)
        .withLastTransitionTime(ctx.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
        .build();
    return new NodeBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withProviderID(instance.providerID()).endSpec()
        .withNewStatus().withConditions(c).withNewNodeInfo().withKubeletVersion(kubeletVersion.apply(instance))
        .endNodeInfo().endStatus()
        .build();
  }

  private static String nodeName(Optional<String> groupId, Instance instance) {
    String base = groupId.map(g -> g + "-" + instance.id()).orElse(instance.id());
    return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }
}
