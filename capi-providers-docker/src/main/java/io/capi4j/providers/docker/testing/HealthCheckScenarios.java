package io.capi4j.providers.docker.testing;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinehealthcheck.RemediationRetryLimit;
import io.capi4j.simulation.Flows;
import io.capi4j.simulation.Simulation;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.capi4j.util.GoDuration;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * MachineHealthCheck scenarios on the simulated cloud with the Docker provider (CAPD): capi4j's MachineHealthCheck,
 * MachineSet and MachinePool planners run as controllers, failures are injected through
 * {@link io.capi4j.simulation.controllers.NodeSimulator}, and each scenario reports its timeline (every decision with
 * its virtual time and reason) and the moments it measured. The same seed gives the same run.
 *
 * <ul>
 *   <li>{@value #NODE_NEVER_JOINS}: one of three MachineDeployment Machines never gets a Node; after
 *       {@code nodeStartupTimeoutSeconds} (120s) the MachineHealthCheck marks it, its MachineSet deletes it and creates
 *       a replacement, which becomes Ready;
 *   <li>{@value #MAX_UNHEALTHY}: five Machines, three Nodes go NotReady, {@code unhealthyLessThanOrEqualTo: 40%}:
 *       nothing is remediated and the MachineHealthCheck says why; then one Node recovers, two unhealthy are within
 *       40%, and both are replaced;
 *   <li>{@value #POOL_INSTANCE_NOT_READY}: a DockerMachinePool with MachinePool Machines; one instance's Node is
 *       NotReady for longer than 60s; the MachinePool deletes its Machine (capi4j's pool remediation), the container
 *       goes, and the pool creates a new one: replicas unchanged;
 *   <li>{@value #RETRY_LIMIT}: every Node of a one-replica MachineDeployment fails to join; capi4j's retry limit
 *       ({@code retry-limit: 3}) stops remediating after three and says so.
 * </ul>
 */
public final class HealthCheckScenarios {
  private HealthCheckScenarios() {}

  public static final String NODE_NEVER_JOINS = "node-never-joins";
  public static final String MAX_UNHEALTHY = "max-unhealthy";
  public static final String POOL_INSTANCE_NOT_READY = "pool-instance-not-ready";
  public static final String RETRY_LIMIT = "retry-limit";

  /** The scenario names, in the order they are documented. */
  public static final List<String> NAMES = List.of(NODE_NEVER_JOINS, MAX_UNHEALTHY, POOL_INSTANCE_NOT_READY,
      RETRY_LIMIT);

  static final String NS = "default";
  static final String CLUSTER = "sim";
  static final String NAME = "workers";

  /**
   * What a scenario did.
   *
   * @param name the scenario
   * @param simulation the simulation, as the scenario left it
   * @param start the virtual time the scenario started
   * @param completed whether every phase reached its goal within its time limit
   * @param timeline the decisions and injected failures, in time order, each as {@code <instant> <who>: <what>}
   * @param moments the moments the scenario measured, by name, in the order measured
   * @param facts what the scenario found, one sentence each (for printing)
   * @param snapshots the Machines as they were at some moments, by the moment's name
   */
  public record Result(String name, Simulation simulation, Instant start, boolean completed, List<String> timeline,
      Map<String, Instant> moments, List<String> facts, Map<String, List<Machine>> snapshots) {
    /** {@code moment - start}. */
    public Duration at(String moment) {
      return Duration.between(start, moments.get(moment));
    }

    /** The time between two moments. */
    public Duration between(String from, String to) {
      return Duration.between(moments.get(from), moments.get(to));
    }

    /** The timeline's lines before {@code moment}. */
    public List<String> timelineBefore(String moment) {
      Instant until = moments.get(moment);
      return timeline.stream().filter(l -> Instant.parse(l.substring(0, l.indexOf(' '))).isBefore(until)).toList();
    }

    /** The timeline with times relative to the start, e.g. {@code +2m1.05s MachineHealthCheck workers: ...}. */
    public List<String> relativeTimeline() {
      List<String> out = new ArrayList<>();
      for (String line : timeline) {
        int sp = line.indexOf(' ');
        Instant t = Instant.parse(line.substring(0, sp));
        out.add(String.format("%10s %s", "+" + GoDuration.format(Duration.between(start, t)), line.substring(sp + 1)));
      }
      return out;
    }
  }

  /**
   * Runs a scenario by name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Result run(String name, long seed) {
    return switch (name) {
      case NODE_NEVER_JOINS -> nodeNeverJoins(seed);
      case MAX_UNHEALTHY -> maxUnhealthy(seed);
      case POOL_INSTANCE_NOT_READY -> poolInstanceNotReady(seed);
      case RETRY_LIMIT -> retryLimit(seed);
      default -> throw new IllegalArgumentException("unknown scenario \"" + name + "\"; known: " + NAMES);
    };
  }

  // ---- the scenarios ---------------------------------------------------------------------------------------------

  /** See {@link HealthCheckScenarios}. */
  public static Result nodeNeverJoins(long seed) {
    Run r = new Run(NODE_NEVER_JOINS, seed);
    r.sim.nodes().failNextJoins(1);
    r.note("inject: the first instance that starts running never registers its Node");
    r.sim.apply(new DockerSimulation().machineDeploymentFlow(CLUSTER, NAME, 3, "v1.32.0"));
    r.sim.apply(mhc(NAME, "cluster.x-k8s.io/deployment-name", 120, 60, Map.of(), ""));
    r.note("apply: MachineDeployment workers (3 replicas) and MachineHealthCheck workers (nodeStartupTimeoutSeconds 120)");
    boolean failed = r.phase("the failing instance runs", () -> !r.sim.nodes().failedJoins().isEmpty(),
        Duration.ofMinutes(5));
    String pid = failed ? r.sim.nodes().failedJoins().get(0) : "";
    Machine victim = failed ? r.machineWithProviderID(pid).orElse(null) : null;
    if (victim == null) {
      return r.done(false);
    }
    r.facts.add("Machine " + victim.name() + " runs instance " + pid + ", whose Node never registers");
    r.moments.put("created", created(victim));
    boolean replaced = r.phase("the Machine is marked, deleted and replaced by a Ready one", () -> {
      r.observe(victim.name());
      return r.moments.containsKey("gone") && r.sim.readyNodes() == 3
          && r.machines().size() == 3 && r.machines().stream().allMatch(HealthCheckScenarios::isReady);
    }, Duration.ofMinutes(15));
    if (replaced) {
      r.moments.put("replacementReady", r.sim.clock().instant());
      r.facts.add("marked unhealthy " + GoDuration.format(r.between("infrastructureReady", "marked"))
          + " after its infrastructure was ready (nodeStartupTimeoutSeconds 120), deleted "
          + GoDuration.format(r.between("marked", "deleting")) + " later; the replacement was Ready at +"
          + GoDuration.format(r.at("replacementReady")));
    }
    return r.done(replaced);
  }

  /** See {@link HealthCheckScenarios}. */
  public static Result maxUnhealthy(long seed) {
    Run r = new Run(MAX_UNHEALTHY, seed);
    r.sim.apply(new DockerSimulation().machineDeploymentFlow(CLUSTER, NAME, 5, "v1.32.0"));
    r.sim.apply(mhc(NAME, "cluster.x-k8s.io/deployment-name", 600, 60, Map.of(), "40%"));
    r.note("apply: MachineDeployment workers (5 replicas) and MachineHealthCheck workers (Ready False/Unknown for 60s,"
        + " unhealthyLessThanOrEqualTo 40%)");
    if (!r.phase("five Nodes are Ready", () -> r.sim.readyNodes() == 5, Duration.ofMinutes(5))) {
      return r.done(false);
    }
    r.sim.runFor(Duration.ofSeconds(30));
    List<Machine> before = r.machines();
    List<String> broken = new ArrayList<>();
    for (Machine m : before.subList(0, 3)) {
      String node = m.statusOrEmpty().nodeName();
      r.sim.nodes().setNodeCondition(node, "Ready", "False");
      broken.add(node);
    }
    r.moments.put("notReady", r.sim.clock().instant());
    r.note("inject: Nodes " + String.join(", ", broken) + " turn Ready=False");
    // Longer than the manager's resync (10m): upstream does not requeue while blocked.
    r.sim.runFor(Duration.ofMinutes(11));
    r.moments.put("checked", r.sim.clock().instant());
    r.snapshots.put("checked", r.machines());
    MachineHealthCheck mhc = r.mhc();
    Optional<Condition> allowed = Conditions.get(mhc.status().map(s -> s.conditions()).orElse(List.of()),
        Capi.Conditions.REMEDIATION_ALLOWED);
    Set<String> names = names(r.machines());
    boolean blocked = names.equals(names(before)) && r.machines().stream().noneMatch(Machine::isDeleting)
        && allowed.map(c -> "False".equals(c.getStatus())).orElse(false);
    r.facts.add("after 11m with 3 of 5 Nodes NotReady: " + (blocked ? "no Machine deleted" : "Machines changed")
        + "; RemediationAllowed=" + allowed.map(Condition::getStatus).orElse("<absent>") + " ("
        + allowed.map(Condition::getReason).orElse("") + "): " + allowed.map(Condition::getMessage).orElse(""));
    if (!blocked) {
      return r.done(false);
    }
    r.sim.nodes().setNodeCondition(broken.get(0), "Ready", "True");
    r.moments.put("recovered", r.sim.clock().instant());
    r.note("inject: Node " + broken.get(0) + " turns Ready=True again: 2 of 5 unhealthy is within 40%");
    boolean healed = r.phase("the two unhealthy Machines are replaced", () -> r.sim.readyNodes() == 5
        && r.machines().size() == 5 && r.machines().stream().allMatch(HealthCheckScenarios::isReady)
        && names(r.machines()).stream().filter(n -> !names(before).contains(n)).count() == 2, Duration.ofMinutes(15));
    if (healed) {
      r.moments.put("healed", r.sim.clock().instant());
      r.facts.add("after the recovery, the two Machines still unhealthy were replaced; five Ready Nodes at +"
          + GoDuration.format(r.at("healed")));
    }
    return r.done(healed);
  }

  /** See {@link HealthCheckScenarios}. */
  public static Result poolInstanceNotReady(long seed) {
    Run r = new Run(POOL_INSTANCE_NOT_READY, seed);
    r.sim.apply(new DockerSimulation().machinePoolFlow(CLUSTER, NAME, 3, "v1.32.0"));
    r.sim.apply(mhc(NAME, Capi.MACHINE_POOL_NAME_LABEL, 600, 60, Map.of(), ""));
    r.note("apply: MachinePool workers (DockerMachinePool, 3 replicas, MachinePool Machines) and MachineHealthCheck"
        + " workers (Ready False/Unknown for 60s)");
    if (!r.phase("three pool Machines with Ready Nodes", () -> r.sim.readyNodes() == 3 && r.machines().size() == 3
        && r.machines().stream().allMatch(HealthCheckScenarios::isReady), Duration.ofMinutes(5))) {
      return r.done(false);
    }
    r.sim.runFor(Duration.ofSeconds(30));
    Machine victim = r.machines().get(0);
    String node = victim.statusOrEmpty().nodeName();
    String pid = victim.spec().providerID();
    r.sim.nodes().setNodeCondition(node, "Ready", "False");
    r.moments.put("notReady", r.sim.clock().instant());
    r.note("inject: Node " + node + " of pool Machine " + victim.name() + " (instance " + pid + ") turns Ready=False");
    boolean replaced = r.phase("the pool replaces the instance", () -> {
      r.observe(victim.name());
      return r.moments.containsKey("gone") && r.sim.readyNodes() == 3 && r.machines().size() == 3
          && r.machines().stream().allMatch(HealthCheckScenarios::isReady)
          && r.sim.workload().list(Node.class, "Node").stream().noneMatch(n -> pid.equals(n.getSpec().getProviderID()));
    }, Duration.ofMinutes(15));
    if (replaced) {
      r.moments.put("replacementReady", r.sim.clock().instant());
      MachinePool mp = r.sim.management().get(MachinePool.class, MachinePool.KIND, NS, NAME).orElseThrow();
      List<String> ids = r.sim.context().groups().getGroup(
              io.capi4j.providers.docker.DockerProvider.poolGroupId(CLUSTER, NAME))
          .map(g -> g.instances().stream().map(i -> i.providerID()).sorted().toList()).orElse(List.of());
      r.facts.add("the pool's containers are now " + ids + " (" + pid + " is gone)");
      r.facts.add("marked unhealthy " + GoDuration.format(r.between("notReady", "marked"))
          + " after its Node turned NotReady (timeout 60s); the MachinePool deleted its Machine "
          + GoDuration.format(r.between("marked", "deleting")) + " later; the instance was gone at +"
          + GoDuration.format(r.at("gone")) + " and a new one Ready at +" + GoDuration.format(r.at("replacementReady"))
          + "; spec.replicas " + mp.spec().replicas().orElse(null));
    }
    return r.done(replaced);
  }

  /** See {@link HealthCheckScenarios}. */
  public static Result retryLimit(long seed) {
    Run r = new Run(RETRY_LIMIT, seed);
    r.sim.nodes().failJoin(i -> true);
    r.note("inject: no instance ever registers its Node (a broken image)");
    r.sim.apply(new DockerSimulation().machineDeploymentFlow(CLUSTER, NAME, 1, "v1.32.0"));
    r.sim.apply(mhc(NAME, "cluster.x-k8s.io/deployment-name", 60, 60,
        Map.of(RemediationRetryLimit.LIMIT_ANNOTATION, "3", RemediationRetryLimit.PERIOD_ANNOTATION, "1h"), ""));
    r.note("apply: MachineDeployment workers (1 replica) and MachineHealthCheck workers (nodeStartupTimeoutSeconds 60,"
        + " retry-limit 3 within 1h)");
    Set<String> seen = new LinkedHashSet<>();
    boolean stopped = r.phase("the retry limit stops remediation", () -> {
      r.machines().forEach(m -> seen.add(m.name()));
      return Conditions.isTrue(r.mhc().status().map(s -> s.conditions()).orElse(List.of()),
          RemediationRetryLimit.CONDITION);
    }, Duration.ofMinutes(30));
    if (!stopped) {
      return r.done(false);
    }
    r.moments.put("limitReached", r.sim.clock().instant());
    r.snapshots.put("limitReached", r.machines());
    r.sim.runFor(Duration.ofMinutes(15));
    r.moments.put("end", r.sim.clock().instant());
    r.snapshots.put("end", r.machines());
    r.machines().forEach(m -> seen.add(m.name()));
    Condition c = Conditions.get(r.mhc().status().orElseThrow().conditions(), RemediationRetryLimit.CONDITION)
        .orElseThrow();
    r.facts.add(seen.size() + " Machines created (" + String.join(", ", seen) + "), " + (seen.size() - 1)
        + " remediated; the limit was reached at +" + GoDuration.format(r.at("limitReached"))
        + " and 15 minutes later nothing more had been remediated");
    r.facts.add(RemediationRetryLimit.CONDITION + "=" + c.getStatus() + " (" + c.getReason() + "): "
        + c.getMessage().replace("\n", " "));
    return r.done(true);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  /** The MachineHealthCheck of the scenarios, admitted as {@code kubectl apply} would. */
  static List<Object> mhc(String name, String label, int startupSeconds, int notReadySeconds,
      Map<String, String> annotations, String maxUnhealthy) {
    StringBuilder a = new StringBuilder(annotations.isEmpty() ? "" : "\n  annotations:");
    annotations.forEach((k, v) -> a.append("\n    ").append(k).append(": \"").append(v).append('"'));
    String remediation = maxUnhealthy.isEmpty() ? ""
        : "\n  remediation:\n    triggerIf:\n      unhealthyLessThanOrEqualTo: \"" + maxUnhealthy + "\"";
    return Flows.admitted("""
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: MachineHealthCheck
        metadata:
          name: %1$s
          namespace: default%6$s
        spec:
          clusterName: sim
          selector:
            matchLabels: {%2$s: %1$s}
          checks:
            nodeStartupTimeoutSeconds: %3$d
            unhealthyNodeConditions:
            - {type: Ready, status: "False", timeoutSeconds: %4$d}
            - {type: Ready, status: Unknown, timeoutSeconds: %4$d}%5$s
        """.formatted(name, label, startupSeconds, notReadySeconds, remediation, a), Providers.load());
  }

  static boolean isReady(Machine m) {
    return Conditions.isTrue(m.statusOrEmpty().conditions(), Capi.Conditions.READY);
  }

  static Instant created(Machine m) {
    return Conditions.parseTime(m.metadata().getCreationTimestamp()).orElseThrow();
  }

  static Set<String> names(List<Machine> ms) {
    Set<String> out = new LinkedHashSet<>();
    ms.forEach(m -> out.add(m.name()));
    return out;
  }

  /** One scenario run: the simulation, its notes and its measurements. */
  private static final class Run {
    final String name;
    final Simulation sim;
    final Instant start;
    final List<String> notes = new ArrayList<>();
    final Map<String, Instant> moments = new LinkedHashMap<>();
    final List<String> facts = new ArrayList<>();
    final Map<String, List<Machine>> snapshots = new LinkedHashMap<>();

    Run(String name, long seed) {
      this.name = name;
      DockerSimulation infra = new DockerSimulation();
      VirtualClock clock = VirtualClock.create();
      SimulatedCloud cloud = SimulatedCloud.create(clock, infra.cloudProfile("docker"), seed, infra.providerIds());
      this.sim = Simulation.builder().providers(Providers.load()).cloud(cloud).seed(seed)
          .profile(infra.simulationProfile("docker")).cluster(CLUSTER, NS, "v1.32.4").build();
      this.start = clock.instant();
    }

    Duration at(String moment) {
      return Duration.between(start, moments.get(moment));
    }

    Duration between(String from, String to) {
      return Duration.between(moments.get(from), moments.get(to));
    }

    void note(String s) {
      notes.add(sim.clock().instant() + " scenario: " + s);
    }

    /** Runs until {@code goal} holds, noting the phase's outcome. */
    boolean phase(String what, BooleanSupplier goal, Duration limit) {
      boolean ok = sim.runUntil(goal, limit);
      note((ok ? "reached: " : "NOT reached within " + GoDuration.format(limit) + ": ") + what);
      return ok;
    }

    List<Machine> machines() {
      return sim.management().list(Machine.class, Machine.KIND).stream()
          .sorted(Comparator.comparing(Machine::name)).toList();
    }

    MachineHealthCheck mhc() {
      return sim.management().get(MachineHealthCheck.class, MachineHealthCheck.KIND, NS, NAME).orElseThrow();
    }

    Optional<Machine> machineWithProviderID(String pid) {
      for (int i = 0; i < 600 && machines().stream().noneMatch(m -> pid.equals(m.spec().providerID())); i++) {
        sim.runFor(Duration.ofSeconds(1));
      }
      return machines().stream().filter(m -> pid.equals(m.spec().providerID())).findFirst();
    }

    /** Records when the Machine's infrastructure was ready, when it was marked, deleting, and gone. */
    void observe(String machine) {
      Optional<Machine> m = sim.management().get(Machine.class, Machine.KIND, NS, machine);
      if (m.isEmpty()) {
        moments.putIfAbsent("gone", sim.clock().instant());
        return;
      }
      List<Condition> cs = m.get().statusOrEmpty().conditions();
      if (Conditions.isTrue(cs, Capi.Conditions.INFRASTRUCTURE_READY)) {
        Conditions.lastTransitionTime(cs, Capi.Conditions.INFRASTRUCTURE_READY)
            .ifPresent(t -> moments.putIfAbsent("infrastructureReady", t));
      }
      if (Conditions.isFalse(cs, Capi.Conditions.HEALTH_CHECK_SUCCEEDED)) {
        moments.putIfAbsent("marked", sim.clock().instant());
      }
      if (m.get().isDeleting()) {
        moments.putIfAbsent("deleting", sim.clock().instant());
      }
    }

    Result done(boolean completed) {
      List<String[]> lines = new ArrayList<>();
      for (String e : sim.events()) {
        if (relevant(e)) {
          lines.add(new String[] {e});
        }
      }
      for (String e : sim.pools().steps()) {
        // "<instant> <pool>: <step>"; the container deletions and creations.
        int sp = e.indexOf(' ');
        if (e.contains("delete its container") || e.contains("containers: create")) {
          lines.add(new String[] {e.substring(0, sp) + " DockerMachinePool " + e.substring(sp + 1)});
        }
      }
      notes.forEach(n -> lines.add(new String[] {n}));
      List<String> timeline = lines.stream().map(l -> l[0])
          .sorted(Comparator.comparing((String l) -> Instant.parse(l.substring(0, l.indexOf(' ')))))
          .toList();
      return new Result(name, sim, start, completed, timeline,
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(moments)), List.copyOf(facts),
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(snapshots)));
    }

    static boolean relevant(String event) {
      return event.contains(" MachineHealthCheck ") || event.contains(" MachinePool ")
          || event.contains("reconcileUnhealthyMachines:") || event.contains(" CREATE_MACHINE ")
          || event.contains(" DELETE_MACHINE ");
    }
  }
}
