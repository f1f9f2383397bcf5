package io.capi4j.testing.rollout;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.ImmutableMachineDeployment;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.machinedeployment.AppliedRollout;
import io.capi4j.machinedeployment.CanUpdateMachineSetInPlace;
import io.capi4j.machinedeployment.MachineDeploymentUtil;
import io.capi4j.machinedeployment.NewMachineSetName;
import io.capi4j.machinedeployment.RolloutInput;
import io.capi4j.machinedeployment.RolloutPlan;
import io.capi4j.machinedeployment.RolloutPlanner;
import io.capi4j.machinedeployment.RolloutPlanningException;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a {@link RolloutScenario} the way upstream Cluster API's rollout sequence tests do, and writes upstream's
 * trace format.
 *
 * <h2>Model</h2>
 *
 * <p>Each iteration fixes a task list at its start: {@code md}, every MachineSet by number, {@code ms<N+1>} (the
 * MachineSet the planner may create, N the highest MachineSet number), and under OnDelete {@code delete-machine} followed by every Machine. Tasks run
 * in list order ({@link TaskOrder#DEFAULT}) or in a seeded random selection ({@link TaskOrder#random(long)}); a task
 * whose object does not exist does nothing.
 *
 * <ul>
 *   <li>{@code md} runs capi4j's production {@link RolloutPlanner} (with the {@code InPlaceUpdates} gate on and
 *       in-place updates allowed for every old MachineSet when the scenario says so), applies the plan
 *       ({@link RolloutPlanner#apply}) to the stored MachineSets, never removing an annotation a later plan leaves
 *       out (upstream's harness hands the planner the live objects), recomputes the MachineDeployment status, logs
 *       the result, and under RollingUpdate checks {@code Σ max(spec, status.replicas) <= spec.replicas + maxSurge}
 *       and {@code available >= spec.replicas - maxUnavailable}.
 *   <li>{@code ms<K>} is a fake MachineSet controller: finishes in-place updates, clears acknowledged moves, creates
 *       missing Machines (unless creation is disabled), moves surplus Machines to the MachineSet named by its
 *       move annotation or deletes them (Machines updating in place first, highest number first; then lowest number
 *       first), and recomputes its status.
 *   <li>{@code delete-machine} (OnDelete) is the user: deletes the first outdated Machine while no more than
 *       {@code maxUserUnavailable} Machines are missing or deleting.
 *   <li>{@code m<N>} (OnDelete) is a fake Machine controller: removes a deleting Machine.
 * </ul>
 *
 * <p>The run converges when the MachineDeployment status reports {@code spec.replicas} replicas, all available;
 * exactly one MachineSet has the MachineDeployment's version, with spec, status and Machines all at
 * {@code spec.replicas}; every other MachineSet is empty; and no Machine is updating in place.
 *
 * <p>Machines are capi4j {@link Machine} objects owned (controller reference) by their MachineSet; a template is
 * reduced to its {@code spec.version}. Like upstream's harness, MachineSets carry no creation timestamp, so
 * "oldest first" means name order.
 */
public final class RolloutSimulation {
  /** Default iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 50;

  /** Iteration limit with a random order. */
  public static final int RANDOM_MAX_ITERATIONS = 150;

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private final RolloutScenario scenario;
  private final TaskOrder order;
  private final Random rng;
  private final StringBuilder out = new StringBuilder();

  private MachineDeployment md;
  private final List<MachineSet> machineSets = new ArrayList<>();
  private final Map<String, List<Machine>> machines = new HashMap<>();
  private int machineUID;
  private boolean canDelete;
  private final boolean tolerateSurge;
  private final boolean tolerateUnavailable;
  private String failure;

  private RolloutSimulation(RolloutScenario scenario, TaskOrder order) {
    this.scenario = scenario;
    this.order = order;
    this.rng = new Random(order.seed().orElse(0));
    this.md = buildMachineDeployment(scenario);
    List<ScenarioMachineSet> sets = new ArrayList<>(scenario.machineSets());
    sets.sort(Comparator.comparingLong(ms -> number(ms.name())));
    for (ScenarioMachineSet s : sets) {
      MachineSet ms = buildMachineSet(s);
      machineSets.add(ms);
      List<Machine> list = new ArrayList<>();
      for (String m : s.machines()) {
        list.add(buildMachine(m, s.name(), s.version()));
        machineUID = (int) Math.max(machineUID, number(m));
      }
      sortByNumber(list);
      machines.put(s.name(), list);
    }
    int total = 0;
    for (ScenarioMachineSet s : sets) {
      total += s.replicas();
    }
    int replicas = scenario.machineDeployment().replicas();
    this.tolerateSurge =
        scenario.tolerateMaxSurgeBreach().orElse(total > replicas + MachineDeploymentUtil.maxSurge(md));
    this.tolerateUnavailable =
        scenario.tolerateMaxUnavailableBreach().orElse(total < replicas - MachineDeploymentUtil.maxUnavailable(md));
  }

  /**
   * Runs {@code scenario} with the given task order.
   *
   * @throws IllegalArgumentException when the scenario breaks a rule of {@link RolloutScenario#validate()}
   */
  public static RolloutTrace run(RolloutScenario scenario, TaskOrder order) {
    if (!scenario.validate().isEmpty()) {
      throw new IllegalArgumentException("invalid scenario: " + scenario.validate());
    }
    return new RolloutSimulation(scenario, order).run();
  }

  private RolloutTrace run() {
    line("## " + scenario.name());
    line("");
    line("[Test] Initial state");
    summary();
    String random = order.isRandom() ? ", random(" + order.seed().getAsLong() + ")" : "";
    if (scenario.isOnDelete()) {
      line("[Test] Rollout " + machineCount() + " replicas, onDeleteStrategy" + random);
    } else {
      line("[Test] Rollout " + machineCount() + " replicas, MaxSurge=" + IntOrPercent.toString(scenario.maxSurge())
          + ", MaxUnavailable=" + IntOrPercent.toString(scenario.maxUnavailable()) + random);
    }
    int maxIterations =
        scenario.maxIterations().orElse(order.isRandom() ? RANDOM_MAX_ITERATIONS : DEFAULT_MAX_ITERATIONS);
    for (int i = 1; i <= maxIterations; i++) {
      List<String> tasks = taskList();
      for (int t : taskOrder(tasks.size())) {
        runTask(tasks.get(t), i);
        if (failure != null) {
          line("[Test] Failed: " + failure);
          summary();
          return new RolloutTrace(out.toString(), false, i, Optional.of(failure));
        }
      }
      if (converged()) {
        line("[Test] Final state");
        summary();
        return new RolloutTrace(out.toString(), true, i, Optional.empty());
      }
    }
    failure = "did not converge in " + maxIterations + " iterations";
    line("[Test] Failed: " + failure);
    summary();
    return new RolloutTrace(out.toString(), false, maxIterations, Optional.of(failure));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // tasks

  private List<String> taskList() {
    List<String> tasks = new ArrayList<>();
    tasks.add("md");
    for (MachineSet ms : machineSets) {
      tasks.add(ms.name());
    }
    tasks.add(nextMachineSetName());
    if (scenario.isOnDelete()) {
      tasks.add("delete-machine");
      for (MachineSet ms : machineSets) {
        for (Machine m : machines.get(ms.name())) {
          tasks.add(m.name());
        }
      }
    }
    return tasks;
  }

  /** {@code ms<N+1>}, N the highest MachineSet number: {@code ms<K+1>} when the K MachineSets are ms1..msK. */
  private String nextMachineSetName() {
    long max = 0;
    for (MachineSet ms : machineSets) {
      max = Math.max(max, number(ms.name()));
    }
    return "ms" + (max + 1);
  }

  private List<Integer> taskOrder(int count) {
    List<Integer> result = new ArrayList<>();
    if (!order.isRandom()) {
      for (int i = 0; i < count; i++) {
        result.add(i);
      }
      return result;
    }
    // upstream's randomTaskOrder: draw tasks without repetition; skip 30%, allow a repeat 30% of the time.
    Set<Integer> generated = new HashSet<>();
    while (generated.size() < count) {
      int n;
      do {
        n = rng.nextInt(count);
      } while (generated.contains(n));
      generated.add(n);
      if (rng.nextInt(10) < 3) {
        continue;
      }
      result.add(n);
      if (rng.nextInt(10) < 3) {
        generated.remove(n);
      }
    }
    return result;
  }

  private void runTask(String task, int i) {
    if (task.equals("md")) {
      reconcileMachineDeployment(i);
    } else if (task.equals("delete-machine")) {
      deleteMachine(i);
    } else if (task.startsWith("ms")) {
      if (findMachineSet(task) != null) {
        reconcileMachineSet(task, i);
      }
    } else {
      reconcileMachine(task, i);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // md: the production planner

  private static final List<String> ROLLOUT_ANNOTATIONS =
      List.of(
          Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION,
          Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION,
          Capi.ACKNOWLEDGED_MOVE_ANNOTATION,
          Capi.DISABLE_MACHINE_CREATE_ANNOTATION);

  private void reconcileMachineDeployment(int i) {
    line("[MD controller] Iteration " + i + ", Reconcile md");
    Map<String, MachineSet> before = new HashMap<>();
    machineSets.forEach(ms -> before.put(ms.name(), ms));
    List<Machine> all = allMachines();
    CanUpdateMachineSetInPlace canUpdate = scenario.inPlaceUpdates() ? (o, n) -> true : CanUpdateMachineSetInPlace.NEVER;
    RolloutInput input =
        RolloutInput.builder()
            .machineDeployment(md)
            .machineSets(machineSets)
            .machines(all)
            .now(NOW)
            .inPlaceUpdates(true)
            .canUpdateMachineSetInPlace(canUpdate)
            .machineSetNamer(d -> {
              String name = nextMachineSetName();
              return new NewMachineSetName(name, name);
            })
            .build();
    RolloutPlan plan;
    try {
      plan = RolloutPlanner.plan(input);
    } catch (RolloutPlanningException e) {
      failure = "planner error: " + e.getMessage();
      return;
    }
    AppliedRollout applied = RolloutPlanner.apply(plan);
    for (MachineSet written : applied.machineSets()) {
      store(written, before.get(written.name()));
    }
    if (plan.newMachineSet().isPresent()) {
      canDelete = true;
    }

    List<MachineSet> sets = machineSets;
    io.capi4j.api.core.v1beta2.ImmutableMachineDeploymentStatus.Builder status =
        MachineDeploymentStatus.builder()
            .from(md.status().orElse(MachineDeploymentStatus.builder().build()))
            .replicas(MachineDeploymentUtil.getActualReplicaCountForMachineSets(sets))
            .availableReplicas(MachineDeploymentUtil.getAvailableReplicaCountForMachineSets(sets));
    if (!scenario.isOnDelete()) {
      status.upToDateReplicas(MachineDeploymentUtil.getUpToDateReplicaCountForMachineSets(sets));
    }
    md = md.withStatus(status.build());

    line("[MD controller] - Result of rollout planner");
    line("    md: " + mdSummary());
    String current = plan.newMachineSet().map(MachineSet::name).orElse("");
    for (MachineSet ms : machineSets) {
      MachineSet b = before.get(ms.name());
      int desired = MachineDeploymentUtil.specReplicas(ms);
      int st = MachineDeploymentUtil.statusReplicas(ms);
      String tail = ", " + MachineDeploymentUtil.availableReplicas(ms) + " available, "
          + MachineDeploymentUtil.upToDateReplicas(ms) + " upToDate (" + machinesSummary(ms) + ")";
      if (b == null) {
        line("    " + ms.name() + ": " + st + "/" + desired + " replicas" + tail);
        line("      - MachineSet " + ms.name() + " created, it is now the current MachineSet");
        if (desired > 0) {
          line("      - Scaled up current MachineSet " + ms.name() + " from 0 to " + desired + " replicas (+" + desired + ")");
          line("        - Reason: " + plan.reason(ms.name()));
        }
        continue;
      }
      int orig = MachineDeploymentUtil.specReplicas(b);
      String type = ms.name().equals(current) ? "current" : "old";
      if (orig == desired) {
        line("    " + ms.name() + ": " + st + "/" + desired + " replicas" + tail);
      } else {
        line("    " + ms.name() + ": from " + st + "/" + orig + " to " + st + "/" + desired + " replicas" + tail);
      }
      String changes = otherChanges(b, ms);
      if (desired < orig) {
        line("      - Scaled down " + type + " MachineSet " + ms.name() + " from " + orig + " to " + desired
            + " replicas (-" + (orig - desired) + ")");
        line("        - Reason: " + plan.reason(ms.name()));
      }
      if (desired > orig) {
        line("      - Scaled up " + type + " MachineSet " + ms.name() + " from " + orig + " to " + desired
            + " replicas (+" + (desired - orig) + ")");
        line("        - Reason: " + plan.reason(ms.name()));
      }
      if (desired == orig && !changes.isEmpty()) {
        line("      - Updated " + type + " MachineSet " + ms.name());
      }
      if (!changes.isEmpty()) {
        line("        - Diff: " + changes);
      }
    }

    if (!scenario.isOnDelete()) {
      checkBounds(i);
    }
  }

  /** What changed on a MachineSet in this reconcile, as upstream's planner diff reports it. */
  private static String otherChanges(MachineSet before, MachineSet after) {
    List<String> changes = new ArrayList<>();
    int orig = MachineDeploymentUtil.specReplicas(before);
    int desired = MachineDeploymentUtil.specReplicas(after);
    if (orig != desired) {
      changes.add("replicas " + desired);
    }
    Map<String, String> ba = before.annotations();
    Map<String, String> aa = after.annotations();
    String rev = aa.get(Capi.REVISION_ANNOTATION);
    if (rev != null && !rev.equals(ba.getOrDefault(Capi.REVISION_ANNOTATION, ""))) {
      changes.add(Capi.REVISION_ANNOTATION + ": " + rev);
    }
    for (String key : ROLLOUT_ANNOTATIONS) {
      String v = aa.get(key);
      if (!ba.getOrDefault(key, "").equals(v == null ? "" : v)) {
        changes.add(v != null ? key + ": " + v : key + " removed");
      }
    }
    return String.join(",", changes);
  }

  /** Keeps what the planner wrote; annotations are merged (never removed), status stays the stored one. */
  private void store(MachineSet written, MachineSet before) {
    if (before == null) {
      ObjectMeta meta = new ObjectMetaBuilder(written.metadata()).withCreationTimestamp(null).build();
      MachineSet created =
          written.withMetadata(meta)
              .withStatus(MachineSetStatus.builder().replicas(0).availableReplicas(0).build());
      machineSets.add(created);
      machineSets.sort(Comparator.comparingLong(ms -> number(ms.name())));
      machines.put(created.name(), new ArrayList<>());
      return;
    }
    MachineSet storedNow = findMachineSet(written.name());
    Map<String, String> annotations = new LinkedHashMap<>(storedNow.annotations());
    annotations.putAll(written.annotations());
    ObjectMeta meta = new ObjectMetaBuilder(written.metadata()).withAnnotations(annotations).build();
    replace(written.withMetadata(meta).withStatus(storedNow.status()));
  }

  private void checkBounds(int i) {
    int replicas = MachineDeploymentUtil.replicas(md);
    int minAvailable = replicas - MachineDeploymentUtil.maxUnavailable(md);
    int available = md.status().flatMap(MachineDeploymentStatus::availableReplicas).orElse(0);
    if (available < minAvailable) {
      if (tolerateUnavailable) {
        line("[Toleration] tolerate maxUnavailable breach");
      } else {
        failure = "iteration " + i + ": " + available + " available Machines < " + minAvailable
            + " (spec.replicas - maxUnavailable)";
        return;
      }
    }
    int maxAllowed = replicas + MachineDeploymentUtil.maxSurge(md);
    int total = MachineDeploymentUtil.totalMachineSetsReplicaSum(machineSets);
    if (total > maxAllowed) {
      if (tolerateSurge) {
        line("[Toleration] tolerate maxSurge breach");
      } else {
        failure = "iteration " + i + ": " + total + " Machines > " + maxAllowed + " (spec.replicas + maxSurge)";
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // msK: the fake MachineSet controller

  private void reconcileMachineSet(String name, int i) {
    MachineSet ms = findMachineSet(name);
    line("[MS controller] Iteration " + i + ", Reconcile " + msSummary(ms));
    List<Machine> list = machines.get(name);

    TreeSet<String> completed = new TreeSet<>();
    for (int k = 0; k < list.size(); k++) {
      Machine m = list.get(k);
      if (m.annotations().containsKey(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION)) {
        continue;
      }
      if (m.annotations().containsKey(Capi.UPDATE_IN_PROGRESS_ANNOTATION)) {
        list.set(k, withoutAnnotation(m, Capi.UPDATE_IN_PROGRESS_ANNOTATION));
        completed.add(m.name());
      }
    }
    if (!completed.isEmpty()) {
      line("[MS controller] - Replicas " + String.join(",", completed) + " completed in-place update");
    }

    String receive = ms.annotations().getOrDefault(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "");
    boolean receiving = !receive.isEmpty();
    Set<String> acknowledged = splitNames(ms.annotations().get(Capi.ACKNOWLEDGED_MOVE_ANNOTATION));
    for (int k = 0; k < list.size(); k++) {
      Machine m = list.get(k);
      if (!m.annotations().containsKey(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION)) {
        continue;
      }
      if (receiving && !acknowledged.contains(m.name())) {
        continue;
      }
      list.set(k, withoutAnnotation(m, Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION));
    }

    syncReplicas(ms, list);
    if (failure == null) {
      updateStatus(name);
    }
  }

  private void syncReplicas(MachineSet ms, List<Machine> list) {
    int spec = MachineDeploymentUtil.specReplicas(ms);
    int diff = list.size() - spec;
    if (diff < 0) {
      if ("true".equals(ms.annotations().get(Capi.DISABLE_MACHINE_CREATE_ANNOTATION))) {
        return;
      }
      List<String> added = new ArrayList<>();
      String version = ms.spec().templateOrEmpty().specOrEmpty().version();
      for (int k = 0; k < -diff; k++) {
        String name = "m" + (++machineUID);
        list.add(buildMachine(name, ms.name(), version));
        added.add(name);
      }
      sortByNumber(list);
      line("[MS controller] - " + ms.name() + " scale up to " + spec + "/" + spec + " replicas ("
          + String.join(",", added) + " created)");
      return;
    }
    if (diff == 0) {
      return;
    }
    TreeSet<String> notAcknowledged = new TreeSet<>();
    if (!ms.annotations().getOrDefault(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "").isEmpty()) {
      for (Machine m : list) {
        if (m.annotations().containsKey(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION)) {
          notAcknowledged.add(m.name());
        }
      }
    }
    if (!notAcknowledged.isEmpty()) {
      line("[MS controller] - Replicas " + String.join(",", notAcknowledged)
          + " moved from an old MachineSet still pending acknowledge from machine deployment " + md.key());
    }
    int n = list.size() - notAcknowledged.size() - spec;
    if (n == 0) {
      return;
    }
    String target = ms.annotations().getOrDefault(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, "");
    if (!target.isEmpty()) {
      moveMachines(ms, list, target, n);
      return;
    }
    deleteMachines(ms, list, n);
  }

  private void moveMachines(MachineSet ms, List<Machine> list, String targetName, int n) {
    MachineSet target = findMachineSet(targetName);
    if (target == null) {
      failure = ms.name() + " is set to send replicas to " + targetName + ", which does not exist";
      line("[MS controller] - PANIC! " + failure);
      return;
    }
    String sources = target.annotations().getOrDefault(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "");
    if (!splitNames(sources).contains(ms.name())) {
      failure = ms.name() + " is set to send replicas to " + targetName + ", but " + targetName
          + " only accepts machines from " + sources;
      line("[MS controller] - PANIC! " + failure);
      return;
    }
    sortByNumber(list);
    List<String> moved = new ArrayList<>();
    List<Machine> remaining = new ArrayList<>();
    List<Machine> targetList = machines.get(targetName);
    for (int k = 0; k < list.size(); k++) {
      Machine m = list.get(k);
      if (m.isDeleting() || MachineDeploymentUtil.isUpdateInProgress(m)) {
        remaining.add(m);
        continue;
      }
      if (moved.size() >= n) {
        remaining.addAll(list.subList(k, list.size()));
        break;
      }
      Map<String, String> a = new LinkedHashMap<>(m.annotations());
      a.put(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION, "");
      a.put(Capi.UPDATE_IN_PROGRESS_ANNOTATION, "");
      ObjectMeta meta =
          new ObjectMetaBuilder(m.metadata()).withAnnotations(a).withOwnerReferences(ownerRef(targetName)).build();
      targetList.add(m.withMetadata(meta));
      moved.add(m.name());
    }
    list.clear();
    list.addAll(remaining);
    line("[MS controller] - " + ms.name() + " scale down to " + list.size() + "/" + MachineDeploymentUtil.specReplicas(ms)
        + " replicas (" + String.join(",", moved) + " moved to " + targetName + ")");
    sortByNumber(list);
    sortByNumber(targetList);
  }

  private void deleteMachines(MachineSet ms, List<Machine> list, int n) {
    List<Machine> byPriority = new ArrayList<>(list);
    byPriority.sort((a, b) -> {
      boolean ua = MachineDeploymentUtil.isUpdateInProgress(a);
      boolean ub = MachineDeploymentUtil.isUpdateInProgress(b);
      if (ua != ub) {
        return ua ? -1 : 1;
      }
      return ua ? Long.compare(number(b.name()), number(a.name())) : Long.compare(number(a.name()), number(b.name()));
    });
    List<String> deleted = new ArrayList<>();
    List<Machine> remaining = new ArrayList<>();
    for (int k = 0; k < byPriority.size(); k++) {
      if (deleted.size() >= n) {
        remaining.addAll(byPriority.subList(k, byPriority.size()));
        break;
      }
      deleted.add(byPriority.get(k).name());
    }
    list.clear();
    list.addAll(remaining);
    sortByNumber(list);
    int spec = MachineDeploymentUtil.specReplicas(ms);
    line("[MS controller] - " + ms.name() + " scale down to " + spec + "/" + spec + " replicas ("
        + String.join(",", deleted) + " deleted)");
  }

  private void updateStatus(String name) {
    MachineSet ms = findMachineSet(name);
    List<Machine> list = machines.get(name);
    boolean upToDate =
        MachineDeploymentUtil.machineTemplateUpToDate(ms.spec().templateOrEmpty(), md.spec().templateOrEmpty()).upToDate();
    int available = 0;
    for (Machine m : list) {
      if (!MachineDeploymentUtil.isUpdateInProgress(m)) {
        available++;
      }
    }
    MachineSetStatus status =
        MachineSetStatus.builder()
            .from(ms.status().orElse(MachineSetStatus.builder().build()))
            .replicas(list.size())
            .availableReplicas(available)
            .upToDateReplicas(upToDate ? available : 0)
            .build();
    replace(ms.withStatus(status));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // delete-machine (the user) and mX (the Machine controller)

  private void deleteMachine(int i) {
    if (!canDelete) {
      return;
    }
    List<Machine> all = allMachines();
    int inFlight = 0;
    for (Machine m : all) {
      if (m.isDeleting()) {
        inFlight++;
      }
    }
    int totAvailable = Math.max(all.size() - inFlight, 0);
    int minAvailable = Math.max(MachineDeploymentUtil.replicas(md) - scenario.maxUserUnavailable(), 0);
    if (totAvailable <= minAvailable) {
      return;
    }
    List<Machine> outdated = new ArrayList<>();
    for (Machine m : all) {
      MachineTemplateSpec t = MachineTemplateSpec.builder().spec(m.spec()).build();
      if (!MachineDeploymentUtil.machineTemplateUpToDate(t, md.spec().templateOrEmpty()).upToDate()) {
        outdated.add(m);
      }
    }
    if (outdated.isEmpty()) {
      return;
    }
    int n = order.isRandom() ? rng.nextInt(outdated.size()) : 0;
    Machine m = outdated.get(n);
    if (m.isDeleting()) {
      return;
    }
    line("[User] Iteration " + i + ", Deleting machine " + m.name());
    String owner = ownerName(m);
    List<Machine> list = machines.get(owner);
    list.set(list.indexOf(m), m.withMetadata(new ObjectMetaBuilder(m.metadata()).withDeletionTimestamp(NOW.toString()).build()));
  }

  private void reconcileMachine(String name, int i) {
    for (MachineSet ms : machineSets) {
      List<Machine> list = machines.get(ms.name());
      for (int k = 0; k < list.size(); k++) {
        Machine m = list.get(k);
        if (!m.name().equals(name)) {
          continue;
        }
        line("[M controller] Iteration " + i + ", Reconcile " + name);
        if (m.isDeleting()) {
          line("[M controller] - " + name + " finalizer removed");
          machines.get(ownerName(m)).remove(m);
        }
        return;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // convergence and summaries

  private boolean converged() {
    int replicas = MachineDeploymentUtil.replicas(md);
    MachineDeploymentStatus st = md.status().orElse(MachineDeploymentStatus.builder().build());
    if (st.replicas().orElse(0) != replicas || st.availableReplicas().orElse(0) != replicas) {
      return false;
    }
    int current = 0;
    String version = md.spec().templateOrEmpty().specOrEmpty().version();
    for (MachineSet ms : machineSets) {
      int count = machines.get(ms.name()).size();
      if (ms.spec().templateOrEmpty().specOrEmpty().version().equals(version)) {
        current++;
        if (MachineDeploymentUtil.specReplicas(ms) != replicas
            || MachineDeploymentUtil.statusReplicas(ms) != replicas
            || MachineDeploymentUtil.availableReplicas(ms) != replicas
            || count != replicas) {
          return false;
        }
      } else if (MachineDeploymentUtil.specReplicas(ms) != 0
          || MachineDeploymentUtil.statusReplicas(ms) != 0
          || MachineDeploymentUtil.availableReplicas(ms) != 0
          || count != 0) {
        return false;
      }
      for (Machine m : machines.get(ms.name())) {
        if (MachineDeploymentUtil.isUpdateInProgress(m)) {
          return false;
        }
      }
    }
    return current == 1;
  }

  private void summary() {
    line("    " + mdSummary());
    for (MachineSet ms : machineSets) {
      line("    " + msSummary(ms));
    }
  }

  private String mdSummary() {
    MachineDeploymentStatus st = md.status().orElse(MachineDeploymentStatus.builder().build());
    return md.name() + ": " + st.replicas().orElse(0) + "/" + MachineDeploymentUtil.replicas(md) + " replicas, "
        + st.availableReplicas().orElse(0) + " available, " + st.upToDateReplicas().orElse(0) + " upToDate";
  }

  private String msSummary(MachineSet ms) {
    return ms.name() + ": " + MachineDeploymentUtil.statusReplicas(ms) + "/" + MachineDeploymentUtil.specReplicas(ms)
        + " replicas, " + MachineDeploymentUtil.availableReplicas(ms) + " available, "
        + MachineDeploymentUtil.upToDateReplicas(ms) + " upToDate (" + machinesSummary(ms) + ")";
  }

  private String machinesSummary(MachineSet ms) {
    Set<String> acknowledged = splitNames(ms.annotations().get(Capi.ACKNOWLEDGED_MOVE_ANNOTATION));
    List<String> names = new ArrayList<>();
    for (Machine m : machines.get(ms.name())) {
      String n = m.name();
      if (m.annotations().containsKey(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION) && !acknowledged.contains(n)) {
        n += "🟠";
      }
      if (m.annotations().containsKey(Capi.UPDATE_IN_PROGRESS_ANNOTATION)) {
        n += "🟡";
      }
      names.add(n);
    }
    return String.join(",", names);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // objects

  private static MachineDeployment buildMachineDeployment(RolloutScenario s) {
    ScenarioMachineDeployment d = s.machineDeployment();
    MachineDeploymentRolloutStrategy strategy =
        s.isOnDelete()
            ? MachineDeploymentRolloutStrategy.builder().type(MachineDeploymentRolloutStrategy.ON_DELETE).build()
            : MachineDeploymentRolloutStrategy.builder()
                .type(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)
                .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(s.maxSurge(), s.maxUnavailable()))
                .build();
    return ImmutableMachineDeployment.builder()
        .metadata(new ObjectMetaBuilder().withName(d.name()).build())
        .spec(
            MachineDeploymentSpec.builder()
                .replicas(d.replicas())
                .rollout(MachineDeploymentRolloutSpec.builder().strategy(strategy).build())
                .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().version(d.version()).build()).build())
                .build())
        .status(MachineDeploymentStatus.builder().replicas(d.replicas()).availableReplicas(d.replicas()).build())
        .build();
  }

  private MachineSet buildMachineSet(ScenarioMachineSet s) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, s.name());
    labels.put(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, md.name());
    return ImmutableMachineSet.builder()
        .metadata(
            new ObjectMetaBuilder()
                .withName(s.name())
                .withLabels(labels)
                .withOwnerReferences(
                    new OwnerReferenceBuilder()
                        .withApiVersion(Capi.API_VERSION)
                        .withKind(MachineDeployment.KIND)
                        .withName(md.name())
                        .withController(true)
                        .build())
                .build())
        .spec(
            MachineSetSpec.builder()
                .replicas(s.replicas())
                .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().version(s.version()).build()).build())
                .build())
        .status(MachineSetStatus.builder().replicas(s.replicas()).availableReplicas(s.replicas()).build())
        .build();
  }

  private static Machine buildMachine(String name, String machineSet, String version) {
    return ImmutableMachine.builder()
        .metadata(new ObjectMetaBuilder().withName(name).withOwnerReferences(ownerRef(machineSet)).build())
        .spec(MachineSpec.builder().version(version).build())
        .build();
  }

  private static io.fabric8.kubernetes.api.model.OwnerReference ownerRef(String machineSet) {
    return new OwnerReferenceBuilder()
        .withApiVersion(Capi.API_VERSION)
        .withKind(MachineSet.KIND)
        .withName(machineSet)
        .withController(true)
        .build();
  }

  private static String ownerName(Machine m) {
    return m.metadata().getOwnerReferences().get(0).getName();
  }

  private static Machine withoutAnnotation(Machine m, String key) {
    Map<String, String> a = new LinkedHashMap<>(m.annotations());
    a.remove(key);
    return m.withMetadata(new ObjectMetaBuilder(m.metadata()).withAnnotations(a).build());
  }

  private MachineSet findMachineSet(String name) {
    for (MachineSet ms : machineSets) {
      if (ms.name().equals(name)) {
        return ms;
      }
    }
    return null;
  }

  private void replace(MachineSet ms) {
    for (int k = 0; k < machineSets.size(); k++) {
      if (machineSets.get(k).name().equals(ms.name())) {
        machineSets.set(k, ms);
        return;
      }
    }
    throw new IllegalStateException("unknown MachineSet " + ms.name());
  }

  private List<Machine> allMachines() {
    List<Machine> all = new ArrayList<>();
    for (MachineSet ms : machineSets) {
      all.addAll(machines.get(ms.name()));
    }
    return all;
  }

  private int machineCount() {
    int n = 0;
    for (List<Machine> l : machines.values()) {
      n += l.size();
    }
    return n;
  }

  private static Set<String> splitNames(String csv) {
    if (csv == null || csv.isEmpty()) {
      return Collections.emptySet();
    }
    return new HashSet<>(List.of(csv.split(",", -1)));
  }

  private static void sortByNumber(List<Machine> list) {
    list.sort(Comparator.comparingLong(m -> number(m.name())));
  }

  /** The number in {@code m<N>} or {@code ms<N>}. */
  static long number(String name) {
    int k = 0;
    while (k < name.length() && !Character.isDigit(name.charAt(k))) {
      k++;
    }
    return k == name.length() ? 0 : Long.parseLong(name.substring(k));
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
