package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's {@code machinedeployment_sync.go}: the legacy scaling of a paused MachineDeployment ({@code scale}) and
 * the cleanup of empty old MachineSets after a completed rollout ({@code cleanupDeployment}). MachineSet names are in
 * {@link MachineDeploymentUtil#computeNewMachineSetName}.
 */
public final class SyncPlanner {
  private SyncPlanner() {}

  /**
   * Upstream's {@code scale}, on the desired MachineSets (whose {@code desired-replicas}/{@code max-replicas}
   * annotations were just refreshed): records the new sizes as scale intents and returns the scale steps.
   *
   * <ol>
   *   <li>exactly one active MachineSet (or none: the current one, else the newest old one): it gets
   *       {@code spec.replicas};
   *   <li>else, the current MachineSet is saturated: every active old MachineSet goes to 0;
   *   <li>else, RollingUpdate only: the difference between {@code spec.replicas + maxSurge} and the active MachineSets'
   *       total is spread in proportion ({@link MachineDeploymentUtil#getProportion}), the leftover to the first
   *       (largest) one.
   * </ol>
   *
   * <p>QUIRK (derived, kept): the refreshed {@code max-replicas} makes every proportion 0, so the whole difference
   * goes to the largest MachineSet (the newest when growing, the oldest when shrinking).
   */
  static List<PlanStep> scale(PlannerState p) {
    MachineDeployment md = p.md;
    int replicas = p.mdReplicas();
    List<PlanStep> steps = new ArrayList<>();
    Map<String, PlannedMachineSet> byName = new HashMap<>();
    p.all().forEach(ms -> byName.put(ms.name, ms));
    MachineSet newMS = p.newMS == null ? null : p.newMS.toMachineSet();
    List<MachineSet> oldMSs = new ArrayList<>();
    p.oldMSs.forEach(ms -> oldMSs.add(ms.toMachineSet()));

    Optional<MachineSet> one = MachineDeploymentUtil.findOneActiveOrLatest(newMS, oldMSs);
    if (one.isPresent()) {
      scaleTo(p, byName.get(one.get().name()), replicas, "only active (or latest) MachineSet follows MachineDeployment spec.replicas", steps);
      return steps;
    }
    if (MachineDeploymentUtil.isSaturated(md, newMS)) {
      for (MachineSet ms : MachineDeploymentUtil.filterActiveMachineSets(oldMSs)) {
        scaleTo(p, byName.get(ms.name()), 0, "current MachineSet " + newMS.name() + " is saturated", steps);
      }
      return steps;
    }
    if (!MachineDeploymentUtil.isRollingUpdate(md)) {
      return steps;
    }
    List<MachineSet> all = new ArrayList<>(oldMSs);
    if (newMS != null) {
      all.add(newMS);
    }
    List<MachineSet> active = MachineDeploymentUtil.filterActiveMachineSets(all);
    int total = MachineDeploymentUtil.getReplicaCountForMachineSets(active);
    int allowed = replicas > 0 ? replicas + MachineDeploymentUtil.maxSurge(md) : 0;
    int toAdd = allowed - total;
    if (toAdd > 0) {
      active.sort(MachineDeploymentUtil.BY_SIZE_NEWER);
    } else if (toAdd < 0) {
      active.sort(MachineDeploymentUtil.BY_SIZE_OLDER);
    }
    Map<String, Integer> size = new HashMap<>();
    int added = 0;
    for (MachineSet ms : active) {
      int spec = MachineDeploymentUtil.specReplicas(ms);
      size.put(ms.name(), spec);
      if (toAdd != 0) {
        int proportion = MachineDeploymentUtil.getProportion(ms, md, toAdd, added);
        size.put(ms.name(), spec + proportion);
        added += proportion;
      }
    }
    for (int i = 0; i < active.size(); i++) {
      MachineSet ms = active.get(i);
      if (i == 0 && toAdd != 0) {
        int leftover = toAdd - added;
        size.put(ms.name(), Math.max(size.get(ms.name()) + leftover, 0));
      }
      scaleTo(p, byName.get(ms.name()), size.get(ms.name()), "proportional scaling of a paused MachineDeployment", steps);
    }
    return steps;
  }

  private static void scaleTo(PlannerState p, PlannedMachineSet ms, int to, String reason, List<PlanStep> steps) {
    int from = p.scaleIntents.getOrDefault(ms.name, ms.replicas);
    if (from == to) {
      return;
    }
    p.scaleIntents.put(ms.name, to);
    String role = p.newMS != null && p.newMS.name.equals(ms.name) ? "current" : "old";
    steps.add(new PlanStep(PlanStep.Action.SCALE, ms.name, role, from, to, reason, "replicas " + to));
  }

  /**
   * Upstream's {@code cleanupDeployment}, run only when the rollout is complete ({@link
   * MachineDeploymentUtil#deploymentComplete} on the status recomputed from the desired MachineSets): the old
   * MachineSets that are not deleting, have no replicas (spec after this plan's intent, and status), and whose status
   * observed their generation, oldest first.
   *
   * <p>Upstream reads the generation from the object its apply returned; a plan that scales a MachineSet to 0 bumps
   * its generation past the observed one, so a MachineSet scaled down in this same plan is skipped too (it is deleted
   * by a later reconcile).
   */
  static List<String> cleanupCandidates(PlannerState p) {
    if (!MachineDeploymentUtil.deploymentComplete(p.md, RolloutPlanner.replicaStatus(p))) {
      return List.of();
    }
    List<PlannedMachineSet> candidates = new ArrayList<>(p.oldMSs);
    candidates.sort(RollingUpdatePlanner.BY_CREATION_TIMESTAMP);
    List<String> out = new ArrayList<>();
    for (PlannedMachineSet ms : candidates) {
      MachineSet original = p.originalMSs.get(ms.name);
      if (original == null || original.isDeleting()) {
        continue;
      }
      int spec = p.scaleIntents.getOrDefault(ms.name, ms.replicas);
      if (ms.statusReplicas() != 0 || spec != 0) {
        continue;
      }
      long generation = original.metadata().getGeneration() == null ? 0 : original.metadata().getGeneration();
      long observed = original.status().flatMap(MachineSetStatus::observedGeneration).orElse(0L);
      if (generation > observed) {
        continue;
      }
      if (original.spec().replicas().orElse(0) != 0) {
        continue;
      }
      out.add(ms.name);
    }
    return out;
  }
}
