package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.api.core.v1beta2.StatusVersion;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upstream's {@code Test_setReplicas} ({@link StatusPolicy#UPSTREAM}). */
class SetReplicasTest {

  private static PlanScope scope(MachinePool mp, List<Node> nodes) {
    PlanScope s = new PlanScope(Fixtures.input(mp).nodes(nodes).options(MachinePoolOptions.upstream()).build());
    s.nodeRefMap = Nodes.byProviderID(nodes);
    return s;
  }

  @Test
  void withoutMachinePoolMachinesReadyAndAvailableCopyStatusReplicasAndUpToDateCopiesSpecReplicas() {
    MachinePool mp = Fixtures.machinePool("mp", 3).withStatus(MachinePoolStatus.builder().replicas(2).build());
    PlanScope s = scope(mp, List.of());
    PoolStatus.upstreamReplicas(s, false);
    MachinePoolStatus st = s.status();
    assertThat(st.readyReplicas()).contains(2);
    assertThat(st.availableReplicas()).contains(2);
    assertThat(st.upToDateReplicas()).contains(3);
    assertThat(st.versions()).isEmpty();
  }

  @Test
  void withoutMachinePoolMachinesVersionsComeFromTheReferencedNodes() {
    List<Node> nodes = List.of(
        Fixtures.node("node-1", "test://1", true, null, "v1.31.1"),
        Fixtures.node("node-2", "test://2", true, null, "v1.31.1"),
        Fixtures.node("node-3", "test://3", true, null, "v1.32.0"));
    MachinePool mp = Fixtures.machinePool("mp", 3).withStatus(MachinePoolStatus.builder().replicas(3)
        .nodeRefs(List.of("node-1", "node-2", "node-3").stream()
            .map(n -> new ObjectReferenceBuilder().withKind("Node").withName(n).build()).toList())
        .build());
    PlanScope s = scope(mp, nodes);
    PoolStatus.upstreamReplicas(s, false);
    assertThat(s.status().versions()).containsExactly(StatusVersion.of("v1.31.1", 2), StatusVersion.of("v1.32.0", 1));
  }

  @Test
  void withMachinePoolMachinesVersionsComeFromTheMachines() {
    MachinePool mp = Fixtures.machinePool("mp", 3).withStatus(MachinePoolStatus.builder().replicas(3).build());
    PlanScope s = scope(mp, List.of());
    Machine m = Fixtures.machine("m", "mp", "m");
    s.machines = List.of(
        m.withSpec(m.spec().withVersion("v1.32.0")),
        m.withSpec(m.spec().withVersion("v1.31.1")),
        m.withSpec(m.spec().withVersion("v1.31.1")));
    PoolStatus.upstreamReplicas(s, true);
    assertThat(s.status().versions()).containsExactly(StatusVersion.of("v1.31.1", 2), StatusVersion.of("v1.32.0", 1));
    assertThat(s.status().readyReplicas()).contains(0);
    assertThat(s.status().upToDateReplicas()).contains(0);
  }
}
