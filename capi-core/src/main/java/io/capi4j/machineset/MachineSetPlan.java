package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one MachineSet reconcile does, as upstream's controller would do it. Applying it is the caller's job, in
 * this order: the Machine patches (adoptions, condition patches, updates, moves), the deletions, the creations,
 * then the MachineSet (metadata, then status).
 *
 * <p>Some reconciles only change the MachineSet (adding the finalizer, flipping the {@code Paused} condition) and
 * ask for no requeue: upstream relies on the update event to reconcile again, so the caller plans again once the
 * MachineSet is applied.
 */
@Value.Immutable
public abstract class MachineSetPlan {
  /**
   * The MachineSet as the controller leaves it: finalizer, the {@code cluster-name} label (also in the selector and
   * template labels), the Cluster owner reference of a stand-alone MachineSet, and the new status.
   */
  public abstract MachineSet machineSet();

  /** Machines without a controller, with this MachineSet added as their controller. */
  public abstract List<Machine> machinesToAdopt();

  /** Changes to Machine conditions ({@code OwnerRemediated}), in order. */
  public abstract List<MachineConditionPatch> conditionPatches();

  /**
   * Machines whose in-place mutable fields change (labels, annotations, readiness gates, deletion timeouts,
   * {@code minReadySeconds}, taints), as they should become.
   */
  public abstract List<Machine> machinesToUpdate();

  /** Machines to delete (remediation and scale-down), each once. */
  public abstract List<MachineDeletion> machinesToDelete();

  /**
   * Machines handed over to the move target (in-place updates): new controller, {@code machine-template-hash} label
   * and the {@code update-in-progress} and {@code pending-acknowledge-move} annotations.
   */
  public abstract List<Machine> machinesToMove();

  /** Machines to create, each with its InfraMachine and bootstrap config. */
  public abstract List<NewMachine> machinesToCreate();

  /** The messages of the preflight checks that held back creating Machines (also in {@code ScalingUp}). */
  public abstract List<String> scaleUpPreflightMessages();

  /** The bootstrap config template does not exist. */
  @Value.Default
  public boolean bootstrapTemplateNotFound() {
    return false;
  }

  /** The InfraMachineTemplate does not exist. */
  @Value.Default
  public boolean infrastructureTemplateNotFound() {
    return false;
  }

  /** When to reconcile again, if the controller would ask for it. Empty on errors (the caller backs off). */
  public abstract Optional<Duration> requeueAfter();

  /** Errors, worded as upstream's; any error means upstream returns an error from this reconcile. */
  public abstract List<String> errors();

  /** Every decision with its reason, in order. */
  public abstract List<PlanStep> steps();

  public static ImmutableMachineSetPlan.Builder builder() {
    return ImmutableMachineSetPlan.builder();
  }
}
