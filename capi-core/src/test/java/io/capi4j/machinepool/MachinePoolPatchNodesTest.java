package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ImmutableMachinePool;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestMachinePoolPatchNodes}: ownership annotations and the uninitialized taint. */
class MachinePoolPatchNodesTest {
  static final Taint UNINITIALIZED = new TaintBuilder().withKey(Capi.NODE_UNINITIALIZED_TAINT_KEY).withEffect("NoSchedule").build();
  static final Taint OTHER = new TaintBuilder().withKey("some-other-taint").withValue("SomeEffect").build();

  static Map<String, String> owned(String pool) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cluster.x-k8s.io/cluster-name", "cluster-1");
    m.put("cluster.x-k8s.io/cluster-namespace", "my-namespace");
    m.put("cluster.x-k8s.io/owner-kind", "MachinePool");
    m.put("cluster.x-k8s.io/owner-name", pool);
    return m;
  }

  static Node node(String name, String providerID, Map<String, String> annotations, Taint... taints) {
    return new NodeBuilder().withNewMetadata().withName(name).withAnnotations(annotations).endMetadata()
        .withNewSpec().withProviderID(providerID).withTaints(taints).endSpec().build();
  }

  static final List<Node> NODES = List.of(
      node("node-1", "aws://us-east-1/id-node-1", Map.of(), UNINITIALIZED),
      node("node-2", "aws://us-west-2/id-node-2", Map.of("foo", "bar"), OTHER, UNINITIALIZED),
      node("node-3", "aws://us-west-2/id-node-3", owned("machinepool-3"), OTHER, UNINITIALIZED),
      node("node-4", "aws://us-west-2/id-node-4",
          Map.of("cluster.x-k8s.io/cluster-name", "cluster-1", "cluster.x-k8s.io/cluster-namespace", "my-namespace"),
          OTHER));

  static MachinePool pool(String name, String providerID) {
    return ImmutableMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName(name).withNamespace("my-namespace").build())
        .spec(MachinePoolSpec.builder().clusterName("cluster-1").addProviderIDList(providerID).build()).build();
  }

  static Stream<Arguments> cases() {
    Map<String, String> withFoo = new LinkedHashMap<>(owned("machinepool-2"));
    withFoo.put("foo", "bar");
    return Stream.of(
        Arguments.of("Node with uninitialized taint should be patched when MachinePool has no Machines",
            pool("machinepool-1", "aws://us-east-1/id-node-1"), Fixtures.resource("x/v1", "FakeMachinePool", "p",
                Map.of(), Map.of()), List.of("node-1"),
            Map.of("node-1", new Expected(owned("machinepool-1"), List.of()))),
        Arguments.of("Node with uninitialized taint should not be patched when MachinePool has Machines",
            pool("machinepool-with-machines", "aws://us-east-1/id-node-1"), Fixtures.resource("x/v1",
                "FakeMachinePool", "p", Map.of(), Map.of("status", Map.of("infrastructureMachineKind", "DockerMachine"))),
            List.of("node-1"),
            Map.of("node-1", new Expected(owned("machinepool-with-machines"), List.of(UNINITIALIZED)))),
        Arguments.of("Node with existing annotations and taints should be patched",
            pool("machinepool-2", "aws://us-west-2/id-node-2"), null, List.of("node-2", "node-3", "node-4"),
            Map.of("node-2", new Expected(withFoo, List.of(OTHER)),
                "node-3", new Expected(owned("machinepool-2"), List.of(OTHER)),
                "node-4", new Expected(owned("machinepool-2"), List.of(OTHER)))));
  }

  record Expected(Map<String, String> annotations, List<Taint> taints) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void patchNodes(String name, MachinePool mp, Object infraPool, List<String> refs, Map<String, Expected> expected) {
    PlanScope s = new PlanScope(MachinePoolInput.builder().machinePool(mp).nodes(NODES).now(Fixtures.NOW).build());
    s.infraMachinePool = infraPool;
    List<ObjectReference> nodeRefs = refs.stream().map(r -> new ObjectReferenceBuilder().withName(r).build()).toList();
    NodeRefs.patchNodes(s, nodeRefs);

    expected.forEach((nodeName, want) -> {
      Node node = NODES.stream().filter(n -> n.getMetadata().getName().equals(nodeName)).findFirst().orElseThrow();
      for (MachinePoolPlan.NodePatch p : s.nodePatches) {
        if (p.nodeName().equals(nodeName)) {
          node = p.applyTo(node);
        }
      }
      assertThat(node.getMetadata().getAnnotations()).isEqualTo(want.annotations());
      assertThat(node.getSpec().getTaints()).isEqualTo(want.taints());
    });
  }
}
