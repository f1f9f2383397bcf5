package io.capi4j.providers.docker.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.providers.docker.testing.DockerSimulation;
import io.capi4j.simulation.Simulation;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.SimulatedCloud;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MachineDeployment flow end to end in the simulation, on the Docker provider: the MachineDeployment
 * controller runs capi4j's rollout planner, the MachineSet controller its MachineSet planner, and the
 * Machine, bootstrap and infrastructure controllers bring each Machine to a Ready Node.
 */
class DockerMachineDeploymentSimulationTest {
  private static Simulation simulation(long seed) {
    DockerSimulation infra = new DockerSimulation();
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, infra.cloudProfile("docker"), seed, infra.providerIds());
    Simulation sim = Simulation.builder().providers(Providers.load()).cloud(cloud).seed(seed)
        .profile(infra.simulationProfile("docker")).cluster("sim", "default", "v1.32.4").build();
    sim.apply(infra.machineDeploymentFlow("sim", "workers", 3, "v1.32.0"));
    return sim;
  }

  private static MachineDeployment md(Simulation sim) {
    return sim.management().get(MachineDeployment.class, MachineDeployment.KIND, "default", "workers").orElseThrow();
  }

  @Test
  void threeReplicasMakeFourObjectsPerMachineAndThreeReadyNodes() {
    Simulation sim = simulation(1);
    assertThat(sim.runUntil(() -> sim.readyNodes() == 3, Duration.ofMinutes(5))).isTrue();
    sim.runFor(Duration.ofMinutes(1));
    Map<String, Integer> counts = sim.management().countByKind();
    // User objects: MachineDeployment, DockerMachineTemplate, KubeadmConfigTemplate; CAPI adds one MachineSet and,
    // per Machine, the Machine, its DockerMachine, its KubeadmConfig and the bootstrap Secret.
    assertThat(counts).containsEntry("MachineDeployment", 1).containsEntry("MachineSet", 1)
        .containsEntry("Machine", 3).containsEntry("DockerMachine", 3).containsEntry("KubeadmConfig", 3)
        .containsEntry("Secret", 3);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4 + 4 * 3);
    var status = md(sim).status().orElseThrow();
    assertThat(status.readyReplicas()).contains(3);
    assertThat(status.upToDateReplicas()).contains(3);
    assertThat(sim.runtime().failures()).isEmpty();
  }

  private static void setVersion(Simulation sim, String version) {
    MachineDeployment md = md(sim);
    var template = md.spec().templateOrEmpty();
    sim.apply(java.util.List.of(md.withSpec(md.spec().withTemplate(
        template.withSpec(template.specOrEmpty().withVersion(version))))));
  }

  @Test
  void versionChangeRollsEveryMachineWithOneSurgeAndNoneUnavailable() {
    Simulation sim = simulation(7);
    assertThat(sim.runUntil(() -> sim.readyNodes() == 3, Duration.ofMinutes(5))).isTrue();
    sim.runFor(Duration.ofSeconds(30));
    setVersion(sim, "v1.32.4");

    int[] maxMachines = {0};
    long[] minReady = {Long.MAX_VALUE};
    boolean done = sim.runUntil(() -> {
      var machines = sim.management().list(Machine.class, Machine.KIND);
      maxMachines[0] = Math.max(maxMachines[0], machines.size());
      minReady[0] = Math.min(minReady[0], sim.readyNodes());
      return machines.size() == 3 && sim.readyNodes() == 3
          && machines.stream().allMatch(m -> m.spec().version().equals("v1.32.4"))
          && sim.management().list(MachineSet.KIND).size() == 1;
    }, Duration.ofMinutes(30));

    assertThat(done).as("rollout converges; events:\n%s", String.join("\n", sim.events())).isTrue();
    // maxSurge 1 (the default), maxUnavailable 0: at most four Machines, never fewer than three Ready Nodes.
    assertThat(maxMachines[0]).isEqualTo(4);
    assertThat(minReady[0]).isGreaterThanOrEqualTo(3);
    assertThat(sim.runtime().failures()).isEmpty();
    assertThat(md(sim).metadata().getAnnotations()).containsEntry("machinedeployment.clusters.x-k8s.io/revision", "2");
  }

  @Test
  void aWorkerVersionAboveTheControlPlaneIsHeldByThePreflightChecks() {
    Simulation sim = simulation(3);
    assertThat(sim.runUntil(() -> sim.readyNodes() == 3, Duration.ofMinutes(5))).isTrue();
    setVersion(sim, "v1.33.0");
    sim.runFor(Duration.ofMinutes(10));
    // The new MachineSet is created and scaled to one, but creates no Machine; the old Machines stay.
    assertThat(sim.management().list(MachineSet.KIND)).hasSize(2);
    assertThat(sim.management().list(Machine.class, Machine.KIND)).hasSize(3)
        .allMatch(m -> m.spec().version().equals("v1.32.0"));
    assertThat(sim.readyNodes()).isEqualTo(3);
    assertThat(sim.events()).anyMatch(e -> e.contains("\"KubernetesVersionSkew\" preflight check failed"));
  }
}
