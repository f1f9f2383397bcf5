package io.capi4j.machinehealthcheck;

import static io.capi4j.machinehealthcheck.MachineHealthCheckTargets.condition;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTemplateReference;
import io.capi4j.api.core.v1beta2.MachineHealthCheckStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.external.ExternalTemplates;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.spi.GroupVersionKind;
import io.capi4j.util.GoDuration;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One MachineHealthCheck reconcile as a pure function (upstream {@code machinehealthcheck_controller.go}:
 * {@code Reconcile}, {@code reconcile}, {@code patchUnhealthyTargets}, {@code patchHealthyTargets}).
 *
 * <p>The steps, in order:
 *
 * <ol>
 *   <li><b>Pause</b>: when the Cluster ({@code spec.paused}) or the MachineHealthCheck
 *       ({@code cluster.x-k8s.io/paused}) is paused, or the {@code Paused} condition has to change, only that
 *       condition is written ({@link PlanOutcome#PAUSED}, {@link PlanOutcome#PAUSED_CONDITION_UPDATED}).
 *   <li><b>Targets</b> ({@link MachineHealthCheckTargets#select}): {@code status.expectedMachines} and the sorted
 *       {@code status.targets}.
 *   <li><b>Health check</b> ({@link MachineHealthCheckTargets#healthCheck}) with {@code nodeStartupTimeoutSeconds}
 *       (default 600): {@code status.currentHealthy}.
 *   <li><b>Gate</b> ({@link RemediationGate}). When blocked: {@code remediationsAllowed = 0},
 *       {@code RemediationAllowed=False} ({@code TooManyUnhealthy}) with the reason, a {@code RemediationRestricted}
 *       warning when some target is unhealthy, only {@code HealthCheckSucceeded} written on the healthy and unhealthy
 *       Machines, and no requeue, even for pending targets (as upstream).
 *   <li><b>Marking</b>, when allowed: {@code RemediationAllowed=True}; each unhealthy Machine gets
 *       {@code HealthCheckSucceeded=False} and either an external remediation request (when
 *       {@code spec.remediation.templateRef} is set; named after the Machine, of the template's kind without
 *       {@code Template}, with {@code ExternallyRemediated=False}/{@code WaitingForRemediation}) or, when not
 *       deleting, {@code OwnerRemediated=False}/{@code WaitingForRemediation} if that condition is absent or True; a
 *       {@code MachineMarkedUnhealthy} event. Each healthy Machine gets {@code HealthCheckSucceeded=True} and loses
 *       its external remediation request. Then requeue after the earliest pending check.
 * </ol>
 *
 * <p>QUIRK (copied from upstream): with external remediation, marking stops at the first unhealthy Machine whose
 * request already exists: that Machine and the unhealthy ones after it are not patched in this pass (healthy ones
 * still are). Upstream does the same after a template that cannot be read, and its {@code ExternallyRemediated}
 * condition for that case is set in memory only, so it is never written; this plan writes nothing for it either.
 *
 * <p>capi4j extension, off by default: the retry limit ({@link RemediationRetryLimit}). With
 * {@value RemediationRetryLimit#LIMIT_ANNOTATION} on the MachineHealthCheck, marking hands an unhealthy Machine over
 * only while its slot (controller owner and failure domain) has been remediated fewer times than the limit within
 * the period; otherwise only {@code HealthCheckSucceeded=False} is written, the MachineHealthCheck gets
 * {@value RemediationRetryLimit#CONDITION}{@code =True}, and the reconcile requeues for when the slot frees up. The
 * history goes to {@link MachineHealthCheckPlan#annotations()}. Annotations that cannot be read fail the reconcile.
 *
 * <p>Not covered: the Cluster owner reference and {@code cluster-name} label upstream adds to the
 * MachineHealthCheck, and the deprecated v1beta1 conditions.
 */
public final class MachineHealthCheckPlanner {
  private MachineHealthCheckPlanner() {}

  public static final String EVENT_MACHINE_MARKED_UNHEALTHY = "MachineMarkedUnhealthy";
  public static final String EVENT_REMEDIATION_RESTRICTED = "RemediationRestricted";
  public static final String WAITING_FOR_REMEDIATION_MESSAGE = "Waiting for remediation";
  static final String TEMPLATE_SUFFIX = "Template";

  /** Plans one reconcile of {@code in.machineHealthCheck()} at {@code in.now()}. */
  public static MachineHealthCheckPlan plan(MachineHealthCheckInput in) {
    return new Run(in).plan();
  }

  private static final class Run {
    final MachineHealthCheckInput in;
    final MachineHealthCheck mhc;
    final Cluster cluster;
    final Instant now;
    final ImmutableMachineHealthCheckPlan.Builder p = ImmutableMachineHealthCheckPlan.builder();
    MachineHealthCheckStatus status;
    /** capi4j's retry limit, when on. */
    Optional<RemediationRetryLimit.Settings> retry = Optional.empty();
    /** The retry history as this reconcile leaves it (only what still counts, plus what it hands over). */
    final List<RemediationRetryLimit.Remediation> history = new ArrayList<>();
    /** When a slot held back by the retry limit frees up, the earliest. */
    Optional<Instant> retryAt = Optional.empty();
    /** The Machines held back by the retry limit, each with why, for the condition. */
    final List<String> heldLines = new ArrayList<>();

    Run(MachineHealthCheckInput in) {
      this.in = in;
      this.mhc = in.machineHealthCheck();
      this.cluster = in.cluster();
      this.now = in.now();
      this.status = mhc.status().orElse(MachineHealthCheckStatus.builder().build());
    }

    MachineHealthCheckPlan plan() {
      // The Cluster must be the one the MachineHealthCheck names (upstream fetches it by that name).
      if (!cluster.name().equals(mhc.spec().clusterName()) || !cluster.namespace().equals(mhc.namespace())) {
        String err = "the Cluster " + cluster.key() + " is not " + mhc.namespace() + "/" + mhc.spec().clusterName()
            + ", which spec.clusterName names (capi4j)";
        p.addErrors(err).addSteps("stop: " + err);
        return finish(PlanOutcome.ERROR);
      }

      // 1. Pause (paused.EnsurePausedCondition).
      Condition paused = pausedCondition();
      boolean isPaused = Conditions.TRUE.equals(paused.getStatus());
      Optional<Condition> old = Conditions.get(status.conditions(), Capi.Conditions.PAUSED);
      boolean changed = old.isEmpty() || !sameState(old.get(), paused);
      if (changed) {
        status = status.withConditions(Conditions.set(status.conditions(), paused));
      }
      if (isPaused) {
        p.addSteps("paused (" + paused.getMessage() + "): nothing is health checked"
            + (changed ? "; write Paused=True" : ""));
        return finish(PlanOutcome.PAUSED);
      }
      if (changed) {
        p.addSteps("not paused, but the Paused condition changes (" + (old.isEmpty() ? "absent" : "different state")
            + "): write Paused=False (NotPaused) and return, as upstream does; the write triggers the next reconcile");
        return finish(PlanOutcome.PAUSED_CONDITION_UPDATED);
      }
      p.addSteps("not paused");

      // capi4j: the retry limit's annotations.
      RemediationRetryLimit.Reading reading = RemediationRetryLimit.read(mhc.annotations());
      if (!reading.errors().isEmpty()) {
        reading.errors().forEach(e -> p.addErrors(e.toString()));
        p.addSteps("stop: the retry limit's annotations cannot be read (capi4j): " + reading.errors());
        return finish(PlanOutcome.ERROR);
      }
      retry = reading.settings();
      retry.ifPresent(r -> {
        r.history().stream().filter(h -> RemediationRetryLimit.counts(h, r.period(), now)).forEach(history::add);
        p.addSteps("retry limit on (capi4j): " + r.describe() + "; " + history.size()
            + " remediation(s) still counted");
      });

      // 2. Targets.
      TargetSelection selection = MachineHealthCheckTargets.select(mhc, in.machines(), in.nodes(), cluster);
      p.skipped(selection.skipped());
      selection.skipped().forEach(s -> p.addSteps("skip Machine " + s.name() + ": " + s.reason()));
      if (selection.error().isPresent()) {
        String err = "failed to fetch targets from MachineHealthCheck: " + selection.error().get();
        p.addErrors(err).addSteps("stop: " + err);
        return finish(PlanOutcome.ERROR);
      }
      List<HealthCheckTarget> targets = selection.targets();
      status = status.withExpectedMachines(targets.size()).withTargets(selection.sortedNames());
      p.addSteps(targets.size() + " target(s): " + String.join(", ", selection.sortedNames())
          + (Conditions.isTrue(MachineHealthCheckTargets.clusterConditions(cluster),
                  Capi.Conditions.CONTROL_PLANE_INITIALIZED)
              ? ""
              : " (the control plane is not initialized: Nodes are not read)"));

      // 3. Health check.
      Duration timeout = MachineHealthCheckTargets.nodeStartupTimeout(mhc);
      HealthCheckSummary summary = MachineHealthCheckTargets.healthCheck(targets, mhc, cluster, now, timeout);
      p.evaluations(summary.evaluations());
      summary.evaluations().forEach(e -> p.addSteps("Machine " + e.name() + ": " + e.explanation()));
      int healthy = summary.healthy().size();
      status = status.withCurrentHealthy(healthy);

      // 4. Gate.
      GateDecision gate = RemediationGate.evaluate(
          mhc.spec().remediationOrEmpty().triggerIfOrEmpty(), targets.size(), healthy, summary.unhealthy().size());
      p.gate(gate);
      if (gate.error().isPresent()) {
        String err = gate.errorText().get();
        p.addErrors(err).addSteps("stop: " + err + " (" + gate.error().get() + "); no Machine is patched");
        summary.unhealthy().forEach(e -> p.addUnhealthy(unhealthy(e, RemediationHandling.NOT_PROCESSED,
            "the remediation gate cannot be evaluated")));
        return finish(PlanOutcome.ERROR);
      }
      if (!gate.allowed()) {
        return blocked(summary, gate);
      }
      return allowed(summary, gate);
    }

    private MachineHealthCheckPlan blocked(HealthCheckSummary summary, GateDecision gate) {
      status = status.withRemediationsAllowed(0)
          .withConditions(Conditions.set(status.conditions(), condition(mhc, Capi.Conditions.REMEDIATION_ALLOWED,
              Conditions.FALSE, Capi.Reasons.TOO_MANY_UNHEALTHY, gate.message(), now)));
      p.addSteps("remediation blocked, nothing is remediated: " + gate.explanation()
          + "; RemediationAllowed=False (TooManyUnhealthy): " + gate.message());
      if (!summary.unhealthy().isEmpty()) {
        p.addMhcEvents("Warning " + EVENT_REMEDIATION_RESTRICTED + " " + gate.message());
      }
      List<TargetEvaluation> patched = new ArrayList<>(summary.healthy());
      patched.addAll(summary.unhealthy());
      for (TargetEvaluation e : patched) {
        boolean isHealthy = e.health() == TargetHealth.HEALTHY;
        String why = "remediation blocked: write only HealthCheckSucceeded=" + (isHealthy ? "True" : "False");
        p.addMachineUpdates(update(e).addConditions(e.healthCheckSucceeded().get()).reason(why).build());
        p.addSteps("Machine " + e.name() + ": " + why);
      }
      summary.unhealthy().forEach(e -> p.addUnhealthy(unhealthy(e, RemediationHandling.BLOCKED, gate.message())));
      if (!summary.pending().isEmpty()) {
        p.addSteps("no requeue although " + summary.pending().size() + " target(s) have a pending check (next in "
            + GoDuration.format(summary.minNextCheck()) + "): upstream drops the next checks when blocked");
      }
      observedGeneration();
      return finish(PlanOutcome.REMEDIATION_BLOCKED);
    }

    private MachineHealthCheckPlan allowed(HealthCheckSummary summary, GateDecision gate) {
      status = status.withRemediationsAllowed(gate.remediationsAllowed())
          .withConditions(Conditions.set(status.conditions(), condition(mhc, Capi.Conditions.REMEDIATION_ALLOWED,
              Conditions.TRUE, Capi.Reasons.REMEDIATION_ALLOWED, "", now)));
      p.addSteps("remediation allowed: " + gate.explanation() + "; remediationsAllowed=" + gate.remediationsAllowed());

      List<String> errors = new ArrayList<>();
      markUnhealthy(summary.unhealthy(), errors);
      markHealthy(summary.healthy());
      retryLimitStatus();
      p.addAllErrors(errors);
      if (!errors.isEmpty()) {
        p.addSteps("the reconcile fails (" + errors.size() + " error(s)): no requeue, upstream backs off");
        return finish(PlanOutcome.ERROR);
      }
      Duration next = summary.minNextCheck();
      Optional<Duration> retryNext = retryAt.map(t -> Duration.between(now, t)).filter(MachineHealthCheckTargets::positive);
      if (retryNext.isPresent() && (!MachineHealthCheckTargets.positive(next) || retryNext.get().compareTo(next) < 0)) {
        p.requeueAfter(retryNext.get());
        p.addSteps("requeue after " + GoDuration.format(retryNext.get())
            + ", when a slot held back by the retry limit may be remediated again (capi4j)");
      } else if (MachineHealthCheckTargets.positive(next)) {
        p.requeueAfter(next);
        p.addSteps("requeue after " + GoDuration.format(next) + ", when the earliest pending check times out");
      }
      observedGeneration();
      return finish(PlanOutcome.REMEDIATION_ALLOWED);
    }

    /** {@code patchUnhealthyTargets}. */
    private void markUnhealthy(List<TargetEvaluation> unhealthy, List<String> errors) {
      Optional<MachineHealthCheckRemediationTemplateReference> ref = templateRef();
      String stopped = "";
      // annotations.IsPaused(cluster, machine) cannot hold here: a paused Cluster stops at step 1 and paused
      // Machines are not targets.
      for (TargetEvaluation e : unhealthy) {
        Machine m = e.target().machine();
        if (!stopped.isEmpty()) {
          p.addUnhealthy(unhealthy(e, RemediationHandling.NOT_PROCESSED, stopped));
          p.addSteps("Machine " + m.name() + ": not processed: " + stopped);
          continue;
        }
        ImmutableMachineUpdate.Builder u = update(e).addConditions(e.healthCheckSucceeded().get());
        RemediationHandling handling;
        String why;
        if (ref.isPresent()) {
          MachineHealthCheckRemediationTemplateReference r = ref.get();
          String requestKind = requestKind(r);
          String gvk = GroupVersionKind.of(r.apiVersion(), r.kind()).toString();
          Optional<GenericKubernetesResource> existing = request(r, m.name());
          if (existing.isPresent()) {
            String msg = "the external remediation request " + requestKind + " " + m.name() + " already exists";
            stopped = "QUIRK (as upstream): marking stopped at Machine " + m.name() + ", whose " + msg.substring(4);
            p.addUnhealthy(unhealthy(e, RemediationHandling.EXTERNAL_IN_PROGRESS, msg));
            p.addSteps("Machine " + m.name() + ": " + msg + "; QUIRK (as upstream): return here, so this Machine is "
                + "not patched and the remaining unhealthy Machines are not processed in this pass");
            continue;
          }
          Optional<GenericKubernetesResource> template = in.remediationTemplate()
              .filter(t -> sameObject(t, r.apiVersion(), r.kind(), mhc.namespace(), r.name()));
          String forMachine = " \"" + r.name() + "\" for machine \"" + m.name() + "\" in namespace \""
              + m.namespace() + "\" within cluster \"" + mhc.spec().clusterName() + "\"";
          if (template.isEmpty()) {
            String err = "error retrieving remediation template " + gvk + forMachine + ": not found";
            errors.add(err);
            stopped = "marking stopped after an error at Machine " + m.name();
            p.addUnhealthy(unhealthy(e, RemediationHandling.NOT_PROCESSED, err));
            p.addSteps("Machine " + m.name() + ": " + err + "; upstream returns here (its ExternallyRemediated=False "
                + "RemediationTemplateNotFound is set in memory only and never written)");
            continue;
          }
          if (!hasSpecTemplate(template.get())) {
            String err = "failed to create template for remediation request " + gvk + forMachine
                + ": missing Spec.Template on " + gvk + " \"" + r.name() + "\"";
            errors.add(err);
            stopped = "marking stopped after an error at Machine " + m.name();
            p.addUnhealthy(unhealthy(e, RemediationHandling.NOT_PROCESSED, err));
            p.addSteps("Machine " + m.name() + ": " + err + "; upstream returns here");
            continue;
          }
          Optional<String> held = heldByRetryLimit(m);
          if (held.isPresent()) {
            p.addMachineUpdates(u.reason("unhealthy (" + e.result().reason() + "): " + held.get()).build());
            p.addUnhealthy(unhealthy(e, RemediationHandling.RETRY_LIMIT_REACHED, held.get()));
            p.addSteps("Machine " + m.name() + ": mark unhealthy; " + held.get());
            continue;
          }
          recordRemediation(m);
          GenericKubernetesResource request = ExternalTemplates.generate(template.get(),
              GenerateTemplateRequest.builder()
                  .name(m.name())
                  .namespace(m.namespace())
                  .clusterName(m.spec().clusterName())
                  .ownerRef(ownerRef(m))
                  .build());
          u.createRemediationRequest(request)
              .addConditions(condition(m, Capi.Conditions.EXTERNALLY_REMEDIATED, Conditions.FALSE,
                  Capi.Reasons.WAITING_FOR_REMEDIATION, "", now));
          handling = RemediationHandling.EXTERNAL;
          why = "create the external remediation request " + requestKind + " " + m.name()
              + " from " + r.kind() + " " + r.name() + ", then ExternallyRemediated=False (WaitingForRemediation)";
        } else if (!m.isDeleting()) {
          Optional<Condition> owner =
              Conditions.get(MachineHealthCheckTargets.machineConditions(m), Capi.Conditions.OWNER_REMEDIATED);
          Optional<String> held = Optional.empty();
          if (owner.isEmpty() || Conditions.TRUE.equals(owner.get().getStatus())) {
            held = heldByRetryLimit(m);
          }
          if (held.isPresent()) {
            why = held.get();
          } else if (owner.isEmpty() || Conditions.TRUE.equals(owner.get().getStatus())) {
            recordRemediation(m);
            u.addConditions(condition(m, Capi.Conditions.OWNER_REMEDIATED, Conditions.FALSE,
                Capi.Reasons.WAITING_FOR_REMEDIATION, WAITING_FOR_REMEDIATION_MESSAGE, now));
            why = "OwnerRemediated is " + (owner.isEmpty() ? "absent" : "True (an earlier remediation completed)")
                + ": set OwnerRemediated=False (WaitingForRemediation) for the owner";
          } else {
            why = "OwnerRemediated is already " + owner.get().getStatus() + " (" + owner.get().getReason()
                + "): a remediation is in progress, left to the owner";
          }
          handling = held.isPresent() ? RemediationHandling.RETRY_LIMIT_REACHED : RemediationHandling.OWNER;
        } else {
          handling = RemediationHandling.DELETING;
          why = "the Machine is deleting: OwnerRemediated is not set";
        }
        u.event("Normal " + EVENT_MACHINE_MARKED_UNHEALTHY + " Machine " + m.key()
            + " has been marked as unhealthy by " + mhc.key());
        p.addMachineUpdates(u.reason("unhealthy (" + e.result().reason() + "): " + why).build());
        p.addUnhealthy(unhealthy(e, handling, why));
        p.addSteps("Machine " + m.name() + ": mark unhealthy; " + why);
      }
    }

    /**
     * capi4j's retry limit: why {@code m} is not handed over, when its slot has used up its remediations; then the
     * slot's next chance is remembered for the requeue.
     */
    private Optional<String> heldByRetryLimit(Machine m) {
      if (retry.isEmpty()) {
        return Optional.empty();
      }
      RemediationRetryLimit.Settings r = retry.get();
      RemediationRetryLimit.Slot slot = RemediationRetryLimit.slotOf(m);
      Optional<Instant> until = RemediationRetryLimit.blockedUntil(history, slot, r.limit(), r.period(), now);
      if (until.isEmpty()) {
        return Optional.empty();
      }
      retryAt = retryAt.filter(t -> t.isBefore(until.get())).or(() -> until);
      List<RemediationRetryLimit.Remediation> counted =
          RemediationRetryLimit.counted(history, slot, r.period(), now);
      String detail = slot + " had " + counted.size() + " remediation(s) since " + Conditions.format(counted.get(0).time())
          + "; it may be remediated again at " + Conditions.format(until.get());
      heldLines.add("* Machine " + m.name() + ": " + detail);
      return Optional.of("not handed over: the retry limit is reached (" + r.describe() + "): " + detail
          + " (capi4j)");
    }

    private void recordRemediation(Machine m) {
      if (retry.isPresent()) {
        RemediationRetryLimit.Slot slot = RemediationRetryLimit.slotOf(m);
        history.add(new RemediationRetryLimit.Remediation(slot.owner(), slot.failureDomain(), m.name(),
            now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
      }
    }

    /** capi4j's retry limit: the condition, and the history annotation when it changes. */
    private void retryLimitStatus() {
      if (retry.isEmpty()) {
        if (Conditions.get(status.conditions(), RemediationRetryLimit.CONDITION).isPresent()) {
          status = status.withConditions(Conditions.delete(status.conditions(), RemediationRetryLimit.CONDITION));
          p.addSteps("retry limit off: remove the " + RemediationRetryLimit.CONDITION + " condition (capi4j)");
        }
        return;
      }
      RemediationRetryLimit.Settings r = retry.get();
      Condition c;
      if (heldLines.isEmpty()) {
        c = condition(mhc, RemediationRetryLimit.CONDITION, Conditions.FALSE, RemediationRetryLimit.REASON_NOT_REACHED,
            "", now);
      } else {
        List<String> lines = new ArrayList<>();
        lines.add("Remediation stopped by the retry limit (" + r.describe() + "):");
        lines.addAll(heldLines);
        c = condition(mhc, RemediationRetryLimit.CONDITION, Conditions.TRUE, RemediationRetryLimit.REASON_REACHED,
            String.join("\n", lines), now);
        p.addSteps(heldLines.size() + " unhealthy Machine(s) held back by the retry limit: "
            + RemediationRetryLimit.CONDITION + "=True (capi4j)");
      }
      status = status.withConditions(Conditions.set(status.conditions(), c));
      String value = RemediationRetryLimit.format(history);
      String old = mhc.annotations().get(RemediationRetryLimit.HISTORY_ANNOTATION);
      if (!value.equals(old) && !(history.isEmpty() && old == null)) {
        java.util.Map<String, String> a = new java.util.LinkedHashMap<>(mhc.annotations());
        if (history.isEmpty()) {
          a.remove(RemediationRetryLimit.HISTORY_ANNOTATION);
        } else {
          a.put(RemediationRetryLimit.HISTORY_ANNOTATION, value);
        }
        p.annotations(a);
        p.addSteps("write the retry history: " + history.size() + " remediation(s) counted (capi4j)");
      }
    }

    /** {@code patchHealthyTargets}. */
    private void markHealthy(List<TargetEvaluation> healthy) {
      Optional<MachineHealthCheckRemediationTemplateReference> ref = templateRef();
      for (TargetEvaluation e : healthy) {
        Machine m = e.target().machine();
        ImmutableMachineUpdate.Builder u = update(e).addConditions(e.healthCheckSucceeded().get());
        String why = "healthy: HealthCheckSucceeded=True";
        if (ref.isPresent()) {
          Optional<GenericKubernetesResource> existing = request(ref.get(), m.name());
          if (existing.isPresent() && !isDeleting(existing.get())) {
            u.deleteRemediationRequest(existing.get());
            why += "; delete its external remediation request " + requestKind(ref.get()) + " " + m.name();
          } else if (existing.isPresent()) {
            why += "; its external remediation request is already being deleted";
          }
        }
        p.addMachineUpdates(u.reason(why).build());
        p.addSteps("Machine " + m.name() + ": " + why);
      }
    }

    private MachineHealthCheckPlan finish(PlanOutcome outcome) {
      return p.outcome(outcome).status(status).build();
    }

    private void observedGeneration() {
      Long generation = mhc.metadata().getGeneration();
      if (generation != null) {
        status = status.withObservedGeneration(generation);
      }
    }

    private Condition pausedCondition() {
      boolean clusterPaused = cluster.spec().isPaused();
      boolean annotated = mhc.annotations().containsKey(Capi.PAUSED_ANNOTATION);
      if (clusterPaused || annotated) {
        List<String> messages = new ArrayList<>();
        if (clusterPaused) {
          messages.add("Cluster spec.paused is set to true");
        }
        if (annotated) {
          messages.add(MachineHealthCheck.KIND + " has the cluster.x-k8s.io/paused annotation");
        }
        return condition(mhc, Capi.Conditions.PAUSED, Conditions.TRUE, Capi.Reasons.PAUSED,
            String.join(", ", messages), now);
      }
      return condition(mhc, Capi.Conditions.PAUSED, Conditions.FALSE, Capi.Reasons.NOT_PAUSED, "", now);
    }

    private Optional<MachineHealthCheckRemediationTemplateReference> templateRef() {
      return mhc.spec().remediationOrEmpty().templateRef()
          .filter(MachineHealthCheckRemediationTemplateReference::isDefined);
    }

    /** The existing request for {@code machineName}: group and kind of the templateRef, minus {@code Template}. */
    private Optional<GenericKubernetesResource> request(MachineHealthCheckRemediationTemplateReference r,
        String machineName) {
      return in.remediationRequests().stream()
          .filter(o -> sameObject(o, r.apiVersion(), requestKind(r), mhc.namespace(), machineName))
          .findFirst();
    }

    private ImmutableMachineUpdate.Builder update(TargetEvaluation e) {
      return ImmutableMachineUpdate.builder().machineName(e.name()).namespace(e.target().machine().namespace());
    }

    private UnhealthyMachine unhealthy(TargetEvaluation e, RemediationHandling handling, String why) {
      Machine m = e.target().machine();
      ContractVersionedObjectReference infra = m.spec().infrastructureRefOrEmpty();
      Optional<OwnerReference> owner = Optional.ofNullable(m.metadata().getOwnerReferences()).orElse(List.of())
          .stream()
          .filter(o -> Boolean.TRUE.equals(o.getController()))
          .findFirst();
      return ImmutableUnhealthyMachine.builder()
          .name(m.name())
          .namespace(m.namespace())
          .reason(e.result().reason())
          .message(e.result().message())
          .deleting(m.isDeleting())
          .nodeName(e.target().nodeName())
          .providerID(m.spec().providerID())
          .infrastructureKind(infra.kind())
          .infrastructureName(infra.name())
          .ownerKind(owner.map(OwnerReference::getKind).map(Objects::toString).orElse(""))
          .ownerName(owner.map(OwnerReference::getName).map(Objects::toString).orElse(""))
          .poolLabel(m.labels().getOrDefault(Capi.MACHINE_POOL_NAME_LABEL, ""))
          .handling(handling)
          .handlingReason(why)
          .build();
    }
  }

  /** {@code strings.TrimSuffix(templateRef.kind, "Template")}. */
  static String requestKind(MachineHealthCheckRemediationTemplateReference r) {
    String k = r.kind();
    return k.endsWith(TEMPLATE_SUFFIX) ? k.substring(0, k.length() - TEMPLATE_SUFFIX.length()) : k;
  }

  private static OwnerReference ownerRef(Machine m) {
    return new OwnerReferenceBuilder()
        .withApiVersion(Capi.API_VERSION)
        .withKind(Machine.KIND)
        .withName(m.name())
        .withUid(m.metadata().getUid())
        .build();
  }

  /** Same group, kind and name; namespace unset or equal. */
  private static boolean sameObject(GenericKubernetesResource o, String apiVersion, String kind, String namespace,
      String name) {
    if (o == null || o.getMetadata() == null) {
      return false;
    }
    String group = GroupVersionKind.of(apiVersion, kind).group();
    String oGroup = GroupVersionKind.of(o.getApiVersion() == null ? "" : o.getApiVersion(), "").group();
    String ns = o.getMetadata().getNamespace();
    return group.equals(oGroup) && kind.equals(o.getKind()) && name.equals(o.getMetadata().getName())
        && (ns == null || ns.isEmpty() || ns.equals(namespace));
  }

  private static boolean isDeleting(GenericKubernetesResource o) {
    String ts = o.getMetadata() == null ? null : o.getMetadata().getDeletionTimestamp();
    return ts != null && !ts.isEmpty();
  }

  private static boolean hasSpecTemplate(GenericKubernetesResource t) {
    return t.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map;
  }

  /** Upstream's {@code HasSameState}: type, status, observedGeneration, reason and message. */
  private static boolean sameState(Condition a, Condition b) {
    return Objects.equals(a.getType(), b.getType())
        && Objects.equals(a.getStatus(), b.getStatus())
        && gen(a) == gen(b)
        && nz(a.getReason()).equals(nz(b.getReason()))
        && nz(a.getMessage()).equals(nz(b.getMessage()));
  }

  private static long gen(Condition c) {
    return c.getObservedGeneration() == null ? 0 : c.getObservedGeneration();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
