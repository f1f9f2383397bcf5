package io.capi4j.examples.bench;

import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulatedInfrastructures;
import io.capi4j.simulation.Simulation;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.SimulatedCloud;
import java.time.Duration;
import java.util.List;

/**
 * A scale-up simulation from 0 to {@code nodes} Ready Nodes, through a provider's MachineDeployment flow or its
 * MachinePool flow (with MachinePool Machines), on the provider's default profile and a fixed seed.
 */
public final class ScaleUp {
  /** Which flow creates the workers. */
  public enum Flow {
    MACHINE_DEPLOYMENT,
    MACHINE_POOL
  }

  /** What a run did: whether every Node became Ready, when (virtual time), and how many events the clock ran. */
  public record Result(boolean ready, long readyNodes, Duration virtualTime, long events, int machines) {}

  private ScaleUp() {}

  /** Runs one scale-up; at most six hours of virtual time. */
  public static Result run(String provider, Flow flow, int nodes, long seed) {
    SimulatedInfrastructure infra = SimulatedInfrastructures.forProvider(provider)
        .orElseThrow(() -> new IllegalArgumentException("no simulated infrastructure for " + provider));
    String profile = infra.profiles().get(0);
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, infra.cloudProfile(profile), seed, infra.providerIds());
    Simulation sim = Simulation.builder().providers(Providers.load()).cloud(cloud).seed(seed)
        .profile(infra.simulationProfile(profile)).build();
    List<Object> objects = flow == Flow.MACHINE_DEPLOYMENT
        ? infra.machineDeploymentFlow("sim", "workers", nodes, "v1.32.0")
        : infra.machinePoolFlow("sim", "workers", nodes, "v1.32.0");
    java.time.Instant start = clock.instant();
    long eventsBefore = clock.executedEvents();
    sim.apply(objects);
    boolean ready = sim.runUntil(() -> sim.readyNodes() >= nodes, Duration.ofHours(6));
    return new Result(ready, sim.readyNodes(), Duration.between(start, clock.instant()),
        clock.executedEvents() - eventsBefore, sim.management().countByKind().getOrDefault("Machine", 0));
  }
}
