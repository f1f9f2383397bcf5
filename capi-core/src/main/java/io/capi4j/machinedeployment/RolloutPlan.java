package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.MachineSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What Cluster API's MachineDeployment controller would do in one reconcile, as computed by {@link RolloutPlanner}.
 *
 * <p>The MachineSets are full desired objects, as upstream computes them for its server-side apply: labels
 * (including {@code machine-template-hash} and {@code cluster.x-k8s.io/deployment-name}), selector, the annotations
 * derived from the MachineDeployment ({@code desired-replicas}, {@code max-replicas}, ...), {@code revision} /
 * {@code revision-history}, {@code disable-machine-create}, the in-place annotations the plan sets, and the fields
 * propagated in place. Their {@code spec.replicas} is the value before the {@link #scaleIntents() scale intents}
 * (for the current MachineSet it already includes acknowledged moved Machines, which upstream writes directly);
 * {@link RolloutPlanner#apply(RolloutPlan)} applies the intents. Their status is the input status, carried for
 * information only.
 */
@Value.Immutable
public abstract class RolloutPlan {
  /** Which of upstream's code paths produced the plan. */
  public enum Mode {
    /** {@code rolloutRollingUpdate}. */
    ROLLING_UPDATE,
    /** {@code rolloutOnDelete}. */
    ON_DELETE,
    /** {@code sync}: {@code spec.paused} is true, only scaling. */
    PAUSED
  }

  public abstract Mode mode();

  /** The desired current (new) MachineSet; empty only when paused and no MachineSet matches the template. */
  public abstract Optional<MachineSet> newMachineSet();

  /** Whether {@link #newMachineSet()} is to be created (it did not exist). */
  @Value.Default
  public boolean newMachineSetCreated() {
    return false;
  }

  /** The desired old MachineSets, in the planner's final order (the order upstream applies them in). */
  public abstract List<MachineSet> oldMachineSets();

  /** The new spec.replicas per MachineSet name, in the order the planner decided them. */
  public abstract Map<String, Integer> scaleIntents();

  /** Upstream's notes per MachineSet name: deduplicated, in insertion order. */
  public abstract Map<String, List<String>> notes();

  /** Why a MachineSet is created (upstream's {@code createReason}); empty otherwise. */
  @Value.Default
  public String createReason() {
    return "";
  }

  /** The revision of the current MachineSet; {@code ""} when there is none (paused). */
  @Value.Default
  public String revision() {
    return "";
  }

  /**
   * The value the MachineDeployment's revision annotation must be set to, when it differs from the current one.
   * QUIRK kept: paused with no current MachineSet, this is {@code ""}.
   */
  public abstract Optional<String> machineDeploymentRevision();

  /** Machines moved to the current MachineSet and acknowledged by this plan (their count was added to its replicas). */
  public abstract List<String> acknowledgedMachineNames();

  /** Machines found updating in place (only collected when the planner checks for in-progress updates). */
  public abstract List<String> updatingMachineNames();

  /** Per MachineSet name, why its template is (not) up to date. */
  public abstract Map<String, UpToDateResult> upToDateResults();

  /** Old MachineSets to delete because the rollout is complete and they are empty (§ cleanupDeployment). */
  public abstract List<String> machineSetsToDelete();

  /** The steps, in upstream's order: current MachineSet first, then the old ones, then deletions. */
  public abstract List<PlanStep> steps();

  /** The spec.replicas {@code name} ends up with: its intent, else its desired value; empty for an unknown name. */
  public Optional<Integer> desiredReplicas(String name) {
    Integer intent = scaleIntents().get(name);
    if (intent != null) {
      return Optional.of(intent);
    }
    if (newMachineSet().isPresent() && newMachineSet().get().name().equals(name)) {
      return newMachineSet().get().spec().replicas();
    }
    return oldMachineSets().stream().filter(ms -> ms.name().equals(name)).findFirst().flatMap(ms -> ms.spec().replicas());
  }

  /** The notes of {@code name}, joined with {@code ", "} as upstream logs them. */
  public String reason(String name) {
    return String.join(", ", notes().getOrDefault(name, List.of()));
  }

  public static ImmutableRolloutPlan.Builder builder() {
    return ImmutableRolloutPlan.builder();
  }
}
