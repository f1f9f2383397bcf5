package io.capi4j.examples;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.external.Contracts;
import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.ManifestException;
import io.capi4j.manifest.Manifests;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulatedInfrastructures;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.Providers;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.Semver;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rollout-preview FILE}: what a version bump and/or a replica change of a MachineDeployment or MachinePool
 * would do, timed on a provider's simulated cloud. Upstream Cluster API has no such preview: the steps come from
 * capi4j's planners (the same decisions upstream's controllers take), the timings from the simulation profile.
 */
@Command(
    name = "rollout-preview",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a MachineDeployment or MachinePool manifest (with its templates) in capi4j's simulation on its provider's",
      "profile until it is steady, applies a change (--set-version and/or --replicas), runs the rollout and prints",
      "the planned steps, capacity over time, each machine's replacement, the ETA and any blocker explained.",
      "Timings are the simulation profile's, not a promise: upstream Cluster API has no such preview.",
      "Exit 0: the rollout completes; 1: it is blocked or does not finish in time; 2: unusable input."
    })
final class RolloutPreviewCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "a MachineDeployment or MachinePool with its templates")
  Path file;

  @Option(names = "--replicas", paramLabel = "N", description = "spec.replicas after the change (default: unchanged)")
  Integer replicas;

  @Option(names = "--set-version", paramLabel = "vX.Y.Z", description = "spec.template.spec.version after the change")
  String setVersion;

  @Option(names = "--control-plane-version", paramLabel = "vX.Y.Z",
      description = "the simulated control plane's version once the change is applied (default: --set-version, so "
          + "that the worker bump is legal)")
  String controlPlaneVersion;

  @Option(names = "--profile", paramLabel = "P", description = "simulation profile (default: the provider's first)")
  String profile;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--max-steps", defaultValue = "40", description = "planned steps to print at most (default ${DEFAULT-VALUE})")
  int maxSteps;

  @Spec CommandSpec spec;

  static final Duration LIMIT = Duration.ofHours(3);

  private PrintWriter err;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    try {
      return preview(out);
    } catch (UsageError e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  /** Bad input: exit 2. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message);
    }
  }

  private int preview(PrintWriter out) {
    Providers providers = Providers.load();
    List<Object> objects = admitted(providers);
    List<Object> owners = objects.stream()
        .filter(o -> o instanceof MachineDeployment || o instanceof MachinePool).toList();
    if (owners.size() != 1) {
      throw new UsageError(file + ": need exactly one MachineDeployment or MachinePool, found " + owners.size());
    }
    Object owner = owners.get(0);
    boolean isMd = owner instanceof MachineDeployment;
    MachineSpec template = isMd
        ? ((MachineDeployment) owner).spec().templateOrEmpty().specOrEmpty()
        : ((MachinePool) owner).spec().templateOrEmpty().specOrEmpty();
    String clusterName = isMd ? ((MachineDeployment) owner).spec().clusterName() : ((MachinePool) owner).spec().clusterName();
    String namespace = isMd ? ((MachineDeployment) owner).namespace() : ((MachinePool) owner).namespace();
    String name = isMd ? ((MachineDeployment) owner).name() : ((MachinePool) owner).name();
    int current = (isMd ? ((MachineDeployment) owner).spec().replicas() : ((MachinePool) owner).spec().replicas()).orElse(1);
    String version = template.version();
    if (version.isEmpty()) {
      throw new UsageError(kindOf(owner) + " " + name + " has no spec.template.spec.version: nothing to roll out from");
    }
    int targetReplicas = replicas == null ? current : replicas;
    if (targetReplicas < 0 || targetReplicas > 500) {
      throw new UsageError("--replicas must be within [0, 500]");
    }
    String targetVersion = setVersion == null ? version : checkVersion("--set-version", setVersion);
    if (targetReplicas == current && targetVersion.equals(version)) {
      throw new UsageError("nothing to preview: give --set-version and/or --replicas different from the manifest's ("
          + version + ", " + current + " replicas)");
    }
    String cpTarget = controlPlaneVersion != null ? checkVersion("--control-plane-version", controlPlaneVersion)
        : newer(version, targetVersion);

    // The provider, from the infrastructure kind.
    String infraKind = template.infrastructureRefOrEmpty().kind();
    InfrastructureProvider provider = providers.owning(infraKind)
        .orElseThrow(() -> new UsageError("no provider owns infrastructure kind \"" + infraKind + "\""));
    ProviderDescriptor d = provider.descriptor();
    SimulatedInfrastructure infra = SimulatedInfrastructures.forProvider(d.name())
        .orElseThrow(() -> new UsageError("provider " + d.name() + " has no simulated infrastructure"));
    String prof = profile == null ? infra.profiles().get(0) : profile;
    if (!infra.profiles().contains(prof)) {
      throw new UsageError("profile \"" + prof + "\" is not one of " + d.name() + "'s: " + infra.profiles());
    }
    boolean managed = d.managedPools().stream().anyMatch(k -> k.kind().equals(infraKind));
    boolean poolMachines = !isMd && d.poolKind(infraKind).flatMap(ProviderDescriptor.PoolKind::machineKind).isPresent();
    RolloutPreview.Setup setup = new RolloutPreview.Setup(objects,
        isMd ? RolloutPreview.Owner.MACHINE_DEPLOYMENT : RolloutPreview.Owner.MACHINE_POOL, namespace, name,
        clusterName, infra, prof,
        managed ? infra.managedPoolProfile(prof).orElseThrow() : infra.cloudProfile(prof),
        managed ? infra.managedPoolSimulationProfile(prof) : infra.simulationProfile(prof),
        poolMachines, seed, current, version, targetReplicas, targetVersion, version, cpTarget, LIMIT);
    RolloutPreview preview = new RolloutPreview(setup);
    RolloutPreview.Result r;
    try {
      r = preview.run();
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }

    out.printf("rollout-preview: %s %s/%s on %s, profile %s, seed %d%n", kindOf(owner), namespace, name,
        d.displayName(), prof, seed);
    out.printf("Change: version %s -> %s, replicas %d -> %d%n", version, targetVersion, current, targetReplicas);
    out.println("Strategy: " + strategy(owner, objects, infraKind));
    out.println("Control plane: the simulation starts it at " + version + (cpTarget.equals(version)
        ? " and keeps it there" : " and sets it to " + cpTarget + " when the change is applied")
        + " (it does not model control plane upgrades). "
        + (isMd ? "MachineSet preflight checks hold back new Machines whose version is above the control plane's"
            + " (KubernetesVersionSkew) or of another minor (KubeadmVersionSkew)" + (controlPlaneVersion == null
                ? ", so --set-version moves the control plane first." : "; --control-plane-version sets it.")
            : "MachinePools have no preflight checks."));
    out.println("Timings come from the profile's latency distributions (simulated, not measured); upstream Cluster"
        + " API offers no such preview.");
    if (!r.steady()) {
      out.printf("%nThe %s did not reach a steady state of %d Ready workers on %s within %s.%n", kindOf(owner), current,
          version, human(LIMIT));
      blockers(out, r, owner, setup, preview);
      return 1;
    }
    out.printf("Steady state before the change: %d Ready workers on %s, %d machines.%n", r.initial().readyNodes(),
        version, r.initial().machines());

    steps(out, r);
    capacity(out, r, owner, setup);
    replacements(out, r, isMd || poolMachines);
    out.println();
    if (r.done()) {
      out.printf("ETA: %s after the change (%d workers Ready on %s, nothing left to delete).%n", human(r.eta().get()),
          targetReplicas, targetVersion);
    } else {
      out.printf("ETA: none: %s (%d of %d workers Ready on %s).%n", r.stalled()
          ? "no progress for " + human(RolloutPreview.STALL) + ", the rollout is blocked"
          : "not finished " + human(LIMIT) + " after the change", r.last().upToDateReady(), targetReplicas, targetVersion);
    }
    blockers(out, r, owner, setup, preview);
    out.flush();
    if (!r.failures().isEmpty()) {
      err.println("reconcile failures: " + r.failures().get(0));
      err.flush();
    }
    return r.done() ? 0 : 1;
  }

  private List<Object> admitted(Providers providers) {
    List<ManifestDocument> docs;
    try {
      docs = Manifests.create(providers).read(file);
    } catch (ManifestException e) {
      throw new UsageError(e.getMessage());
    }
    List<Object> objects = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (AdmissionResult r : Admission.create(providers).admit(docs)) {
      if (r.isInvalid()) {
        for (FieldError e : r.errors()) {
          problems.add(r.kind() + "/" + r.name() + ": " + e);
        }
      } else if (r.object().isPresent()) {
        objects.add(r.object().get());
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageError(file + " has objects the API server would reject:\n  " + String.join("\n  ", problems));
    }
    return objects;
  }

  private static String checkVersion(String option, String v) {
    if (!v.startsWith("v") || Semver.parse(v.substring(1)).isEmpty()) {
      throw new UsageError(option + " must be a version like v1.33.0, got \"" + v + "\"");
    }
    return v;
  }

  private static String newer(String a, String b) {
    Semver x = Semver.parseTolerant(a).orElseThrow();
    Semver y = Semver.parseTolerant(b).orElseThrow();
    return x.compareTo(y) >= 0 ? a : b;
  }

  private static String kindOf(Object o) {
    return o instanceof MachineDeployment ? MachineDeployment.KIND : MachinePool.KIND;
  }

  private static String strategy(Object owner, List<Object> objects, String infraKind) {
    if (owner instanceof MachineDeployment md) {
      var s = md.spec().rollout().flatMap(x -> x.strategy());
      String type = s.map(x -> x.type()).filter(t -> !t.isEmpty()).orElse("RollingUpdate");
      Optional<MachineDeploymentRolloutStrategyRollingUpdate> ru = s.flatMap(x -> x.rollingUpdate());
      return "MachineDeployment " + type + (type.equals("RollingUpdate")
          ? ", maxSurge " + ru.flatMap(x -> x.maxSurge()).map(IntOrPercent::toString).orElse("1")
              + ", maxUnavailable " + ru.flatMap(x -> x.maxUnavailable()).map(IntOrPercent::toString).orElse("0")
          : "");
    }
    for (Object o : objects) {
      if (io.capi4j.simulation.Meta.meta(o) != null && infraKind.equals(io.capi4j.simulation.ObjectKey.of(o).kind())) {
        var tree = Contracts.tree(o).path("spec").path("strategy");
        return infraKind + (tree.isMissingNode() || tree.isNull() ? ": the provider's default"
            : " spec.strategy " + tree);
      }
    }
    return "the provider's";
  }

  private static String rel(Duration d) {
    return String.format(Locale.ROOT, "+%.1fs", d.toMillis() / 1000.0);
  }

  static String human(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  /** Steps that only report or wait are not decisions (waits are listed with the blockers). */
  static boolean decision(RolloutPreview.Step s) {
    String t = s.text();
    if (s.source().startsWith("MachineSet ")) {
      return !(t.contains(": NOTHING ") || t.contains("_CONDITION ") || t.contains(": ADD_FINALIZER ")
          || t.contains(": UPDATE_MACHINE ") || t.contains(": WAIT ") || t.contains(": BLOCKED ")
          || t.contains(": ADOPT_MACHINE "));
    }
    if (s.source().startsWith("MachineDeployment ")) {
      return true;
    }
    String l = t.toLowerCase(Locale.ROOT);
    return !(wait(s) || l.startsWith("status") || l.matches("^\\S+ state .*") || l.contains("requeue")
        || l.contains(": no update") || l.startsWith("add finalizer"));
  }

  /** Steps that say a planner waits (or is held back). */
  static boolean wait(RolloutPreview.Step s) {
    String t = s.text();
    if (s.source().startsWith("MachineSet ")) {
      return t.contains(": BLOCKED ");
    }
    if (s.source().startsWith("MachineDeployment ")) {
      return t.contains("unblock rollout");
    }
    String l = t.toLowerCase(Locale.ROOT);
    return l.contains("wait") || l.contains("never ");
  }

  private void steps(PrintWriter out, RolloutPreview.Result r) {
    out.println();
    out.println("Planned steps (the planners' decisions with their reasons, time since the change; a decision taken"
        + " again later is shown once, with its count):");
    Map<String, Integer> count = new LinkedHashMap<>();
    Map<String, Duration> first = new LinkedHashMap<>();
    for (RolloutPreview.Step s : r.steps()) {
      if (!decision(s)) {
        continue;
      }
      String text = s.source() + ": " + s.text();
      count.merge(text, 1, Integer::sum);
      first.putIfAbsent(text, s.at());
    }
    if (count.isEmpty()) {
      out.println("  (none)");
    }
    int shown = 0;
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      if (shown++ >= maxSteps) {
        out.println("  ... " + (count.size() - maxSteps) + " more (--max-steps)");
        break;
      }
      out.printf(Locale.ROOT, "  %-9s %s%s%n", rel(first.get(e.getKey())), e.getKey(),
          e.getValue() > 1 ? " (x" + e.getValue() + ")" : "");
    }
  }

  private void capacity(PrintWriter out, RolloutPreview.Result r, Object owner, RolloutPreview.Setup setup) {
    out.println();
    boolean machines = setup.owner() == RolloutPreview.Owner.MACHINE_DEPLOYMENT || setup.poolMachines();
    out.println("Capacity over time (ready: Ready Nodes; available: Ready and not being deleted; up-to-date: Ready on "
        + setup.targetVersion() + "; " + (machines ? "machines: Machine objects" : "machines: Nodes") + "):");
    out.println("  time       ready  available  up-to-date  machines");
    List<RolloutPreview.Sample> samples = r.samples();
    int shown = 0;
    int max = 60;
    for (int i = 0; i < samples.size(); i++) {
      // Keep the first and last rows; fold the middle when long.
      if (samples.size() > max && i >= max / 2 && i < samples.size() - max / 2) {
        if (i == max / 2) {
          out.println("  ... " + (samples.size() - max) + " rows folded");
        }
        continue;
      }
      RolloutPreview.Sample s = samples.get(i);
      out.printf(Locale.ROOT, "  %-9s  %5d  %9d  %10d  %8d%n", rel(s.at()), s.readyNodes(), s.available(),
          s.upToDateReady(), s.machines());
      shown++;
    }
    int minAvailable = samples.stream().mapToInt(RolloutPreview.Sample::available).min().orElse(0);
    int peak = samples.stream().mapToInt(RolloutPreview.Sample::machines).max().orElse(0);
    int desired = setup.targetReplicas();
    String bounds = "";
    if (owner instanceof MachineDeployment md) {
      var ru = md.spec().rollout().flatMap(x -> x.strategy()).flatMap(x -> x.rollingUpdate());
      IntOrString surge = ru.flatMap(x -> x.maxSurge()).orElse(new IntOrString(1));
      IntOrString unavailable = ru.flatMap(x -> x.maxUnavailable()).orElse(new IntOrString(0));
      int maxSurge = IntOrPercent.scaled(surge, desired, true);
      int maxUnavailable = IntOrPercent.scaled(unavailable, desired, false);
      bounds = String.format(Locale.ROOT, " (maxUnavailable %d keeps at least %d; maxSurge %d allows %d)",
          maxUnavailable, Math.max(0, desired - maxUnavailable), maxSurge, desired + maxSurge);
    }
    out.printf("  min available %d, peak machines %d (counting ones being deleted: +%d over %d desired)%s%n",
        minAvailable, peak,
        Math.max(0, peak - Math.max(desired, setup.replicas())), desired, bounds);
  }

  private void replacements(PrintWriter out, RolloutPreview.Result r, boolean machines) {
    out.println();
    out.println("Machine replacements (time since the change; an old machine is paired with the new one that"
        + " became Ready in the same order):");
    List<RolloutPreview.Life> olds = r.lives().stream().filter(l -> l.old && l.gone != null)
        .sorted(Comparator.comparing((RolloutPreview.Life l) -> l.gone)).toList();
    List<RolloutPreview.Life> news = r.lives().stream().filter(l -> !l.old && r.nodeReady().containsKey(l.providerID))
        .filter(l -> l.gone == null)
        .sorted(Comparator.comparing((RolloutPreview.Life l) -> r.nodeReady().get(l.providerID))).toList();
    int n = Math.max(olds.size(), news.size());
    if (n == 0) {
      out.println("  (none)");
    }
    Instant t0 = r.changedAt();
    for (int i = 0; i < n; i++) {
      String left = i < olds.size()
          ? String.format(Locale.ROOT, "%s (drain/delete %s, gone %s)", olds.get(i).name,
              olds.get(i).deleting == null ? "?" : rel(Duration.between(t0, olds.get(i).deleting)),
              rel(Duration.between(t0, olds.get(i).gone)))
          : "(scale-up)";
      String right = i < news.size()
          ? String.format(Locale.ROOT, "%s (created %s, Ready %s)", news.get(i).name,
              rel(Duration.between(t0, news.get(i).created)),
              rel(Duration.between(t0, r.nodeReady().get(news.get(i).providerID))))
          : "(scale-down)";
      out.printf("  %2d. %s -> %s%n", i + 1, left, right);
    }
    long stillOld = r.lives().stream().filter(l -> l.old && l.gone == null).count();
    if (stillOld > 0 && machines) {
      out.println("  " + stillOld + " old machine(s) kept (not replaced)");
    }
  }

  /** Waits the planners reported, and why the rollout stopped if it did. */
  private void blockers(PrintWriter out, RolloutPreview.Result r, Object owner, RolloutPreview.Setup setup,
      RolloutPreview preview) {
    out.println();
    Map<String, int[]> waits = new LinkedHashMap<>();
    Map<String, Duration[]> when = new LinkedHashMap<>();
    Map<String, String> example = new LinkedHashMap<>();
    for (RolloutPreview.Step s : r.steps()) {
      if (!wait(s)) {
        continue;
      }
      // Fold waits that differ only in numbers (machine indexes, counts).
      String key = (s.source() + ": " + s.text()).replaceAll("[0-9]+", "#");
      waits.computeIfAbsent(key, k -> new int[1])[0]++;
      when.computeIfAbsent(key, k -> new Duration[] {s.at(), s.at()})[1] = s.at();
      example.put(key, s.source() + ": " + s.text());
    }
    List<String> explained = new ArrayList<>();
    if (!r.done()) {
      var sim = preview.simulation();
      List<io.capi4j.api.core.v1beta2.Machine> unavailable = sim.management()
          .list(io.capi4j.api.core.v1beta2.Machine.class, io.capi4j.api.core.v1beta2.Machine.KIND).stream()
          .filter(m -> !io.capi4j.conditions.Conditions.isTrue(m.statusOrEmpty().conditions(), Capi.Conditions.AVAILABLE))
          .toList();
      if (owner instanceof MachineDeployment md) {
        int maxUnavailable = IntOrPercent.scaled(md.spec().rollout().flatMap(x -> x.strategy())
            .flatMap(x -> x.rollingUpdate()).flatMap(x -> x.maxUnavailable()).orElse(new IntOrString(0)),
            setup.targetReplicas(), false);
        if (!unavailable.isEmpty() && maxUnavailable == 0) {
          explained.add("maxUnavailable is 0 and " + unavailable.size() + " Machine(s) are unavailable ("
              + String.join(", ", unavailable.stream().map(m -> m.name()).limit(5).toList())
              + "): the MachineDeployment deletes an old Machine only when that keeps " + setup.targetReplicas()
              + " available, so it waits for them (the deadlock breaker removes an unavailable old Machine only"
              + " once the new MachineSet is fully available)");
        }
      }
      example.values().stream().filter(k -> k.contains(": BLOCKED ")).reduce((a, b) -> b).ifPresent(k ->
          explained.add("MachineSet preflight checks hold back new Machines: " + k.substring(k.indexOf(" - ") + 3)
              + " (the simulation's control plane is at " + sim.controlPlaneVersion() + "; with a worker version of "
              + setup.targetVersion() + " it must be at the same minor: omit --control-plane-version or set it to "
              + setup.targetVersion() + ")"));
      if (explained.isEmpty()) {
        explained.add((r.stalled() ? "no progress for " + human(RolloutPreview.STALL) : "not finished within "
            + human(LIMIT)) + "; the last decisions were:");
        r.steps().stream().filter(RolloutPreviewCommand::decision).skip(Math.max(0, r.steps().stream()
            .filter(RolloutPreviewCommand::decision).count() - 3))
            .forEach(s -> explained.add("  " + rel(s.at()) + " " + s.source() + ": " + s.text()));
      }
    }
    if (owner instanceof MachineDeployment md && setup.targetReplicas() > 0) {
      var ru = md.spec().rollout().flatMap(x -> x.strategy()).flatMap(x -> x.rollingUpdate());
      int maxSurge = IntOrPercent.scaled(ru.flatMap(x -> x.maxSurge()).orElse(new IntOrString(1)),
          setup.targetReplicas(), true);
      int maxUnavailable = IntOrPercent.scaled(ru.flatMap(x -> x.maxUnavailable()).orElse(new IntOrString(0)),
          setup.targetReplicas(), false);
      int atOnce = Math.max(1, maxSurge + maxUnavailable);
      if (!setup.targetVersion().equals(setup.version())) {
        out.printf("Pacing: maxSurge %d + maxUnavailable %d: the MachineDeployment replaces at most %d Machine(s) at a"
            + " time, so %d Machines take about %d round(s) of a new Machine becoming Ready and an old one being"
            + " drained and deleted%s.%n", maxSurge, maxUnavailable, atOnce, setup.targetReplicas(),
            (setup.targetReplicas() + atOnce - 1) / atOnce,
            maxUnavailable == 0 ? " (maxUnavailable 0: an old Machine goes only once its replacement is available)" : "");
      }
    }
    if (explained.isEmpty()) {
      out.println("Blockers: none" + (r.done() ? "." : " found."));
    } else {
      out.println("Blockers:");
      explained.forEach(e -> out.println("  " + e));
    }
    if (waits.isEmpty()) {
      return;
    }
    out.println(r.done() ? "Waits on the way (a planner held back, then went on):" : "Waits:");
    int shown = 0;
    for (Map.Entry<String, int[]> e : waits.entrySet()) {
      if (shown++ >= 8) {
        out.println("  ... " + (waits.size() - 8) + " more kinds of waits");
        break;
      }
      Duration[] w = when.get(e.getKey());
      out.printf("  %s..%s (x%d): %s%n", rel(w[0]), rel(w[1]), e.getValue()[0], example.get(e.getKey()));
    }
  }
}
