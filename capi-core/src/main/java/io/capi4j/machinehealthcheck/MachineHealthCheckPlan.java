package io.capi4j.machinehealthcheck;

import io.capi4j.api.core.v1beta2.MachineHealthCheckStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of one MachineHealthCheck reconcile: what to write, create, delete and emit, the new status, and
 * why. Apply {@link #machineUpdates()} in order (see {@link MachineUpdate} for what to do when a step fails), then
 * write {@link #annotations()} (when present) and {@link #status()}, then requeue after {@link #requeueAfter()} if the updates all succeeded.
 */
@Value.Immutable
public abstract class MachineHealthCheckPlan {
  public abstract PlanOutcome outcome();

  /** Every step taken, with its reason, in order. */
  public abstract List<String> steps();

  /** Machines that match the selector but are skipped because of an annotation. */
  public abstract List<SkippedMachine> skipped();

  /** Every target, classified, in target order. Empty when the reconcile stopped before the health check. */
  public abstract List<TargetEvaluation> evaluations();

  /** The remediation gate; absent when the reconcile stopped before it. */
  public abstract Optional<GateDecision> gate();

  /** The Machines to change, in upstream's order. */
  public abstract List<MachineUpdate> machineUpdates();

  /** Every unhealthy Machine, in target order, with what the plan does with it. */
  public abstract List<UnhealthyMachine> unhealthy();

  /** The MachineHealthCheck's new {@code status}. */
  public abstract MachineHealthCheckStatus status();

  /**
   * The MachineHealthCheck's {@code metadata.annotations} to write, when this reconcile changes them (capi4j's
   * retry limit records its history in {@value RemediationRetryLimit#HISTORY_ANNOTATION}); empty to leave them.
   */
  public abstract Optional<java.util.Map<String, String>> annotations();

  /** The unhealthy Machines that capi4j's retry limit holds back in this plan. */
  public List<UnhealthyMachine> heldByRetryLimit() {
    return unhealthy().stream().filter(u -> u.handling() == RemediationHandling.RETRY_LIMIT_REACHED).toList();
  }

  /** When to reconcile again: the earliest pending check, when remediation is allowed and nothing failed. */
  public abstract Optional<Duration> requeueAfter();

  /** The reconcile's errors, in upstream's words. */
  public abstract List<String> errors();

  /** Events to emit on the MachineHealthCheck, as {@code "<type> <reason> <message>"} ({@code RemediationRestricted}). */
  public abstract List<String> mhcEvents();

  /** The unhealthy Machines handed over for remediation in this plan. */
  public List<UnhealthyMachine> toRemediate() {
    return unhealthy().stream().filter(UnhealthyMachine::toRemediate).toList();
  }

  /** Why nothing is remediated, when the gate blocks: the {@code RemediationAllowed=False} message. */
  public Optional<String> blockedReason() {
    return outcome() == PlanOutcome.REMEDIATION_BLOCKED ? gate().map(GateDecision::message) : Optional.empty();
  }

  /** All events in emission order: the MachineHealthCheck's, then the Machines' (each after its patch). */
  public List<String> events() {
    return java.util.stream.Stream.concat(
            mhcEvents().stream(), machineUpdates().stream().flatMap(u -> u.event().stream()))
        .toList();
  }

  public List<GenericKubernetesResource> remediationRequestsToCreate() {
    return machineUpdates().stream().flatMap(u -> u.createRemediationRequest().stream()).toList();
  }

  public List<GenericKubernetesResource> remediationRequestsToDelete() {
    return machineUpdates().stream().flatMap(u -> u.deleteRemediationRequest().stream()).toList();
  }
}
