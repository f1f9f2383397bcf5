package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ImmutableMachineSetStatus;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.conditions.AggregateOptions;
import io.capi4j.conditions.AggregateSource;
import io.capi4j.conditions.Aggregates;
import io.capi4j.conditions.ConditionOwner;
import io.capi4j.conditions.Conditions;
import io.capi4j.conditions.DefaultMergeStrategy;
import io.capi4j.util.Selectors;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The v1beta2 status of a MachineSet (upstream {@code machineset_controller_status.go} {@code updateStatus}):
 * {@code selector}, the replica counters, {@code versions} and the conditions {@code ScalingUp},
 * {@code ScalingDown}, {@code MachinesReady}, {@code MachinesUpToDate}, {@code Remediating} and {@code Deleting}.
 *
 * <p>Pure: the time is given, and a condition's {@code lastTransitionTime} only moves (to that time) when its
 * status changes.
 */
public final class MachineSetStatuses {
  private MachineSetStatuses() {}

  /** The message of every condition when the Machines could not be listed. */
  public static final String INTERNAL_ERROR_MESSAGE = "Please check controller logs for errors";

  /** Machines younger than this without an {@code UpToDate} condition are left out of {@code MachinesUpToDate}. */
  public static final Duration UP_TO_DATE_GRACE = Duration.ofSeconds(10);

  /**
   * What the status is computed from, besides the MachineSet.
   *
   * @param machines the Machines the MachineSet owns, deleting ones included
   * @param machinesListed false when listing/adopting the Machines failed: counters are then left alone and every
   *     condition is Unknown, reason {@code InternalError}
   * @param bootstrapTemplateNotFound the bootstrap config template does not exist
   * @param infrastructureTemplateNotFound the InfraMachine template does not exist
   * @param scaleUpPreflightMessages the messages of the preflight checks that held back scaling up
   * @param now the time of the reconcile
   */
  public record Observed(
      List<Machine> machines,
      boolean machinesListed,
      boolean bootstrapTemplateNotFound,
      boolean infrastructureTemplateNotFound,
      List<String> scaleUpPreflightMessages,
      Instant now) {
    public Observed {
      machines = List.copyOf(machines);
      scaleUpPreflightMessages = List.copyOf(scaleUpPreflightMessages);
      Objects.requireNonNull(now, "now");
    }

    /** The Machines were listed, both templates exist and no preflight check failed. */
    public static Observed of(List<Machine> machines, Instant now) {
      return new Observed(machines, true, false, false, List.of(), now);
    }
  }

  /** Why {@code spec.selector} cannot be turned into {@code status.selector}, if it cannot. */
  public static Optional<String> selectorError(MachineSet ms) {
    return Selectors.conversionError(ms.spec().selector().orElse(new LabelSelector()))
        .map(e -> "failed to update status for MachineSet " + ms.key() + ": " + e);
  }

  /**
   * The new status. When {@link #selectorError} reports an error the current status is returned unchanged, as
   * upstream stops there.
   */
  public static MachineSetStatus compute(MachineSet ms, Observed in) {
    MachineSetStatus current = ms.status().orElse(MachineSetStatus.builder().build());
    if (selectorError(ms).isPresent()) {
      return current;
    }
    ImmutableMachineSetStatus.Builder b = MachineSetStatus.builder().from(current);
    b.selector(Selectors.toString(ms.spec().selector().orElse(new LabelSelector())));
    List<Facts> facts = facts(in);
    if (in.machinesListed()) {
      int ready = 0;
      int available = 0;
      int upToDate = 0;
      for (Facts f : facts) {
        // Machines updating in place are not counted until the update completes.
        if (f.updating) {
          continue;
        }
        ready += isTrue(f.ready) ? 1 : 0;
        available += isTrue(f.available) ? 1 : 0;
        upToDate += isTrue(f.upToDate) ? 1 : 0;
      }
      b.replicas(in.machines().size())
          .readyReplicas(ready)
          .availableReplicas(available)
          .upToDateReplicas(upToDate)
          .versions(StatusVersions.fromMachines(in.machines()));
    }

    List<Condition> conditions = current.conditions();
    long generation = ms.metadata().getGeneration() == null ? 0 : ms.metadata().getGeneration();
    for (Condition c :
        List.of(
            scalingUp(ms, in),
            scalingDown(ms, in, facts),
            machinesReady(in, facts),
            machinesUpToDate(in, facts),
            remediating(in, facts, "MachineSet"),
            deleting(ms, in, facts))) {
      conditions = Conditions.set(conditions, stamp(c, in.now(), generation));
    }
    return b.conditions(conditions).build();
  }

  /**
   * What the status reads of one Machine, gathered in one pass over its conditions: for 100,000 Machines every
   * extra pass over their conditions is another trip through memory the CPU caches cannot hold. Each condition is
   * the first of its type, as {@link Conditions#get} finds it; null when absent.
   */
  private static final class Facts {
    final Machine machine;
    final boolean updating;
    final boolean pendingAcknowledge;
    final boolean hasDeletionTimestamp;
    Condition ready;
    Condition available;
    Condition upToDate;
    Condition healthCheck;
    Condition ownerRemediated;
    private ConditionOwner owner;

    Facts(Machine m) {
      this.machine = m;
      this.updating = Machines.isUpdateInProgress(m);
      this.pendingAcknowledge = m.annotations().containsKey(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION);
      String deletion = m.metadata().getDeletionTimestamp();
      this.hasDeletionTimestamp = deletion != null && !deletion.isEmpty();
      List<Condition> conditions = Machines.conditions(m);
      for (int i = 0, n = conditions.size(); i < n; i++) {
        Condition c = conditions.get(i);
        String type = c.getType();
        if (type == null) {
          continue;
        }
        switch (type) {
          case Capi.Conditions.READY -> ready = ready == null ? c : ready;
          case Capi.Conditions.AVAILABLE -> available = available == null ? c : available;
          case Capi.Conditions.UP_TO_DATE -> upToDate = upToDate == null ? c : upToDate;
          case Capi.Conditions.HEALTH_CHECK_SUCCEEDED -> healthCheck = healthCheck == null ? c : healthCheck;
          case Capi.Conditions.OWNER_REMEDIATED -> ownerRemediated = ownerRemediated == null ? c : ownerRemediated;
          default -> { }
        }
      }
    }

    String name() {
      return machine.name();
    }

    /** One source for an aggregate: this Machine with just the condition aggregated (what the aggregate reads). */
    AggregateSource source(Condition c) {
      if (owner == null) {
        owner = ConditionOwner.of(machine);
      }
      return new AggregateSource(owner, c == null ? List.of() : List.of(c));
    }
  }

  private static List<Facts> facts(Observed in) {
    List<Facts> out = new ArrayList<>(in.machines().size());
    for (Machine m : in.machines()) {
      out.add(new Facts(m));
    }
    return out;
  }

  private static boolean isTrue(Condition c) {
    return c != null && Conditions.TRUE.equals(c.getStatus());
  }

  private static boolean isFalse(Condition c) {
    return c != null && Conditions.FALSE.equals(c.getStatus());
  }

  /** The Machines that may be stale in deletion: only those with a deletion timestamp can be. */
  private static List<Machine> withDeletionTimestamp(List<Facts> facts) {
    List<Machine> out = new ArrayList<>();
    for (Facts f : facts) {
      if (f.hasDeletionTimestamp) {
        out.add(f.machine);
      }
    }
    return out;
  }

  static Condition stamp(Condition c, Instant now, long generation) {
    ConditionBuilder cb = new ConditionBuilder(c).withLastTransitionTime(Conditions.format(now));
    if (generation > 0) {
      cb.withObservedGeneration(generation);
    }
    return cb.build();
  }

  static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message == null ? "" : message)
        .build();
  }

  private static Condition internalError(String type) {
    return condition(type, Conditions.UNKNOWN, Capi.Reasons.INTERNAL_ERROR, INTERNAL_ERROR_MESSAGE);
  }

  private static int desiredReplicas(MachineSet ms) {
    return ms.isDeleting() ? 0 : ms.spec().replicas().orElse(0);
  }

  /** {@code ScalingUp}. */
  static Condition scalingUp(MachineSet ms, Observed in) {
    String type = Capi.Conditions.SCALING_UP;
    if (!in.machinesListed()) {
      return internalError(type);
    }
    if (ms.spec().replicas().isEmpty()) {
      return condition(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET, "Waiting for spec.replicas set");
    }
    int desired = desiredReplicas(ms);
    int current = in.machines().size();
    String missing =
        missingReferencesMessage(ms, in.bootstrapTemplateNotFound(), in.infrastructureTemplateNotFound());
    if (current >= desired) {
      String message = !ms.isDeleting() && !missing.isEmpty() ? "Scaling up would be blocked because " + missing : "";
      return condition(type, Conditions.FALSE, Capi.Reasons.NOT_SCALING_UP, message);
    }
    StringBuilder message =
        new StringBuilder("Scaling up from ").append(current).append(" to ").append(desired).append(" replicas");
    if (!missing.isEmpty() || !in.scaleUpPreflightMessages().isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (String m : in.scaleUpPreflightMessages()) {
        lines.add("* " + m);
      }
      if (!missing.isEmpty()) {
        lines.add("* " + missing);
      }
      message.append(" is blocked because:\n").append(String.join("\n", lines));
    }
    return condition(type, Conditions.TRUE, Capi.Reasons.SCALING_UP, message.toString());
  }

  /** {@code <Kind> does not exist} / {@code <BootstrapKind> and <InfraKind> do not exist}, or {@code ""}. */
  static String missingReferencesMessage(MachineSet ms, boolean bootstrapNotFound, boolean infraNotFound) {
    MachineSpec spec = ms.spec().templateOrEmpty().specOrEmpty();
    List<String> missing = new ArrayList<>();
    if (bootstrapNotFound) {
      missing.add(spec.bootstrapOrEmpty().configRef().map(ContractVersionedObjectReference::kind).orElse(""));
    }
    if (infraNotFound) {
      missing.add(spec.infrastructureRefOrEmpty().kind());
    }
    if (missing.isEmpty()) {
      return "";
    }
    if (missing.size() == 1) {
      return missing.get(0) + " does not exist";
    }
    return String.join(" and ", missing) + " do not exist";
  }

  /** {@code ScalingDown}: Machines still waiting for a move to be acknowledged are not counted. */
  static Condition scalingDown(MachineSet ms, Observed in) {
    return scalingDown(ms, in, facts(in));
  }

  private static Condition scalingDown(MachineSet ms, Observed in, List<Facts> facts) {
    String type = Capi.Conditions.SCALING_DOWN;
    if (!in.machinesListed()) {
      return internalError(type);
    }
    if (ms.spec().replicas().isEmpty()) {
      return condition(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET, "Waiting for spec.replicas set");
    }
    int desired = desiredReplicas(ms);
    int current = 0;
    for (Facts f : facts) {
      if (!f.pendingAcknowledge) {
        current++;
      }
    }
    if (current > desired) {
      String message = "Scaling down from " + current + " to " + desired + " replicas";
      String stale = MachineMessages.staleMachines(withDeletionTimestamp(facts), in.now());
      if (!stale.isEmpty()) {
        message += "\n* " + stale;
      }
      return condition(type, Conditions.TRUE, Capi.Reasons.SCALING_DOWN, message);
    }
    return condition(type, Conditions.FALSE, Capi.Reasons.NOT_SCALING_DOWN, "");
  }

  /** {@code MachinesReady}: the Machines' {@code Ready} conditions, aggregated. */
  static Condition machinesReady(Observed in) {
    return machinesReady(in, facts(in));
  }

  private static Condition machinesReady(Observed in, List<Facts> facts) {
    String type = Capi.Conditions.MACHINES_READY;
    if (!in.machinesListed()) {
      return internalError(type);
    }
    if (facts.isEmpty()) {
      return condition(type, Conditions.TRUE, Capi.Reasons.NO_REPLICAS, "");
    }
    List<AggregateSource> sources = new ArrayList<>(facts.size());
    for (Facts f : facts) {
      sources.add(f.source(f.ready));
    }
    return aggregate(sources, Capi.Conditions.READY, type,
        Capi.Reasons.NOT_READY, Capi.Reasons.READY_UNKNOWN, Capi.Reasons.READY);
  }

  /**
   * {@code MachinesUpToDate}: the Machines' {@code UpToDate} conditions, aggregated, leaving out Machines younger
   * than 10s that do not report it yet (so the condition does not flicker when a Machine is created).
   */
  static Condition machinesUpToDate(Observed in) {
    return machinesUpToDate(in, facts(in));
  }

  private static Condition machinesUpToDate(Observed in, List<Facts> facts) {
    String type = Capi.Conditions.MACHINES_UP_TO_DATE;
    if (!in.machinesListed()) {
      return internalError(type);
    }
    List<Facts> considered = new ArrayList<>();
    for (Facts f : facts) {
      if (f.upToDate != null
          || Machines.creationTime(f.machine)
              .map(t -> Duration.between(t, in.now()).compareTo(UP_TO_DATE_GRACE) > 0)
              .orElse(true)) {
        considered.add(f);
      }
    }
    if (considered.isEmpty()) {
      return condition(type, Conditions.TRUE, Capi.Reasons.NO_REPLICAS, "");
    }
    considered.sort(Comparator.comparing(Facts::name));
    List<AggregateSource> sources = new ArrayList<>(considered.size());
    for (Facts f : considered) {
      sources.add(f.source(f.upToDate));
    }
    return aggregate(sources, Capi.Conditions.UP_TO_DATE, type,
        Capi.Reasons.NOT_UP_TO_DATE, Capi.Reasons.UP_TO_DATE_UNKNOWN, Capi.Reasons.UP_TO_DATE);
  }

  /**
   * {@code Remediating}: True with the aggregated {@code OwnerRemediated} messages when some Machine is unhealthy and
   * waits for this MachineSet to remediate it; otherwise False, naming the unhealthy Machines left to others.
   */
  static Condition remediating(Observed in) {
    return remediating(in, facts(in), "MachineSet");
  }

  /**
   * The conditions a MachineDeployment computes from its Machines exactly as a MachineSet does (upstream has the
   * same code in both controllers): {@code MachinesReady}, {@code MachinesUpToDate} and {@code Remediating}, in
   * that order. {@code owners} names who remediates in the {@code Remediating} message (e.g.
   * {@code MachineDeployment/MachineSet}).
   */
  public static List<Condition> machineConditions(List<Machine> machines, boolean machinesListed, Instant now,
      String owners) {
    Observed in = new Observed(machines, machinesListed, false, false, List.of(), now);
    List<Facts> facts = facts(in);
    return List.of(machinesReady(in, facts), machinesUpToDate(in, facts), remediating(in, facts, owners));
  }

  private static Condition remediating(Observed in, List<Facts> facts, String owners) {
    String type = Capi.Conditions.REMEDIATING;
    if (!in.machinesListed()) {
      return internalError(type);
    }
    // Machines.isUnhealthyAndOwnerRemediated and Machines.isUnhealthy, on the conditions found once.
    List<Machine> toRemediate = new ArrayList<>();
    List<Machine> unhealthy = new ArrayList<>();
    for (Facts f : facts) {
      if (isFalse(f.healthCheck) && isFalse(f.ownerRemediated)) {
        toRemediate.add(f.machine);
      }
      if (isFalse(f.healthCheck)) {
        unhealthy.add(f.machine);
      }
    }
    if (toRemediate.isEmpty()) {
      return condition(
          type, Conditions.FALSE, Capi.Reasons.NOT_REMEDIATING,
          MachineMessages.unhealthyMachines(unhealthy, owners));
    }
    try {
      Condition agg =
          Aggregates.newAggregateCondition(
              sources(byName(toRemediate)), Capi.Conditions.OWNER_REMEDIATED,
              AggregateOptions.defaults().withTargetConditionType(type));
      return condition(type, Conditions.TRUE, Capi.Reasons.REMEDIATING, agg.getMessage());
    } catch (IllegalArgumentException e) {
      return internalError(type);
    }
  }

  /** {@code Deleting}. */
  static Condition deleting(MachineSet ms, Observed in) {
    return deleting(ms, in, facts(in));
  }

  private static Condition deleting(MachineSet ms, Observed in, List<Facts> facts) {
    String type = Capi.Conditions.DELETING;
    if (!in.machinesListed()) {
      return internalError(type);
    }
    if (!ms.isDeleting()) {
      return condition(type, Conditions.FALSE, Capi.Reasons.NOT_DELETING, "");
    }
    String message = "Deletion completed";
    int n = in.machines().size();
    if (n > 0) {
      message = "Deleting " + n + (n == 1 ? " Machine" : " Machines");
      String stale = MachineMessages.staleMachines(withDeletionTimestamp(facts), in.now());
      if (!stale.isEmpty()) {
        message += "\n* " + stale;
      }
    }
    return condition(type, Conditions.TRUE, Capi.Reasons.DELETING, message);
  }

  static Condition aggregate(
      List<AggregateSource> sources, String sourceType, String targetType, String issue, String unknown, String info) {
    try {
      return Aggregates.newAggregateCondition(
          sources, sourceType,
          AggregateOptions.defaults()
              .withTargetConditionType(targetType)
              .withMergeStrategy(DefaultMergeStrategy.builder().reasons(issue, unknown, info).build()));
    } catch (IllegalArgumentException e) {
      return internalError(targetType);
    }
  }

  static List<AggregateSource> sources(List<Machine> machines) {
    List<AggregateSource> out = new ArrayList<>(machines.size());
    for (Machine m : machines) {
      out.add(AggregateSource.of(m));
    }
    return out;
  }

  // Upstream reads these Machines from a map (random order); sorting by name makes the message deterministic.
  static List<Machine> byName(List<Machine> machines) {
    List<Machine> sorted = new ArrayList<>(machines);
    sorted.sort(Comparator.comparing(Machine::name));
    return sorted;
  }
}
