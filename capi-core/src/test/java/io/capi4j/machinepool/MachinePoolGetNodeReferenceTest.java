package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestMachinePoolGetNodeReference}: matching provider IDs to Nodes. */
class MachinePoolGetNodeReferenceTest {

  static final Map<String, Node> NODES = new LinkedHashMap<>();

  static {
    put("node-1", "aws://us-east-1/id-node-1", true);
    put("node-2", "aws://us-west-2/id-node-2", true);
    put("node-3", "aws://us-west-2/id-node-3", null);
    put("gce-node-2", "gce://us-central1/gce-id-node-2", true);
    put("azure-node-4", "azure://westus2/id-node-4", true);
    put("azure-nodepool1-0", "azure://westus2/id-nodepool1/0", true);
    put("azure-nodepool2-0", "azure://westus2/id-nodepool2/0", true);
  }

  /** Ready Nodes have no transition time, as upstream's fixtures. */
  private static void put(String name, String providerID, Boolean ready) {
    NODES.put(providerID, Fixtures.node(name, providerID, ready, null, null));
  }

  /** expected refs null = errNoAvailableNodes. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("valid provider id, valid aws node", List.of("aws://us-east-1/id-node-1"), 0,
            List.of("node-1"), 1, 1),
        Arguments.of("valid provider id, valid aws node (2)", List.of("aws://us-west-2/id-node-2"), 0,
            List.of("node-2"), 1, 1),
        Arguments.of("valid provider id, valid aws node, nodeReady condition set to false",
            List.of("aws://us-west-2/id-node-3"), 0, List.of("node-3"), 0, 0),
        Arguments.of("valid provider id, valid gce node", List.of("gce://us-central1/gce-id-node-2"), 0,
            List.of("gce-node-2"), 1, 1),
        Arguments.of("valid provider id, valid azure node", List.of("azure://westus2/id-node-4"), 0,
            List.of("azure-node-4"), 1, 1),
        Arguments.of("valid provider ids, valid azure and aws nodes",
            List.of("aws://us-east-1/id-node-1", "azure://westus2/id-node-4"), 0,
            List.of("node-1", "azure-node-4"), 2, 2),
        Arguments.of("valid provider id, no node found", List.of("aws:///id-node-100"), 0, null, 0, 0),
        Arguments.of("no provider id, no node found", List.of(), 0, List.of(), 0, 0),
        Arguments.of("valid provider id with non-unique instance id, valid azure node",
            List.of("azure://westus2/id-nodepool1/0"), 0, List.of("azure-nodepool1-0"), 1, 1),
        Arguments.of("valid provider ids with same instance ids, valid azure nodes",
            List.of("azure://westus2/id-nodepool1/0", "azure://westus2/id-nodepool2/0"), 0,
            List.of("azure-nodepool1-0", "azure-nodepool2-0"), 2, 2),
        Arguments.of("valid provider id, valid aws node, with minReadySeconds", List.of("aws://us-east-1/id-node-1"),
            20, List.of("node-1"), 0, 1),
        Arguments.of("valid provider id, valid aws node, with minReadySeconds equals 0",
            List.of("aws://us-east-1/id-node-1"), 0, List.of("node-1"), 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void getNodeReferences(String name, List<String> providerIDs, int minReadySeconds, List<String> refs,
      int available, int ready) {
    Optional<NodeRefs.Result> result = NodeRefs.getNodeReferences(providerIDs, minReadySeconds, NODES, Fixtures.NOW);
    if (refs == null) {
      assertThat(result).as(NodeRefs.ERR_NO_AVAILABLE_NODES).isEmpty();
      return;
    }
    assertThat(result).isPresent();
    assertThat(result.get().references()).extracting(ObjectReference::getName).containsExactlyElementsOf(refs);
    assertThat(result.get().references()).allSatisfy(r -> {
      assertThat(r.getKind()).isEqualTo("Node");
      assertThat(r.getApiVersion()).isEqualTo("v1");
    });
    assertThat(result.get().available()).isEqualTo(available);
    assertThat(result.get().ready()).isEqualTo(ready);
  }
}
