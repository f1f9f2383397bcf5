package io.capi4j.examples;

import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.Simulation;
import io.capi4j.simulation.controllers.NodeSimulator;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.SimulatedCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seed's scale-up benchmark in capi4j's simulation: a worker group starts at {@code from} Ready Nodes, its
 * {@code spec.replicas} is patched to {@code to}, and every new Node's Ready time is measured from the patch. The
 * three ways of running workers are the provider's standard flows: a MachineDeployment (one VM per Machine, CAPI
 * and the provider orchestrate), a MachinePool on a scaling group (the cloud orchestrates), and a managed pool (the
 * managed service orchestrates).
 */
final class ScaleBenchmark {
  /** How the workers are run. */
  enum Model {
    MACHINE_DEPLOYMENT,
    MACHINE_POOL,
    MANAGED_POOL
  }

  /**
   * One flow's run.
   *
   * @param arrivals each new Node's Ready time after the patch, in order
   * @param counts the management cluster's objects by kind once the scale-up settled
   * @param converged whether every new Node became Ready within the time limit
   */
  record Run(Model model, Instant patchedAt, List<Duration> arrivals, Map<String, Integer> counts, boolean converged,
      List<String> failures) {
    int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The {@code rank}-th arrival (1-based), or empty if fewer arrived. */
    Optional<Duration> arrival(int rank) {
      return rank >= 1 && rank <= arrivals.size() ? Optional.of(arrivals.get(rank - 1)) : Optional.empty();
    }

    /** The nearest-rank percentile of the arrivals: the ceil(p/100 * n)-th. */
    Optional<Duration> percentile(int p) {
      int n = arrivals.size();
      return arrival((int) Math.ceil(p / 100.0 * n));
    }
  }

  static final String CLUSTER = "bench";
  static final String NAME = "workers";
  static final String VERSION = "v1.32.0";
  /** Virtual time allowed for each phase (reaching {@code from}, then {@code to}). */
  static final Duration LIMIT = Duration.ofHours(2);
  /** Virtual time the workers get to settle before the patch and after the last Node is Ready. */
  static final Duration SETTLE = Duration.ofMinutes(3);

  private final SimulatedInfrastructure infra;
  private final String profile;
  private final int from;
  private final int to;
  private final long seed;

  ScaleBenchmark(SimulatedInfrastructure infra, String profile, int from, int to, long seed) {
    this.infra = infra;
    this.profile = profile;
    this.from = from;
    this.to = to;
    this.seed = seed;
  }

  /** Whether the provider has a managed pool flow. */
  boolean hasManagedPool() {
    return infra.managedPoolProfile(profile).isPresent()
        && !infra.managedPoolFlow(CLUSTER, NAME, from, VERSION).isEmpty();
  }

  /** Runs one flow; {@code poolMachines}: whether pool providers create MachinePool Machines. */
  Run run(Model model, boolean poolMachines) {
    CloudProfile cloudProfile = model == Model.MANAGED_POOL
        ? infra.managedPoolProfile(profile).orElseThrow() : infra.cloudProfile(profile);
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, cloudProfile, seed, infra.providerIds());
    Simulation sim = Simulation.builder()
        .providers(Providers.load())
        .cloud(cloud)
        .seed(seed)
        .cluster(CLUSTER, "default", VERSION)
        .profile(model == Model.MANAGED_POOL ? infra.managedPoolSimulationProfile(profile) : infra.simulationProfile(profile))
        .machinePoolMachines(poolMachines)
        .build();
    List<Object> flow = switch (model) {
      case MACHINE_DEPLOYMENT -> infra.machineDeploymentFlow(CLUSTER, NAME, from, VERSION);
      case MACHINE_POOL -> infra.machinePoolFlow(CLUSTER, NAME, from, VERSION);
      case MANAGED_POOL -> infra.managedPoolFlow(CLUSTER, NAME, from, VERSION);
    };
    sim.apply(flow);
    boolean started = sim.runUntil(() -> sim.readyNodes() >= from, LIMIT);
    sim.runFor(SETTLE);
    Set<String> before = new HashSet<>();
    sim.nodeJoins().forEach(j -> before.add(j.nodeName()));
    Instant patchedAt = clock.instant();
    sim.apply(List.of(patch(sim, model)));
    int wanted = to - from;
    boolean done = started && sim.runUntil(() -> newJoins(sim, before, patchedAt).size() >= wanted, LIMIT);
    List<Duration> arrivals = new ArrayList<>();
    for (NodeSimulator.NodeJoin j : newJoins(sim, before, patchedAt)) {
      arrivals.add(Duration.between(patchedAt, j.ready()));
    }
    sim.runFor(SETTLE);
    return new Run(model, patchedAt, List.copyOf(arrivals), sim.management().countByKind(), done,
        sim.runtime().failures());
  }

  private static List<NodeSimulator.NodeJoin> newJoins(Simulation sim, Set<String> before, Instant after) {
    return sim.nodeJoins().stream().filter(j -> !before.contains(j.nodeName()) && !j.ready().isBefore(after)).toList();
  }

  private Object patch(Simulation sim, Model model) {
    if (model == Model.MACHINE_DEPLOYMENT) {
      MachineDeployment md = sim.management()
          .<MachineDeployment>get(new ObjectKey(MachineDeployment.KIND, "default", NAME)).orElseThrow();
      return md.withSpec(md.spec().withReplicas(to));
    }
    MachinePool mp = sim.management().<MachinePool>get(new ObjectKey(MachinePool.KIND, "default", NAME)).orElseThrow();
    return mp.withSpec(mp.spec().withReplicas(to));
  }
}
