package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The RollingUpdate strategy (upstream {@code machinedeployment_rollout_rollingupdate.go}): five steps, always in
 * this order, each reading the scale intents of the previous ones.
 *
 * <ol>
 *   <li>{@link #reconcileReplicasPendingAcknowledgeMove}: Machines moved to the current MachineSet (in-place
 *       updates) are counted into its replicas once;
 *   <li>{@link #reconcileNewMachineSet}: scale the current MachineSet up within {@code maxSurge} (or down to
 *       {@code spec.replicas});
 *   <li>{@link #reconcileOldMachineSetsRollingUpdate}: scale old MachineSets down while keeping {@code spec.replicas -
 *       maxUnavailable} Machines available, assuming the worst case (available Machines go first); unavailable
 *       replicas first, oldest MachineSet first;
 *   <li>{@link #reconcileInPlaceUpdateIntent}: when old MachineSets can be updated in place, tell them to move their
 *       Machines to the current MachineSet, and drop (or cap to 1) the surge;
 *   <li>{@link #reconcileDeadlockBreaker}: when nothing else moves and old MachineSets hold unavailable Machines,
 *       scale one of them down by one.
 * </ol>
 *
 * <p>QUIRK kept: step 3 sorts the old MachineSets by creation time in place only when it gets past its early exits;
 * otherwise they keep {@link MachineDeploymentUtil#findNewAndOldMachineSets}'s order (most replicas first), and
 * steps 4 and 5 and the order of the plan's steps see that order.
 */
public final class RollingUpdatePlanner {
  private RollingUpdatePlanner() {}

  static final String NOTE_ALIGN_EXISTING =
      "scale down to align to existing Machines or scale down by removing unavailable replicas (and no available replicas exist on the MachineSet)";

  /** Upstream's {@code planRollingUpdate}. */
  static void planRollingUpdate(PlannerState p) {
    reconcileReplicasPendingAcknowledgeMove(p);
    reconcileNewMachineSet(p);
    reconcileOldMachineSetsRollingUpdate(p);
    reconcileInPlaceUpdateIntent(p);
    reconcileDeadlockBreaker(p);
  }

  /**
   * Step 1: Machines controlled by the current MachineSet that carry the pending-acknowledge-move annotation and are
   * not yet in the current MachineSet's acknowledged-move annotation are added to its {@code spec.replicas} (directly,
   * not as an intent); the annotation is set to all such Machines.
   */
  static void reconcileReplicasPendingAcknowledgeMove(PlannerState p) {
    if (!p.inPlaceUpdates) {
      return;
    }
    Set<String> oldAck = new HashSet<>();
    MachineSet original = p.originalMSs.get(p.newMS.name);
    if (original != null) {
      String names = original.annotations().get(Capi.ACKNOWLEDGED_MOVE_ANNOTATION);
      if (names != null && !names.isEmpty()) {
        oldAck.addAll(List.of(names.split(",", -1)));
      }
    }
    Set<String> newAck = new TreeSet<>();
    for (Machine m : p.machines) {
      if (!RolloutPlanner.controlledBy(m, p.newMS)) {
        continue;
      }
      if (!m.annotations().containsKey(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION)) {
        continue;
      }
      if (!oldAck.contains(m.name())) {
        p.acknowledgedMachineNames.add(m.name());
      }
      newAck.add(m.name());
    }
    int n = p.acknowledgedMachineNames.size();
    if (n > 0) {
      p.newMS.replicas += n;
      p.addNote(p.newMS, "acknowledge Machines " + String.join(",", newAck) + " moved from an old MachineSet");
    }
    if (!newAck.isEmpty()) {
      p.newMS.annotations.put(Capi.ACKNOWLEDGED_MOVE_ANNOTATION, String.join(",", newAck));
    }
  }

  /**
   * Step 2 (shared with OnDelete): scale the current MachineSet down to {@code spec.replicas} when above it
   * (regardless of availability), else up as far as {@link MachineDeploymentUtil#newMSNewReplicas} allows.
   *
   * @throws IllegalArgumentException from {@link MachineDeploymentUtil#newMSNewReplicas}
   */
  static void reconcileNewMachineSet(PlannerState p) {
    int spec = p.newMS.replicas;
    int replicas = p.mdReplicas();
    if (spec == replicas) {
      return;
    }
    if (spec > replicas) {
      p.addNote(p.newMS, "scale down to align MachineSet spec.replicas to MachineDeployment spec.replicas");
      p.scaleIntents.put(p.newMS.name, replicas);
      return;
    }
    int current = 0;
    for (PlannedMachineSet ms : p.all()) {
      current += Math.max(ms.replicas, ms.statusReplicas());
    }
    MachineDeploymentUtil.NewReplicas r = MachineDeploymentUtil.newMSNewReplicas(p.md, current, spec, replicas);
    if (r.replicas() != spec) {
      p.addNote(p.newMS, r.note());
      p.scaleIntents.put(p.newMS.name, r.replicas());
    }
  }

  /** Step 3: scale old MachineSets down without breaching {@code spec.replicas - maxUnavailable}. */
  static void reconcileOldMachineSetsRollingUpdate(PlannerState p) {
    int oldSpec = 0;
    for (PlannedMachineSet ms : p.oldMSs) {
      oldSpec += ms.replicas;
    }
    if (oldSpec == 0) {
      return;
    }
    int maxUnavailable = MachineDeploymentUtil.maxUnavailable(p.md);
    int minAvailable = Math.max(p.mdReplicas() - maxUnavailable, 0);
    List<PlannedMachineSet> all = p.all();
    int totalSpec = 0;
    int totalAvailable = 0;
    int pendingScaleDown = 0;
    for (PlannedMachineSet ms : all) {
      totalSpec += ms.replicas;
      totalAvailable += ms.available();
      int s = ms.replicas;
      Integer intent = p.scaleIntents.get(ms.name);
      if (intent != null) {
        s = Math.min(s, intent);
      }
      if (s < ms.statusReplicas()) {
        pendingScaleDown += Math.max(ms.statusReplicas() - s, 0);
      }
    }
    int newMSUnavailable = Math.max(p.newMS.replicas - p.newMS.available(), 0);
    int totalScaleDown = Math.max(totalSpec - pendingScaleDown - minAvailable - newMSUnavailable, 0);
    if (totalScaleDown <= 0) {
      return;
    }
    p.oldMSs.sort(BY_CREATION_TIMESTAMP);
    int[] r = scaleDownOldMSs(p, totalScaleDown, totalAvailable, minAvailable, true);
    scaleDownOldMSs(p, r[0], r[1], minAvailable, false);
  }

  static final Comparator<PlannedMachineSet> BY_CREATION_TIMESTAMP =
      Comparator.<PlannedMachineSet, java.time.Instant>comparing(ms -> ms.creationTimestamp).thenComparing(ms -> ms.name);

  /** Upstream's {@code scaleDownOldMSs}; returns {@code [totalScaleDown, totalAvailable]}. */
  static int[] scaleDownOldMSs(PlannerState p, int totalScaleDown, int totalAvailable, int minAvailable, boolean onlyUnavailable) {
    for (PlannedMachineSet ms : p.oldMSs) {
      if (totalScaleDown <= 0) {
        break;
      }
      int replicas = p.scaleIntents.getOrDefault(ms.name, ms.replicas);
      if (replicas <= 0) {
        continue;
      }
      int oldTotalAvailable = totalAvailable;
      int maxScaleDown = onlyUnavailable ? Math.max(replicas - ms.available(), 0) : replicas;
      int scaleDown = Math.min(maxScaleDown, totalScaleDown);
      if (scaleDown == 0) {
        continue;
      }
      if (ms.available() > 0) {
        int newSpec = Math.max(replicas - scaleDown, 0);
        int existing = Math.max(ms.statusReplicas() - newSpec, 0);
        if (existing > 0) {
          if (totalAvailable - minAvailable < existing) {
            int maxDeletable = Math.max(totalAvailable - minAvailable, 0);
            int revisited = Math.min(ms.statusReplicas() - maxDeletable, replicas);
            scaleDown = Math.max(replicas - revisited, 0);
            existing = Math.max(ms.statusReplicas() - revisited, 0);
          }
          totalAvailable -= Math.min(ms.available(), existing);
        }
      }
      if (scaleDown > 0) {
        if (oldTotalAvailable == totalAvailable) {
          p.addNote(ms, NOTE_ALIGN_EXISTING);
        } else {
          p.addNote(ms, oldTotalAvailable + " available replicas > " + minAvailable + " minimum available replicas");
        }
        p.scaleIntents.put(ms.name, Math.max(replicas - scaleDown, 0));
        totalScaleDown = Math.max(totalScaleDown - scaleDown, 0);
      }
    }
    return new int[] {totalScaleDown, totalAvailable};
  }

  /**
   * Step 4: with the {@code InPlaceUpdates} gate on and the current MachineSet below {@code spec.replicas}, every old
   * MachineSet that still has Machines, is eligible and {@link CanUpdateMachineSetInPlace can be updated in place}
   * gets {@code move-machines-to-machineset = <current>}, and the current one gets
   * {@code receive-machines-from-machinesets}. Then surge used by the current MachineSet's scale-up is dropped,
   * except one Machine when nothing else is in progress (to create availability for the in-place updates).
   *
   * @throws IllegalArgumentException {@code failed to determine if MachineSet <name> can be updated in-place: ...}
   */
  static void reconcileInPlaceUpdateIntent(PlannerState p) {
    if (!p.inPlaceUpdates) {
      return;
    }
    if (p.newMS.replicas >= p.mdReplicas()) {
      return;
    }
    Set<String> candidates = new TreeSet<>();
    MachineSet newSnapshot = null;
    for (PlannedMachineSet ms : p.oldMSs) {
      if (ms.statusReplicas() <= 0) {
        continue;
      }
      UpToDateResult res = p.upToDateResults.get(ms.name);
      if (res == null || !res.eligibleForInPlaceUpdate()) {
        continue;
      }
      if (newSnapshot == null) {
        newSnapshot = p.newMS.toMachineSet();
      }
      boolean can;
      try {
        can = p.canUpdateMachineSetInPlace.canUpdate(ms.toMachineSet(), newSnapshot);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "failed to determine if MachineSet " + ms.name + " can be updated in-place: " + e.getMessage(), e);
      }
      if (!can) {
        continue;
      }
      p.addNote(ms, "should scale down by moving Machines to MachineSet " + p.newMS.name);
      ms.annotations.put(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, p.newMS.name);
      candidates.add(ms.name);
    }
    if (candidates.isEmpty()) {
      return;
    }
    p.newMS.annotations.put(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, String.join(",", candidates));

    Integer intent = p.scaleIntents.get(p.newMS.name);
    if (intent == null || intent <= p.newMS.replicas) {
      return;
    }
    int totalReplicas = 0;
    for (PlannedMachineSet ms : p.all()) {
      int r = p.scaleIntents.getOrDefault(ms.name, ms.replicas);
      totalReplicas += Math.max(r, ms.statusReplicas());
    }
    int exceeding = Math.max(totalReplicas - p.mdReplicas(), 0);
    int scaleUp = Math.max(intent - p.newMS.replicas, 0);
    int surgeUsed = Math.min(scaleUp, exceeding);
    if (surgeUsed <= 0) {
      return;
    }
    int newScaleUp = Math.max(scaleUp - surgeUsed, 0);
    if (newScaleUp == 0 && !scalingOrInPlaceUpdateInProgress(p)) {
      newScaleUp = 1;
      p.addNote(p.newMS, "surge 1 allowed to create availability for in-place updates");
    } else {
      p.addNote(p.newMS, "surge " + surgeUsed + " dropped to prioritize in-place updates");
    }
    if (newScaleUp == 0) {
      p.scaleIntents.remove(p.newMS.name);
    } else {
      p.scaleIntents.put(p.newMS.name, p.newMS.replicas + newScaleUp);
    }
  }

  /** Upstream's {@code scalingOrInPlaceUpdateInProgress}: the first matching check, in upstream's order. */
  static boolean scalingOrInPlaceUpdateInProgress(PlannerState p) {
    if (p.newMS.replicas != p.newMS.statusReplicas()) {
      return true;
    }
    for (PlannedMachineSet ms : p.oldMSs) {
      if (ms.replicas < ms.statusReplicas()) {
        return true;
      }
      Integer intent = p.scaleIntents.get(ms.name);
      if (intent != null && intent < ms.replicas) {
        return true;
      }
    }
    if (p.newMS.replicas != p.newMS.upToDate()) {
      return true;
    }
    for (Machine m : p.machines) {
      if (MachineDeploymentUtil.isUpdateInProgress(m)) {
        p.updatingMachineNames.add(m.name());
      }
    }
    if (!p.updatingMachineNames.isEmpty()) {
      return true;
    }
    return p.newMS.replicas != p.newMS.available();
  }

  /**
   * Step 5: when old MachineSets hold unavailable Machines, nothing is scaling (no spec/status mismatch, no intent)
   * and the current MachineSet is fully available, scale the first old MachineSet with unavailable Machines down by
   * one. QUIRK kept: the note goes on the current MachineSet.
   */
  static void reconcileDeadlockBreaker(PlannerState p) {
    Integer actualOld = null;
    Integer availableOld = null;
    for (PlannedMachineSet ms : p.oldMSs) {
      if (ms.hasStatusReplicas()) {
        actualOld = (actualOld == null ? 0 : actualOld) + ms.statusReplicas();
      }
      if (ms.hasAvailable()) {
        availableOld = (availableOld == null ? 0 : availableOld) + ms.available();
      }
    }
    int actual = actualOld == null ? 0 : actualOld;
    if (actual == 0) {
      return;
    }
    if (actual == (availableOld == null ? 0 : availableOld)) {
      return;
    }
    for (PlannedMachineSet ms : p.all()) {
      if (ms.replicas != ms.statusReplicas() || p.scaleIntents.containsKey(ms.name)) {
        return;
      }
    }
    if (p.newMS.available() != p.newMS.statusReplicas()) {
      return;
    }
    for (PlannedMachineSet ms : new ArrayList<>(p.oldMSs)) {
      if (ms.available() == ms.statusReplicas() || ms.replicas == 0) {
        continue;
      }
      p.scaleIntents.put(ms.name, Math.max(ms.replicas - 1, 0));
      p.addNote(p.newMS, "scaling down by 1 to unblock rollout stuck due to unavailable Machine on oldMS");
      return;
    }
  }
}
