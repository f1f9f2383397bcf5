package io.capi4j.machinedeployment;

/**
 * The OnDelete strategy (upstream {@code machinedeployment_rollout_ondelete.go}): the user deletes outdated Machines;
 * the planner replaces them on the current MachineSet (up to {@code spec.replicas}, no surge) and shrinks old
 * MachineSets to the Machines they still have, or to fit a lowered {@code spec.replicas}. Old MachineSets get
 * {@code disable-machine-create: "true"}. No in-place step, no acknowledge step, no deadlock breaker.
 */
public final class OnDeletePlanner {
  private OnDeletePlanner() {}

  static final String NOTE_ALIGN_EXISTING = "scale down to align to existing Machines";
  static final String NOTE_ALIGN_MD = "scale down to align MachineSet spec.replicas to MachineDeployment spec.replicas";

  /** Upstream's {@code planOnDelete}. */
  static void planOnDelete(PlannerState p) {
    RollingUpdatePlanner.reconcileNewMachineSet(p);
    reconcileOldMachineSetsOnDelete(p);
  }

  /**
   * Upstream's {@code reconcileOldMachineSetsOnDelete}: first align every old MachineSet's spec to its existing
   * Machines (loop A), then scale old MachineSets down, oldest first, until old + current fit
   * {@code spec.replicas} (loop B).
   *
   * <p>QUIRK kept: loop B computes the new intent from the MachineSet's spec, not from loop A's intent, so a
   * MachineSet that needs both only gets loop A's value in this reconcile; the next reconcile finishes the job.
   */
  static void reconcileOldMachineSetsOnDelete(PlannerState p) {
    int oldCount = 0;
    for (PlannedMachineSet ms : p.oldMSs) {
      oldCount += ms.replicas;
    }
    if (oldCount == 0) {
      return;
    }
    int newReplicas = p.scaleIntents.getOrDefault(p.newMS.name, p.newMS.replicas);
    int totalScaleDown = Math.max(oldCount + newReplicas - p.mdReplicas(), 0);
    p.oldMSs.sort(RollingUpdatePlanner.BY_CREATION_TIMESTAMP);
    for (PlannedMachineSet ms : p.oldMSs) {
      if (ms.replicas <= 0) {
        continue;
      }
      int scaleDown = Math.max(ms.replicas - ms.statusReplicas(), 0);
      if (scaleDown > 0) {
        p.addNote(ms, NOTE_ALIGN_EXISTING);
        p.scaleIntents.put(ms.name, Math.max(ms.replicas - scaleDown, 0));
        totalScaleDown -= scaleDown;
      }
    }
    for (PlannedMachineSet ms : p.oldMSs) {
      if (totalScaleDown <= 0) {
        break;
      }
      int replicas = p.scaleIntents.getOrDefault(ms.name, ms.replicas);
      if (replicas <= 0) {
        continue;
      }
      int scaleDown = Math.min(replicas, totalScaleDown);
      if (scaleDown > 0) {
        p.addNote(ms, NOTE_ALIGN_MD);
        p.scaleIntents.put(ms.name, Math.max(ms.replicas - scaleDown, 0));
        totalScaleDown -= scaleDown;
      }
    }
  }
}
