package io.capi4j.examples;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.ObjectStore;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.Simulation;
import io.capi4j.simulation.controllers.NodeSimulator;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rollout preview: a MachineDeployment or MachinePool (with its templates) runs in capi4j's simulation on a
 * provider's profile until it is steady at its replicas; then the change (a version and/or a replica count) is
 * applied and the simulation runs until every worker is up to date and the replica count is reached, recording the
 * planners' steps, the capacity after every event and each machine's life.
 */
final class RolloutPreview {
  /** What runs the workers. */
  enum Owner {
    MACHINE_DEPLOYMENT,
    MACHINE_POOL
  }

  /** The setup of one preview. */
  record Setup(
      List<Object> objects,
      Owner owner,
      String namespace,
      String name,
      String clusterName,
      SimulatedInfrastructure infra,
      String profile,
      CloudProfile cloudProfile,
      io.capi4j.simulation.SimulationProfile simulationProfile,
      boolean poolMachines,
      long seed,
      int replicas,
      String version,
      int targetReplicas,
      String targetVersion,
      String controlPlaneVersion,
      String targetControlPlaneVersion,
      Duration limit) {}

  /** Capacity at one moment after the change. */
  record Sample(Duration at, int readyNodes, int available, int machines, int upToDateReady) {}

  /** One worker (a Machine, or a Node when the pool has no Machines) seen during the preview. */
  static final class Life {
    final String name;
    final boolean old;
    final Instant created;
    String providerID = "";
    String version = "";
    Instant deleting;
    Instant gone;

    Life(String name, boolean old, Instant created) {
      this.name = name;
      this.old = old;
      this.created = created;
    }
  }

  /** A planner step after the change: when, who, what. */
  record Step(Duration at, String source, String text) {}

  /** What the preview saw. */
  record Result(
      boolean steady,
      boolean done,
      boolean stalled,
      Instant changedAt,
      Optional<Duration> eta,
      List<Sample> samples,
      List<Life> lives,
      Map<String, Instant> nodeReady,
      List<Step> steps,
      Sample initial,
      Sample last,
      List<String> failures) {}

  /** How long capacity may stay unchanged before the preview calls the rollout blocked. */
  static final Duration STALL = Duration.ofMinutes(30);

  private final Setup setup;
  private Simulation sim;
  private VirtualClock clock;
  private final Map<String, Life> lives = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();
  private Instant changedAt;
  private boolean tracking;

  RolloutPreview(Setup setup) {
    this.setup = setup;
  }

  Result run() {
    clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, setup.cloudProfile(), setup.seed(), setup.infra().providerIds());
    sim = Simulation.builder()
        .providers(Providers.load())
        .cloud(cloud)
        .seed(setup.seed())
        .profile(setup.simulationProfile())
        .cluster(setup.clusterName(), setup.namespace(), setup.controlPlaneVersion())
        .machinePoolMachines(setup.poolMachines())
        .build();
    sim.apply(setup.objects());
    boolean steady = sim.runUntil(() -> converged(setup.replicas(), setup.version()), setup.limit());
    if (steady) {
      sim.runFor(Duration.ofMinutes(2)); // let statuses settle
    }
    Sample initial = sample();
    // Everything that exists now is "old".
    Instant now = clock.instant();
    if (trackMachines()) {
      for (Machine m : sim.management().list(Machine.class, Machine.KIND)) {
        Life l = new Life(m.name(), true, now);
        l.providerID = m.spec().providerID();
        l.version = m.spec().version();
        lives.put(m.name(), l);
      }
    } else {
      for (Node n : nodes()) {
        Life l = new Life(n.getMetadata().getName(), true, now);
        l.providerID = n.getSpec() == null || n.getSpec().getProviderID() == null ? "" : n.getSpec().getProviderID();
        l.version = kubelet(n);
        lives.put(l.name, l);
      }
    }
    sim.management().watch(this::onManagementChange);
    sim.workload().watch(this::onWorkloadChange);
    changedAt = clock.instant();
    tracking = true;
    if (!setup.targetControlPlaneVersion().equals(sim.controlPlaneVersion())) {
      sim.setControlPlaneVersion(setup.targetControlPlaneVersion());
    }
    sim.apply(List.of(changed()));
    sim.runUntil(() -> {
      record();
      return converged(setup.targetReplicas(), setup.targetVersion()) || stalled();
    }, setup.limit());
    boolean done = converged(setup.targetReplicas(), setup.targetVersion());
    Optional<Duration> eta = done ? Optional.of(Duration.between(changedAt, clock.instant())) : Optional.empty();
    boolean stalled = !done && stalled();
    record();
    Map<String, Instant> ready = new HashMap<>();
    for (NodeSimulator.NodeJoin j : sim.nodeJoins()) {
      ready.put(j.providerID(), j.ready());
    }
    return new Result(steady, done, stalled, changedAt, eta, List.copyOf(samples), List.copyOf(lives.values()), ready,
        steps(), initial, sample(), sim.runtime().failures());
  }

  Simulation simulation() {
    return sim;
  }

  private boolean trackMachines() {
    return setup.owner() == Owner.MACHINE_DEPLOYMENT || setup.poolMachines();
  }

  /** The user's object with the change applied, from its current stored version. */
  private Object changed() {
    if (setup.owner() == Owner.MACHINE_DEPLOYMENT) {
      MachineDeployment md = sim.management()
          .<MachineDeployment>get(new ObjectKey(MachineDeployment.KIND, setup.namespace(), setup.name())).orElseThrow();
      MachineSpec spec = md.spec().templateOrEmpty().specOrEmpty().withVersion(setup.targetVersion());
      return md.withSpec(md.spec().withReplicas(setup.targetReplicas())
          .withTemplate(md.spec().templateOrEmpty().withSpec(spec)));
    }
    MachinePool mp = sim.management()
        .<MachinePool>get(new ObjectKey(MachinePool.KIND, setup.namespace(), setup.name())).orElseThrow();
    MachineSpec spec = mp.spec().templateOrEmpty().specOrEmpty().withVersion(setup.targetVersion());
    return mp.withSpec(mp.spec().withReplicas(setup.targetReplicas())
        .withTemplate(mp.spec().templateOrEmpty().withSpec(spec)));
  }

  /**
   * Steady at {@code replicas} on {@code version}: that many Nodes, all Ready on the version, and (when the workers
   * have Machines) that many Machines, none being deleted.
   */
  private boolean converged(int replicas, String version) {
    List<Node> nodes = nodes();
    if (nodes.size() != replicas) {
      return false;
    }
    for (Node n : nodes) {
      if (!ready(n) || !version.equals(kubelet(n))) {
        return false;
      }
    }
    if (trackMachines()) {
      List<Machine> machines = sim.management().list(Machine.class, Machine.KIND);
      return machines.size() == replicas && machines.stream().noneMatch(Machine::isDeleting);
    }
    return true;
  }

  private List<Node> nodes() {
    return sim.workload().list(Node.class, "Node");
  }

  private static boolean ready(Node n) {
    return n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String kubelet(Node n) {
    return n.getStatus() == null || n.getStatus().getNodeInfo() == null ? "" : n.getStatus().getNodeInfo().getKubeletVersion();
  }

  private Sample sample() {
    Set<String> leaving = new HashSet<>();
    int machines;
    if (trackMachines()) {
      List<Machine> all = sim.management().list(Machine.class, Machine.KIND);
      machines = all.size();
      all.stream().filter(Machine::isDeleting).forEach(m -> leaving.add(m.spec().providerID()));
    } else {
      machines = nodes().size();
    }
    int readyNodes = 0;
    int available = 0;
    int upToDate = 0;
    for (Node n : nodes()) {
      if (!ready(n)) {
        continue;
      }
      readyNodes++;
      String pid = n.getSpec() == null ? null : n.getSpec().getProviderID();
      if (!leaving.contains(pid)) {
        available++;
      }
      if (setup.targetVersion().equals(kubelet(n))) {
        upToDate++;
      }
    }
    Duration at = changedAt == null ? Duration.ZERO : Duration.between(changedAt, clock.instant());
    return new Sample(at, readyNodes, available, machines, upToDate);
  }

  /** No change of capacity for {@link #STALL}: the rollout is blocked. */
  private boolean stalled() {
    Instant last = samples.isEmpty() ? changedAt : changedAt.plus(samples.get(samples.size() - 1).at());
    return Duration.between(last, clock.instant()).compareTo(STALL) > 0;
  }

  private void record() {
    Sample s = sample();
    if (!samples.isEmpty()) {
      Sample last = samples.get(samples.size() - 1);
      if (last.readyNodes() == s.readyNodes() && last.available() == s.available() && last.machines() == s.machines()
          && last.upToDateReady() == s.upToDateReady()) {
        return;
      }
    }
    samples.add(s);
  }

  private void onManagementChange(ObjectStore.Change c) {
    if (!tracking || !trackMachines() || !Machine.KIND.equals(c.key().kind())) {
      return;
    }
    Instant now = clock.instant();
    String name = c.key().name();
    if (c.after().isEmpty()) {
      Life l = lives.get(name);
      if (l != null && l.gone == null) {
        l.gone = now;
      }
      return;
    }
    Machine m = (Machine) c.after().get();
    Life l = lives.computeIfAbsent(name, n -> new Life(n, false, now));
    if (!m.spec().providerID().isEmpty()) {
      l.providerID = m.spec().providerID();
    }
    l.version = m.spec().version();
    if (m.isDeleting() && l.deleting == null) {
      l.deleting = now;
    }
  }

  private void onWorkloadChange(ObjectStore.Change c) {
    if (!tracking || trackMachines() || !"Node".equals(c.key().kind())) {
      return;
    }
    Instant now = clock.instant();
    String name = c.key().name();
    if (c.after().isEmpty()) {
      Life l = lives.get(name);
      if (l != null && l.gone == null) {
        l.gone = now;
        l.deleting = l.deleting == null ? now : l.deleting;
      }
      return;
    }
    Node n = (Node) c.after().get();
    Life l = lives.computeIfAbsent(name, x -> new Life(x, false, now));
    l.providerID = n.getSpec() == null || n.getSpec().getProviderID() == null ? "" : n.getSpec().getProviderID();
    l.version = kubelet(n);
  }

  /** The planners' steps after the change, from the simulation's logs ({@code <instant> <source>: <text>}). */
  private List<Step> steps() {
    List<Step> out = new ArrayList<>();
    List<String> lines = new ArrayList<>(sim.events());
    for (String s : sim.pools().steps()) {
      int sp = s.indexOf(' ');
      lines.add(s.substring(0, sp) + " " + poolKind() + " " + s.substring(sp + 1));
    }
    for (String line : lines) {
      int sp = line.indexOf(' ');
      Instant at = Instant.parse(line.substring(0, sp));
      if (at.isBefore(changedAt)) {
        continue;
      }
      String rest = line.substring(sp + 1);
      int colon = rest.indexOf(": ");
      out.add(new Step(Duration.between(changedAt, at), rest.substring(0, colon), rest.substring(colon + 2)));
    }
    out.sort(java.util.Comparator.comparing(Step::at));
    return out;
  }

  private String poolKind() {
    for (Object o : setup.objects()) {
      if (o instanceof MachinePool mp) {
        return mp.spec().templateOrEmpty().specOrEmpty().infrastructureRefOrEmpty().kind();
      }
    }
    return "pool";
  }

  static boolean isPoolMachine(Machine m) {
    return m.labels().containsKey(Capi.MACHINE_POOL_NAME_LABEL);
  }
}
