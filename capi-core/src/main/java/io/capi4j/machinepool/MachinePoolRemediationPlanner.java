package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.machineset.MachineSetPlanner;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.KubernetesNames;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remediation of MachinePool Machines (capi4j extension, beyond upstream: CAPI PR #11392 is still open, and upstream's
 * MachinePool controller never reads {@code OwnerRemediated}). See {@code REMEDIATION.md} next to this source.
 *
 * <p>It does for a pool what the MachineSet's {@code reconcileUnhealthyMachines} does for a MachineSet, on the
 * Machines a MachineHealthCheck marked for their owner ({@code HealthCheckSucceeded=False} and
 * {@code OwnerRemediated=False}):
 *
 * <ol>
 *   <li>only for a pool with MachinePool Machines (its InfraMachinePool sets
 *       {@code status.infrastructureMachineKind}) that is not being deleted;
 *   <li>a Machine that is healthy again ({@code HealthCheckSucceeded=True}) loses its {@code OwnerRemediated=False};
 *   <li>{@code maxInFlight} = the annotation {@value #MAX_IN_FLIGHT_ANNOTATION} on the MachinePool, an int or a
 *       percentage of {@code spec.replicas} (unset: 1) rounded up; without the annotation, unlimited (as a MachineSet
 *       without a MachineDeployment). Machines already deleting with {@code OwnerRemediated=False}
 *       ({@code MachineDeleting}) are in flight and use it up;
 *   <li>no room left: every candidate gets {@code OwnerRemediated=False} ({@code RemediationDeferred}) with the
 *       MachineSet's message, naming the annotation;
 *   <li>otherwise the candidates are ordered as the MachineSet orders them ({@code cluster.x-k8s.io/remediate-machine}
 *       first, then newest first, then by name); those beyond the room are deferred; the rest get
 *       {@code OwnerRemediated=False} ({@code MachineDeleting}, {@code Machine is deleting}) and are deleted.
 * </ol>
 *
 * <p>The MachineHealthCheck's gate ({@code unhealthyLessThanOrEqualTo}, {@code unhealthyInRange}) has already been
 * applied when the Machines were marked: a blocked MachineHealthCheck marks no Machine for its owner. Deleting the
 * Machine is the whole action: the Machine deletion drains the Node and deletes the InfraMachine, the pool provider
 * removes that instance from its scaling group (VMSS delete instance, ASG terminate instance, a container), and the
 * pool creates a replacement to keep {@code spec.replicas}. There are no preflight checks (a pool has none).
 */
public final class MachinePoolRemediationPlanner {
  private MachinePoolRemediationPlanner() {}

  /** How many remediations may be in flight at once for the pool: an int or a percentage of spec.replicas (capi4j). */
  public static final String MAX_IN_FLIGHT_ANNOTATION = "remediation.capi4j.io/max-in-flight";

  /** The MachineSet's message for a Machine whose remediation starts. */
  public static final String MACHINE_DELETING_MESSAGE = MachineSetPlanner.MACHINE_DELETING_MESSAGE;

  static final FieldPath MAX_IN_FLIGHT_PATH = FieldPath.of("metadata", "annotations").key(MAX_IN_FLIGHT_ANNOTATION);

  /** The admission errors of the pool's remediation annotation: not an int or a percentage, or negative. */
  public static List<FieldError> validate(Map<String, String> annotations) {
    String text = annotations.get(MAX_IN_FLIGHT_ANNOTATION);
    if (text == null) {
      return List.of();
    }
    IntOrString v = IntOrPercent.parse(text);
    try {
      IntOrPercent.scaled(v, 1, true);
    } catch (IllegalArgumentException e) {
      return List.of(FieldError.invalid(MAX_IN_FLIGHT_PATH, text,
          "must be an int or a percentage of spec.replicas: " + e.getMessage() + " (capi4j)"));
    }
    if (IntOrPercent.isNegative(v)) {
      return List.of(FieldError.invalid(MAX_IN_FLIGHT_PATH, text, "must not be negative (capi4j)"));
    }
    return List.of();
  }

  /** Plans the remediation of the pool's unhealthy MachinePool Machines. */
  public static MachinePoolRemediationPlan plan(MachinePoolRemediationInput in) {
    MachinePool mp = in.machinePool();
    ImmutableMachinePoolRemediationPlan.Builder p = MachinePoolRemediationPlan.builder();
    if (!in.machinePoolMachines()) {
      return p.addSteps("remediation: the pool has no MachinePool Machines, so no MachineHealthCheck can mark its"
          + " instances: nothing to remediate").build();
    }
    if (mp.isDeleting()) {
      return p.addSteps("remediation: the MachinePool is being deleted: no remediation").build();
    }
    String poolLabel = KubernetesNames.mustFormatValue(mp.name());
    if (!anyCandidate(in, poolLabel)) {
      return p.build(); // no pool Machine is healthy again or marked for remediation: nothing below would do anything
    }
    List<Machine> machines = in.machines().stream()
        .filter(m -> m.namespace().equals(mp.namespace()) && poolLabel.equals(m.labels().get(Capi.MACHINE_POOL_NAME_LABEL)))
        .filter(m -> controlledBy(m, mp))
        .sorted(Comparator.comparing(Machine::name))
        .toList();

    // Healthy again: the MachineHealthCheck's mark for the owner goes.
    for (Machine m : machines) {
      List<Condition> c = conditions(m);
      if (!m.isDeleting() && Conditions.isTrue(c, Capi.Conditions.HEALTH_CHECK_SUCCEEDED)
          && Conditions.isFalse(c, Capi.Conditions.OWNER_REMEDIATED)) {
        String why = "Machine " + m.name() + " is healthy again (HealthCheckSucceeded is True): remove OwnerRemediated";
        p.addConditionPatches(new MachinePoolRemediationPlan.ConditionPatch(m.name(), Capi.Conditions.OWNER_REMEDIATED,
            Optional.empty(), why));
        p.addSteps("remediation: " + why);
      }
    }

    List<Machine> toRemediate = machines.stream()
        .filter(m -> !m.isDeleting() && isUnhealthyAndOwnerRemediated(m))
        .toList();
    if (toRemediate.isEmpty()) {
      return p.build();
    }

    int maxInFlight = Integer.MAX_VALUE;
    String text = mp.annotations().get(MAX_IN_FLIGHT_ANNOTATION);
    if (text != null) {
      List<FieldError> errs = validate(mp.annotations());
      if (!errs.isEmpty()) {
        String err = "failed to reconcile unhealthy MachinePool Machines: " + errs.get(0);
        return p.addErrors(err).addSteps("remediation: stop: " + err + "; no Machine is remediated").build();
      }
      int replicas = mp.spec().replicas().orElse(1);
      maxInFlight = IntOrPercent.scaled(IntOrPercent.parse(text), replicas, true);
      p.maxInFlight(maxInFlight);
    }

    List<String> inFlight = machines.stream()
        .filter(m -> m.isDeleting() && Conditions.get(conditions(m), Capi.Conditions.OWNER_REMEDIATED)
            .map(c -> Conditions.FALSE.equals(c.getStatus()) && Capi.Reasons.MACHINE_DELETING.equals(c.getReason()))
            .orElse(false))
        .map(Machine::name)
        .toList();
    long room = (long) maxInFlight - inFlight.size();
    String limit = text == null ? "unlimited" : maxInFlight + " (" + MAX_IN_FLIGHT_ANNOTATION + " " + text
        + " of " + mp.spec().replicas().orElse(1) + " replicas, rounded up)";
    String deferred = "Waiting because there are already too many remediations in progress ("
        + MAX_IN_FLIGHT_PATH + " is " + (text == null ? "<nil>" : text) + ")";
    p.addSteps("remediation: " + toRemediate.size() + " Machine(s) marked by a MachineHealthCheck for the pool ("
        + names(toRemediate) + "); " + inFlight.size() + " remediation(s) in flight"
        + (inFlight.isEmpty() ? "" : " (" + String.join(", ", inFlight) + ")") + "; maxInFlight " + limit);

    if (room <= 0) {
      for (Machine m : toRemediate) {
        set(p, m, Capi.Reasons.REMEDIATION_DEFERRED, deferred, in,
            "defer Machine " + m.name() + ": " + inFlight.size() + " remediation(s) already in flight, maxInFlight is "
                + maxInFlight);
      }
      return p.build();
    }

    List<Machine> sorted = MachineSetPlanner.sortMachinesToRemediate(toRemediate);
    List<Machine> chosen = sorted;
    if (sorted.size() > room) {
      chosen = sorted.subList(0, (int) room);
      for (Machine m : sorted.subList((int) room, sorted.size())) {
        set(p, m, Capi.Reasons.REMEDIATION_DEFERRED, deferred, in,
            "defer Machine " + m.name() + ": only " + room + " more remediation(s) may be in flight");
      }
    }
    for (Machine m : chosen) {
      set(p, m, Capi.Reasons.MACHINE_DELETING, MACHINE_DELETING_MESSAGE, in,
          "Machine " + m.name() + ": remediation starts: OwnerRemediated=False (MachineDeleting)");
    }
    for (Machine m : chosen) {
      String why = "remediate the unhealthy MachinePool Machine (HealthCheckSucceeded and OwnerRemediated are False"
          + (m.annotations().containsKey(Capi.REMEDIATE_MACHINE_ANNOTATION)
              ? ", " + Capi.REMEDIATE_MACHINE_ANNOTATION + " first" : "")
          + "): the pool's provider removes its instance and the pool replaces it";
      p.addMachinesToDelete(new MachinePoolPlan.MachineDeletion(m.name(), why));
      p.addSteps("remediation: delete Machine " + m.name() + ": " + why);
    }
    return p.build();
  }

  /**
   * Whether some Machine of the pool (labelled for it, in its namespace, controlled by it) is not being deleted and
   * is healthy again or marked for remediation: the two things the planner acts on.
   */
  private static boolean anyCandidate(MachinePoolRemediationInput in, String poolLabel) {
    MachinePool mp = in.machinePool();
    MachinePoolMemory memory = in.memory().orElseGet(MachinePoolMemory::create);
    memory.useRemediation(List.of(mp.namespace(), poolLabel, mp.name()));
    for (Boolean candidate : memory.remediation.of(in.machines(), m -> isCandidate(m, mp, poolLabel))) {
      if (candidate) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCandidate(Machine m, MachinePool mp, String poolLabel) {
    if (!m.namespace().equals(mp.namespace()) || !poolLabel.equals(m.labels().get(Capi.MACHINE_POOL_NAME_LABEL))
        || !controlledBy(m, mp) || m.isDeleting()) {
      return false;
    }
    List<Condition> c = conditions(m);
    return Conditions.isFalse(c, Capi.Conditions.OWNER_REMEDIATED)
        && (Conditions.isTrue(c, Capi.Conditions.HEALTH_CHECK_SUCCEEDED)
            || Conditions.isFalse(c, Capi.Conditions.HEALTH_CHECK_SUCCEEDED));
  }

  /** Sets {@code OwnerRemediated=False} with this reason and message, unless the Machine already has exactly that. */
  private static void set(ImmutableMachinePoolRemediationPlan.Builder p, Machine m, String reason, String message,
      MachinePoolRemediationInput in, String why) {
    Long generation = m.metadata().getGeneration();
    ConditionBuilder cb = new ConditionBuilder(Conditions.of(Capi.Conditions.OWNER_REMEDIATED, Conditions.FALSE, reason,
        message, in.now()));
    if (generation != null && generation > 0) {
      cb.withObservedGeneration(generation);
    }
    Condition c = cb.build();
    List<Condition> before = conditions(m);
    Optional<Condition> old = Conditions.get(before, c.getType());
    Condition result = Conditions.get(Conditions.set(before, c), c.getType()).orElseThrow();
    if (old.isPresent() && old.get().equals(result)) {
      p.addSteps("remediation: " + why + " (already so)");
      return;
    }
    p.addConditionPatches(new MachinePoolRemediationPlan.ConditionPatch(m.name(), c.getType(), Optional.of(c), why));
    p.addSteps("remediation: " + why);
  }

  /** The Machine's controller owner reference names this MachinePool. */
  static boolean controlledBy(Machine m, MachinePool mp) {
    return Optional.ofNullable(m.metadata().getOwnerReferences()).orElse(List.of()).stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .anyMatch(r -> MachinePool.KIND.equals(r.getKind()) && mp.name().equals(r.getName()));
  }

  static boolean isUnhealthyAndOwnerRemediated(Machine m) {
    List<Condition> c = conditions(m);
    return Conditions.isFalse(c, Capi.Conditions.HEALTH_CHECK_SUCCEEDED)
        && Conditions.isFalse(c, Capi.Conditions.OWNER_REMEDIATED);
  }

  private static List<Condition> conditions(Machine m) {
    return m.status().map(MachineStatus::conditions).orElse(List.of());
  }

  private static String names(List<Machine> ms) {
    return String.join(", ", ms.stream().map(Machine::name).toList());
  }
}
