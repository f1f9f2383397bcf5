package io.capi4j.examples;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ClusterStatus;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinehealthcheck.GateDecision;
import io.capi4j.machinehealthcheck.MachineHealthCheckInput;
import io.capi4j.machinehealthcheck.MachineHealthCheckPlan;
import io.capi4j.machinehealthcheck.MachineHealthCheckPlanner;
import io.capi4j.machinehealthcheck.MachineUpdate;
import io.capi4j.machinehealthcheck.RemediationHandling;
import io.capi4j.machinehealthcheck.TargetEvaluation;
import io.capi4j.machinehealthcheck.UnhealthyMachine;
import io.capi4j.machinepool.MachinePoolRemediationInput;
import io.capi4j.machinepool.MachinePoolRemediationPlan;
import io.capi4j.machinepool.MachinePoolRemediationPlanner;
import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.ManifestException;
import io.capi4j.manifest.Manifests;
import io.capi4j.providers.docker.testing.HealthCheckScenarios;
import io.capi4j.spi.Providers;
import io.capi4j.util.GoDuration;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code health-check FILE [--now RFC3339]}: evaluates the MachineHealthChecks of a manifest against its Machines
 * and Nodes with capi4j's planner and prints the targets, their health, the remediation gate and the plan, with
 * reasons. {@code health-check --scenario NAME [--seed N]}: runs a health-check scenario on the simulated cloud and
 * prints its decisions with their virtual times.
 */
@Command(
    name = "health-check",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates MachineHealthChecks as Cluster API would (capi4j's planner): the targets, their health, the",
      "remediation gate and the remediation plan, with reasons; MachinePool Machines also get capi4j's pool",
      "remediation plan when their MachinePool is in the file.",
      "With --scenario, runs a scenario on the simulated cloud (Docker provider) and prints the decisions with",
      "their times: " + "node-never-joins, max-unhealthy, pool-instance-not-ready, retry-limit.",
      "Exit 0: evaluated (or the scenario completed); 1: invalid input (or the scenario did not complete);",
      "2: usage error (bad options, unreadable file)."
    })
final class HealthCheckCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "YAML or JSON manifest with MachineHealthChecks, Machines, Nodes and optionally the Cluster")
  Path file;

  @Option(names = "--now", paramLabel = "RFC3339",
      description = "the evaluation time, e.g. 2026-03-01T12:00:00Z (default: the current time)")
  String now;

  @Option(names = "--scenario", paramLabel = "NAME", description = "run a scenario instead: ${COMPLETION-CANDIDATES}",
      completionCandidates = ScenarioNames.class)
  String scenario;

  @Option(names = "--seed", defaultValue = "1", description = "scenario random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Spec CommandSpec spec;

  /** Where the current time comes from when {@code --now} is not given. */
  Clock clock = Clock.systemUTC();

  static final class ScenarioNames extends ArrayList<String> {
    ScenarioNames() {
      super(HealthCheckScenarios.NAMES);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (scenario != null) {
        if (file != null || now != null) {
          return usage(err, "--scenario takes no FILE and no --now");
        }
        return runScenario(out, err);
      }
      if (file == null) {
        return usage(err, "give a FILE, or --scenario NAME");
      }
      return evaluate(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int usage(PrintWriter err, String message) {
    err.println("error: " + message);
    return 2;
  }

  // ---- scenarios ---------------------------------------------------------------------------------------------------

  private int runScenario(PrintWriter out, PrintWriter err) {
    if (!HealthCheckScenarios.NAMES.contains(scenario)) {
      return usage(err, "--scenario: unknown scenario \"" + scenario + "\"; known: "
          + String.join(", ", HealthCheckScenarios.NAMES));
    }
    HealthCheckScenarios.Result r = HealthCheckScenarios.run(scenario, seed);
    out.println("scenario " + scenario + " (seed " + seed + "; Docker provider on a simulated cloud; virtual time from "
        + r.start() + ")");
    out.println("decisions:");
    r.relativeTimeline().forEach(l -> out.println("  " + l));
    out.println("found:");
    r.facts().forEach(f -> out.println("  " + f));
    out.println("result: " + (r.completed() ? "completed" : "did NOT complete"));
    if (!r.completed()) {
      err.println("scenario " + scenario + " did not complete");
      return 1;
    }
    return 0;
  }

  // ---- a manifest ----------------------------------------------------------------------------------------------------

  private int evaluate(PrintWriter out, PrintWriter err) {
    Instant at;
    if (now == null) {
      at = clock.instant();
    } else {
      Optional<Instant> parsed = Conditions.parseTime(now);
      if (parsed.isEmpty()) {
        return usage(err, "--now: \"" + now + "\" is not an RFC 3339 time such as 2026-03-01T12:00:00Z");
      }
      at = parsed.get();
    }
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      return usage(err, "cannot read " + file);
    }
    Providers providers = Providers.load();
    List<ManifestDocument> docs;
    try {
      docs = Manifests.create(providers).read(file);
    } catch (ManifestException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    List<MachineHealthCheck> mhcs = new ArrayList<>();
    List<Machine> machines = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    List<Cluster> clusters = new ArrayList<>();
    List<MachinePool> pools = new ArrayList<>();
    List<GenericKubernetesResource> others = new ArrayList<>();
    boolean invalid = false;
    Manifests manifests = Manifests.create(providers);
    for (AdmissionResult r : Admission.create(providers).admit(docs)) {
      ManifestDocument d = r.document().orElseThrow();
      if (r.isInvalid()) {
        invalid = true;
        err.println("INVALID " + r.kind() + "/" + r.name() + " (" + d.location() + ")");
        for (FieldError e : r.errors()) {
          err.println("  " + d.source() + ":" + d.lineOf(e.field()) + ": " + e);
        }
        continue;
      }
      Object o = r.object().orElse(null);
      if (o instanceof MachineHealthCheck m) {
        mhcs.add(m);
      } else if (o instanceof Machine m) {
        machines.add(m);
      } else if (o instanceof Cluster c) {
        clusters.add(c);
      } else if (o instanceof MachinePool p) {
        pools.add(p);
      } else if (o instanceof Node n) {
        nodes.add(n);
      } else if ("Node".equals(d.gvk().kind()) && "v1".equals(d.gvk().apiVersion())) {
        var decoded = manifests.decode(d.raw(), Node.class);
        if (!decoded.errors().isEmpty()) {
          invalid = true;
          err.println("INVALID Node/" + d.name() + " (" + d.location() + ")");
          decoded.errors().forEach(e -> err.println("  " + d.source() + ":" + d.lineOf(e.field()) + ": " + e));
          continue;
        }
        nodes.add(decoded.value().orElseThrow());
      } else if (o instanceof GenericKubernetesResource g) {
        others.add(g);
      }
    }
    if (invalid) {
      return 1;
    }
    if (mhcs.isEmpty()) {
      err.println("error: " + file + " has no MachineHealthCheck");
      return 1;
    }
    boolean failed = false;
    for (MachineHealthCheck mhc : mhcs) {
      failed |= !evaluate(out, err, mhc, at, machines, nodes, clusters, pools, others);
    }
    return failed ? 1 : 0;
  }

  private boolean evaluate(PrintWriter out, PrintWriter err, MachineHealthCheck mhc, Instant at, List<Machine> machines,
      List<Node> nodes, List<Cluster> clusters, List<MachinePool> pools, List<GenericKubernetesResource> others) {
    out.println("MachineHealthCheck " + mhc.key() + " (cluster " + mhc.spec().clusterName() + ") at " + at);
    Optional<Cluster> found = clusters.stream()
        .filter(c -> c.name().equals(mhc.spec().clusterName()) && c.namespace().equals(mhc.namespace())).findFirst();
    Cluster cluster = found.orElseGet(() -> assumedCluster(mhc));
    out.println("  cluster: " + (found.isPresent() ? "Cluster " + cluster.key() + " from the file"
        : "no Cluster " + mhc.spec().clusterName() + " in the file: assumed with ControlPlaneInitialized and"
            + " InfrastructureReady True since long before now"));
    // The MachineHealthCheck as after its first reconcile: the Paused condition is set (upstream writes it first
    // and returns), so that one evaluation shows the health check.
    MachineHealthCheck settled = mhc;
    MachineHealthCheckPlan first = plan(mhc, cluster, machines, nodes, others, at);
    if (first.outcome() == io.capi4j.machinehealthcheck.PlanOutcome.PAUSED_CONDITION_UPDATED) {
      settled = mhc.withStatus(first.status());
    }
    MachineHealthCheckPlan p = plan(settled, cluster, machines, nodes, others, at);
    out.println("  outcome: " + p.outcome());
    p.skipped().forEach(s -> out.println("  skipped: " + s.name() + ": " + s.reason()));
    if (!p.evaluations().isEmpty()) {
      out.println("  targets (" + p.evaluations().size() + "):");
      int width = p.evaluations().stream().mapToInt(e -> e.name().length()).max().orElse(0);
      for (TargetEvaluation e : p.evaluations()) {
        String detail = switch (e.health()) {
          case UNHEALTHY -> e.result().reason() + ": " + e.result().message().replace("\n", " ")
              .replace("Health check failed:   * ", "").replace("  * ", "; ");
          default -> e.explanation();
        };
        out.printf("    %-" + width + "s  %-12s %s%n", e.name(), e.health(), detail);
      }
    }
    p.gate().ifPresent(g -> out.println("  gate: " + gate(g)));
    out.println("  plan:");
    for (MachineUpdate u : p.machineUpdates()) {
      out.println("    Machine " + u.machineName() + ": " + u.reason());
    }
    p.annotations().ifPresent(a -> out.println("    write the MachineHealthCheck's annotations (capi4j retry history)"));
    p.requeueAfter().ifPresent(d -> out.println("    requeue after " + GoDuration.format(d)));
    if (p.machineUpdates().isEmpty() && p.requeueAfter().isEmpty()) {
      out.println("    nothing to do");
    }
    out.println("  status: expectedMachines=" + p.status().expectedMachines().map(String::valueOf).orElse("-")
        + " currentHealthy=" + p.status().currentHealthy().map(String::valueOf).orElse("-")
        + " remediationsAllowed=" + p.status().remediationsAllowed().map(String::valueOf).orElse("-"));
    p.status().conditions().forEach(c -> out.println("    " + c.getType() + "=" + c.getStatus() + " (" + c.getReason()
        + ")" + (c.getMessage() == null || c.getMessage().isEmpty() ? "" : ": " + c.getMessage().replace("\n", " "))));
    owners(out, p, machines, pools, at);
    p.errors().forEach(e -> err.println("error: " + mhc.key() + ": " + e));
    out.println();
    return p.errors().isEmpty();
  }

  private static MachineHealthCheckPlan plan(MachineHealthCheck mhc, Cluster cluster, List<Machine> machines,
      List<Node> nodes, List<GenericKubernetesResource> others, Instant at) {
    var ref = mhc.spec().remediationOrEmpty().templateRef().filter(r -> r.isDefined());
    Optional<GenericKubernetesResource> template = ref.flatMap(r -> others.stream()
        .filter(o -> r.kind().equals(o.getKind()) && r.name().equals(o.getMetadata().getName())).findFirst());
    String requestKind = ref.map(r -> r.kind().endsWith("Template") ? r.kind().substring(0, r.kind().length() - 8)
        : r.kind()).orElse("");
    return MachineHealthCheckPlanner.plan(MachineHealthCheckInput.builder()
        .machineHealthCheck(mhc).cluster(cluster).machines(machines).nodes(nodes).now(at)
        .remediationTemplate(template)
        .remediationRequests(others.stream().filter(o -> requestKind.equals(o.getKind())).toList())
        .build());
  }

  /** What the owners of the unhealthy Machines do with them next. */
  private static void owners(PrintWriter out, MachineHealthCheckPlan p, List<Machine> machines, List<MachinePool> pools,
      Instant at) {
    List<UnhealthyMachine> handed = p.unhealthy().stream()
        .filter(u -> u.handling() == RemediationHandling.OWNER).toList();
    if (handed.isEmpty()) {
      return;
    }
    out.println("  owners:");
    // The Machines as the plan leaves them.
    Map<String, Machine> after = new LinkedHashMap<>();
    machines.forEach(m -> after.put(m.key(), m));
    for (MachineUpdate u : p.machineUpdates()) {
      String key = u.namespace() + "/" + u.machineName();
      Machine m = after.get(key);
      if (m != null) {
        after.put(key, u.applyTo(m));
      }
    }
    Map<String, List<UnhealthyMachine>> byPool = new LinkedHashMap<>();
    for (UnhealthyMachine u : handed) {
      if (u.ownedByMachinePool()) {
        byPool.computeIfAbsent(u.namespace() + "/" + u.ownerName(), k -> new ArrayList<>()).add(u);
      } else if ("MachineSet".equals(u.ownerKind())) {
        out.println("    " + u.name() + " -> MachineSet " + u.ownerName() + ": deletes it if it belongs to the current"
            + " revision, within md.spec.remediation.maxInFlight (reconcileUnhealthyMachines), then creates a"
            + " replacement");
      } else if (u.owner().isPresent()) {
        out.println("    " + u.name() + " -> " + u.owner().get() + ": remediates it (not evaluated here)");
      } else {
        out.println("    " + u.name() + ": no controller owner, nothing remediates it");
      }
    }
    for (var e : byPool.entrySet()) {
      Optional<MachinePool> mp = pools.stream().filter(x -> x.key().equals(e.getKey())).findFirst();
      if (mp.isEmpty()) {
        out.println("    MachinePool " + e.getKey() + " (not in the file): its capi4j pool remediation would take "
            + String.join(", ", e.getValue().stream().map(UnhealthyMachine::name).toList()));
        continue;
      }
      MachinePoolRemediationPlan r = MachinePoolRemediationPlanner.plan(MachinePoolRemediationInput.builder()
          .machinePool(mp.get()).machines(after.values()).machinePoolMachines(true).now(at).build());
      out.println("    MachinePool " + e.getKey() + " (capi4j pool remediation):");
      r.steps().forEach(s -> out.println("      " + s));
      r.errors().forEach(s -> out.println("      error: " + s));
    }
  }

  private static String gate(GateDecision g) {
    if (g.error().isPresent()) {
      return "error: " + g.errorText().orElse("");
    }
    return (g.allowed() ? "remediation allowed: " : "remediation NOT allowed: ") + g.explanation()
        + "; remediationsAllowed=" + g.remediationsAllowed() + (g.message().isEmpty() ? "" : "; " + g.message());
  }

  /** A Cluster whose control plane and infrastructure have long been ready. */
  private static Cluster assumedCluster(MachineHealthCheck mhc) {
    Instant longAgo = Instant.parse("2000-01-01T00:00:00Z");
    return Cluster.builder()
        .metadata(new ObjectMetaBuilder().withName(mhc.spec().clusterName()).withNamespace(mhc.namespace()).build())
        .spec(ClusterSpec.builder().build())
        .status(ClusterStatus.builder()
            .addCondition(Conditions.of(Capi.Conditions.CONTROL_PLANE_INITIALIZED, Conditions.TRUE, "Initialized", "",
                longAgo))
            .addCondition(Conditions.of(Capi.Conditions.INFRASTRUCTURE_READY, Conditions.TRUE, "Ready", "", longAgo))
            .build())
        .build();
  }
}
