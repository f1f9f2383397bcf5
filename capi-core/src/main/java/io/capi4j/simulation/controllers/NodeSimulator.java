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

/**
 * The workload cluster's side of a simulation: a running instance registers its Node (after cloud-init, kubeadm
 * join and the kubelet start) and the Node turns Ready after the CNI is up; a deleted instance's Node is removed,
 * as the cloud controller manager does. Nodes carry the instance's provider ID and the kubelet version of its model.
 */
public final class NodeSimulator implements CloudListener {
  private final SimContext ctx;
  private final Function<Instance, String> kubeletVersion;
  private final Map<String, String> nodeNames = new java.util.HashMap<>();
  private final java.util.List<NodeJoin> joins = new java.util.ArrayList<>();

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

  @Override
  public void instanceReady(Optional<String> groupId, Instance instance) {
    if (instance.state() != InstanceState.RUNNING) {
      return;
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
