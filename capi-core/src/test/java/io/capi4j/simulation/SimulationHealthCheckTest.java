package io.capi4j.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheckSpec;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.api.core.v1beta2.UnhealthyCondition;
import io.capi4j.conditions.Conditions;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.ProviderIds;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MachineHealthCheck controller and the Node failure injection in a provider-free simulation. */
class SimulationHealthCheckTest {
  static Simulation simulation(int replicas) {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock,
        CloudProfile.uniform("fake", Duration.ofSeconds(60), Duration.ofSeconds(10)), 1, ProviderIds.simple("fake"));
    Simulation sim = Simulation.builder().providers(Providers.of(List.of(SimulationMachineSetTest.FAKE))).cloud(cloud)
        .seed(7).cluster("c1", "default", "v1.32.0").build();
    GenericKubernetesResource template = new GenericKubernetesResourceBuilder()
        .withApiVersion("infrastructure.cluster.x-k8s.io/v1beta1").withKind("FakeMachineTemplate")
        .withMetadata(new ObjectMetaBuilder().withName("fmt").withNamespace("default").build()).build();
    template.setAdditionalProperties(Map.of("spec", Map.of("template", Map.of("spec", Map.of("size", "small")))));
    KubeadmConfigTemplate kct = KubeadmConfigTemplate.builder()
        .metadata(new ObjectMetaBuilder().withName("kct").withNamespace("default").build())
        .spec(KubeadmConfigTemplateSpec.builder().template(KubeadmConfigTemplateResource.builder()
            .spec(KubeadmConfigSpec.builder().addPreKubeadmCommand("echo hello").build()).build()).build())
        .build();
    MachineSet ms = MachineSet.builder()
        .metadata(new ObjectMetaBuilder().withName("ms").withNamespace("default").build())
        .spec(MachineSetSpec.builder().clusterName("c1").replicas(replicas)
            .selector(new LabelSelectorBuilder().addToMatchLabels("pool", "a").build())
            .template(MachineTemplateSpec.builder()
                .metadata(TemplateMeta.builder().putLabel("pool", "a").build())
                .spec(MachineSpec.builder().clusterName("c1").version("v1.32.0")
                    .bootstrap(Bootstrap.builder().configRef(ContractVersionedObjectReference.of(
                        "bootstrap.cluster.x-k8s.io", "KubeadmConfigTemplate", "kct")).build())
                    .infrastructureRef(ContractVersionedObjectReference.of(
                        "infrastructure.cluster.x-k8s.io", "FakeMachineTemplate", "fmt"))
                    .build())
                .build())
            .build())
        .build();
    MachineHealthCheck mhc = MachineHealthCheck.builder()
        .metadata(new ObjectMetaBuilder().withName("mhc").withNamespace("default").build())
        .spec(MachineHealthCheckSpec.builder().clusterName("c1")
            .selector(new LabelSelectorBuilder().addToMatchLabels("pool", "a").build())
            .checks(MachineHealthCheckChecks.builder().nodeStartupTimeoutSeconds(300)
                .addUnhealthyNodeCondition(UnhealthyCondition.of("Ready", "Unknown", 120))
                .build())
            .build())
        .build();
    sim.apply(List.of(template, kct, ms, mhc));
    return sim;
  }

  static List<Machine> machines(Simulation sim) {
    return sim.management().list(Machine.class, Machine.KIND);
  }

  @Test
  void aMachineWhoseNodeNeverJoinsIsReplacedAfterTheStartupTimeout() {
    Simulation sim = simulation(2);
    sim.nodes().failNextJoins(1);
    boolean done = sim.runUntil(() -> sim.nodes().failedJoins().size() == 1 && sim.readyNodes() == 2
        && machines(sim).size() == 2 && machines(sim).stream().noneMatch(Machine::isDeleting), Duration.ofMinutes(30));
    assertThat(done).as(String.join("\n", sim.events())).isTrue();
    assertThat(sim.runtime().failures()).isEmpty();
    assertThat(sim.runtime().reconcileCounts()).containsKey("machinehealthcheck");
    assertThat(sim.events()).anyMatch(e -> e.contains("MachineHealthCheck mhc: Machine ")
        && e.contains("unhealthy (NodeStartupTimeout)"));
    // Converged: the health check writes nothing more (it resyncs every 10 minutes, without changes).
    sim.runFor(Duration.ofMinutes(1));
    long writes = sim.management().writes();
    sim.runFor(Duration.ofMinutes(25));
    assertThat(sim.management().writes() - writes).isLessThan(5);
    MachineHealthCheck after = sim.management().get(MachineHealthCheck.class, MachineHealthCheck.KIND, "default", "mhc")
        .orElseThrow();
    assertThat(after.status().orElseThrow().currentHealthy()).contains(2);
  }

  @Test
  void aNodeConditionSetByTheTestIsSeenByTheHealthCheck() {
    Simulation sim = simulation(1);
    assertThat(sim.runUntil(() -> sim.readyNodes() == 1, Duration.ofMinutes(10))).isTrue();
    sim.runFor(Duration.ofSeconds(30));
    Node node = sim.workload().list(Node.class, "Node").get(0);
    String name = node.getMetadata().getName();
    sim.nodes().setNodeCondition(name, "Ready", "Unknown");
    Node changed = sim.workload().get(Node.class, "Node", "", name).orElseThrow();
    assertThat(changed.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("Unknown");
      assertThat(c.getReason()).isEqualTo("NodeStatusUnknown");
      assertThat(c.getLastTransitionTime()).isEqualTo(Conditions.format(sim.clock().instant()));
    });
    assertThat(changed.getSpec().getProviderID()).isEqualTo(node.getSpec().getProviderID());
    String machine = machines(sim).get(0).name();
    sim.runFor(Duration.ofSeconds(100));
    assertThat(sim.management().get(Machine.class, Machine.KIND, "default", machine).orElseThrow().isDeleting()).isFalse();
    sim.runUntil(() -> sim.management().get(Machine.class, Machine.KIND, "default", machine)
        .map(Machine::isDeleting).orElse(true), Duration.ofMinutes(1));
    assertThat(sim.events()).anyMatch(e -> e.contains("Machine " + machine + ": unhealthy (UnhealthyNode)"));
    assertThatThrownBy(() -> sim.nodes().setNodeCondition("no-such-node", "Ready", "False"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no Node no-such-node in the workload cluster");
  }

  @Test
  void joinFailuresFollowTheirPredicateUntilCleared() {
    Simulation sim = simulation(2);
    sim.nodes().failJoin(i -> true);
    sim.runFor(Duration.ofMinutes(3));
    assertThat(sim.nodes().failedJoins()).hasSize(2);
    assertThat(sim.readyNodes()).isZero();
    sim.nodes().clearJoinFailures();
    // The two instances that failed stay without a Node: the health check replaces their Machines (startup
    // timeout 300s), and the replacements join.
    List<String> failed = sim.nodes().failedJoins();
    assertThat(sim.runUntil(() -> sim.readyNodes() == 2 && machines(sim).size() == 2
        && machines(sim).stream().noneMatch(m -> failed.contains(m.spec().providerID())), Duration.ofMinutes(30)))
        .as(String.join("\n", sim.events())).isTrue();
    assertThat(sim.nodes().failedJoins()).isEqualTo(failed);
  }
}
