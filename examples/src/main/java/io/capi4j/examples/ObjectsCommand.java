package io.capi4j.examples;

import io.capi4j.simulation.ObjectStore;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulatedInfrastructures;
import io.capi4j.simulation.Simulation;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.SimulatedCloud;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code objects}: runs the MachineDeployment and MachinePool creation flows on a simulated cloud and counts the
 * objects the controllers leave in the management cluster.
 */
@Command(
    name = "objects",
    mixinStandardHelpOptions = true,
    description = {
      "Creates N workers three ways on a simulated cloud (a MachineDeployment; a MachinePool; a MachinePool with",
      "MachinePool Machines) and prints the objects each leaves in the management cluster, counted after the run."
    })
final class ObjectsCommand implements Callable<Integer> {
  @Option(names = "--replicas", defaultValue = "3", description = "workers per flow (default ${DEFAULT-VALUE})")
  int replicas;

  @Option(names = "--provider", defaultValue = "docker", description = "azure, aws or docker (default ${DEFAULT-VALUE})")
  String provider;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (replicas < 0) {
      err.println("error: --replicas must not be negative");
      return 2;
    }
    SimulatedInfrastructure infra = SimulatedInfrastructures.forProvider(provider).orElse(null);
    if (infra == null) {
      err.println("error: no simulated infrastructure for provider \"" + provider + "\"; known: "
          + SimulatedInfrastructures.load().stream().map(SimulatedInfrastructure::provider).sorted().toList());
      return 2;
    }
    String version = "v1.32.0";
    int md = run(out, "MachineDeployment", infra, true, infra.machineDeploymentFlow("sim", "workers", replicas, version));
    int mp = run(out, "MachinePool", infra, false, infra.machinePoolFlow("sim", "workers", replicas, version));
    int mpm = run(out, "MachinePool with MachinePool Machines", infra, true,
        infra.machinePoolFlow("sim", "workers", replicas, version));
    if (md < 0 || mp < 0 || mpm < 0) {
      err.println("error: a flow did not converge");
      return 1;
    }
    out.printf("total: MachineDeployment=%d MachinePool=%d MachinePoolMachines=%d%n", md, mp, mpm);
    out.flush();
    return 0;
  }

  private int run(PrintWriter out, String title, SimulatedInfrastructure infra, boolean poolMachines, List<Object> objects) {
    VirtualClock clock = VirtualClock.create();
    String profile = infra.profiles().get(0);
    SimulatedCloud cloud = SimulatedCloud.create(clock, infra.cloudProfile(profile), seed, infra.providerIds());
    Simulation sim = Simulation.builder().providers(Providers.load()).cloud(cloud).seed(seed)
        .profile(infra.simulationProfile(profile)).machinePoolMachines(poolMachines).build();
    sim.apply(objects);
    boolean ready = sim.runUntil(() -> sim.readyNodes() >= replicas, Duration.ofHours(2));
    sim.runFor(Duration.ofMinutes(2)); // let status and late objects settle
    ObjectStore store = sim.management();
    Map<String, Integer> counts = store.countByKind();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    out.printf("%s (%d workers, %s, %d Nodes Ready after %s):%n", title, replicas, profile, sim.readyNodes(),
        ready ? "the run" : "timeout");
    counts.forEach((kind, n) -> out.printf("  %-28s %d%n", kind, n));
    out.printf("  %-28s %d%n", "total", total);
    return ready ? total : -1;
  }
}
