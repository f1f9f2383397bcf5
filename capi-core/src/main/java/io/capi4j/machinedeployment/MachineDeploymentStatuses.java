package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.StatusVersion;
import io.capi4j.conditions.Conditions;
import io.capi4j.machineset.MachineMessages;
import io.capi4j.machineset.MachineSetStatuses;
import io.capi4j.machineset.Machines;
import io.capi4j.machineset.StatusVersions;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.Selectors;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The v1beta2 status of a MachineDeployment (upstream {@code machinedeployment_status.go} {@code updateStatus}):
 * {@code selector}, the replica counters and {@code versions} summed over the MachineSets, {@code phase}, and the
 * conditions {@code Available}, {@code RollingOut}, {@code ScalingUp}, {@code ScalingDown}, {@code MachinesReady},
 * {@code MachinesUpToDate}, {@code Remediating} and {@code Deleting}.
 *
 * <p>Pure: the time is given, and a condition's {@code lastTransitionTime} only moves (to that time) when its
 * status changes. The {@code Paused} condition is not set here (upstream sets it before the reconcile).
 */
public final class MachineDeploymentStatuses {
  private MachineDeploymentStatuses() {}

  /** The message of a condition that cannot be computed because a list failed. */
  public static final String INTERNAL_ERROR_MESSAGE = MachineSetStatuses.INTERNAL_ERROR_MESSAGE;

  /**
   * What the status is computed from, besides the MachineDeployment.
   *
   * @param machineSets the MachineSets the MachineDeployment owns
   * @param machineSetsListed false when listing/adopting the MachineSets failed
   * @param machines the Machines matching the MachineDeployment's selector
   * @param machinesListed false when listing the Machines failed
   * @param bootstrapTemplateNotFound the bootstrap config template does not exist
   * @param infrastructureTemplateNotFound the InfraMachine template does not exist
   * @param now the time of the reconcile
   */
  public record Observed(
      List<MachineSet> machineSets,
      boolean machineSetsListed,
      List<Machine> machines,
      boolean machinesListed,
      boolean bootstrapTemplateNotFound,
      boolean infrastructureTemplateNotFound,
      Instant now) {
    public Observed {
      machineSets = List.copyOf(machineSets);
      machines = List.copyOf(machines);
      Objects.requireNonNull(now, "now");
    }

    /** Both lists succeeded and both templates exist. */
    public static Observed of(List<MachineSet> machineSets, List<Machine> machines, Instant now) {
      return new Observed(machineSets, true, machines, true, false, false, now);
    }
  }

  /** Why {@code spec.selector} cannot be turned into {@code status.selector}, if it cannot. */
  public static Optional<String> selectorError(MachineDeployment md) {
    return Selectors.conversionError(md.spec().selector().orElse(new LabelSelector()))
        .map(e -> "failed to update status for MachineDeployment " + md.key() + ": " + e);
  }

  /**
   * The new status. When {@link #selectorError} reports an error the current status is returned unchanged, as
   * upstream stops there.
   */
  public static MachineDeploymentStatus compute(MachineDeployment md, Observed in) {
    MachineDeploymentStatus current = md.status().orElse(MachineDeploymentStatus.builder().build());
    if (selectorError(md).isPresent()) {
      return current;
    }
    ImmutableMachineDeploymentStatus.Builder b = MachineDeploymentStatus.builder().from(current);
    b.selector(Selectors.toString(md.spec().selector().orElse(new LabelSelector())));
    if (in.machineSetsListed()) {
      b.replicas(sum(in.machineSets(), MachineSetStatus::replicas))
          .readyReplicas(sum(in.machineSets(), MachineSetStatus::readyReplicas))
          .availableReplicas(sum(in.machineSets(), MachineSetStatus::availableReplicas))
          .upToDateReplicas(sum(in.machineSets(), MachineSetStatus::upToDateReplicas));
      List<StatusVersion> versions = new ArrayList<>();
      for (MachineSet ms : in.machineSets()) {
        ms.status().ifPresent(s -> versions.addAll(s.versions()));
      }
      b.versions(StatusVersions.aggregate(versions));
    }
    b.phase(phase(md, in));
    MachineDeploymentStatus withReplicas = b.build();

    List<Condition> conditions = current.conditions();
    long generation = md.metadata().getGeneration() == null ? 0 : md.metadata().getGeneration();
    List<Condition> computed = new ArrayList<>(List.of(
        available(md, withReplicas.availableReplicas(), in.machineSetsListed()),
        rollingOut(in),
        scalingUp(md, in),
        scalingDown(md, in)));
    computed.addAll(machineConditions(in));
    computed.add(deleting(md, in));
    for (Condition c : computed) {
      ConditionBuilder cb = new ConditionBuilder(c).withLastTransitionTime(Conditions.format(in.now()));
      if (generation > 0) {
        cb.withObservedGeneration(generation);
      }
      conditions = Conditions.set(conditions, cb.build());
    }
    return withReplicas.withConditions(conditions);
  }

  /** Upstream's {@code Get*ReplicaCountForMachineSets}: the sum over the MachineSets that report it, else empty. */
  static Optional<Integer> sum(List<MachineSet> machineSets, Function<MachineSetStatus, Optional<Integer>> field) {
    Integer total = null;
    for (MachineSet ms : machineSets) {
      Optional<Integer> v = ms.status().flatMap(field);
      if (v.isPresent()) {
        total = (total == null ? 0 : total) + v.get();
      }
    }
    return Optional.ofNullable(total);
  }

  private static int currentReplicas(Observed in) {
    return sum(in.machineSets(), MachineSetStatus::replicas).orElse(0);
  }

  private static int desiredReplicas(MachineDeployment md) {
    return md.isDeleting() ? 0 : md.spec().replicas().orElse(0);
  }

  /** {@code status.phase}. */
  static String phase(MachineDeployment md, Observed in) {
    if (!in.machineSetsListed() || md.spec().replicas().isEmpty()) {
      return MachineDeploymentStatus.PHASE_UNKNOWN;
    }
    if (md.isDeleting()) {
      return MachineDeploymentStatus.PHASE_SCALING_DOWN;
    }
    int desired = md.spec().replicas().get();
    int current = currentReplicas(in);
    if (desired == current) {
      return MachineDeploymentStatus.PHASE_RUNNING;
    }
    return desired < current ? MachineDeploymentStatus.PHASE_SCALING_DOWN : MachineDeploymentStatus.PHASE_SCALING_UP;
  }

  /** {@code Available}: at least {@code spec.replicas - maxUnavailable} replicas are available. */
  static Condition available(MachineDeployment md, Optional<Integer> availableReplicas, boolean machineSetsListed) {
    String type = Capi.Conditions.AVAILABLE;
    if (!machineSetsListed) {
      return internalError(type);
    }
    if (md.spec().replicas().isEmpty()) {
      return condition(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET, "Waiting for spec.replicas set");
    }
    if (availableReplicas.isEmpty()) {
      return condition(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_AVAILABLE_REPLICAS_SET,
          "Waiting for status.availableReplicas set");
    }
    int replicas = md.spec().replicas().get();
    int minNeeded = replicas - maxUnavailable(md);
    int available = availableReplicas.get();
    if (available >= minNeeded) {
      return condition(type, Conditions.TRUE, Capi.Reasons.AVAILABLE, "");
    }
    String message = available + " available replicas, at least " + minNeeded + " required";
    if (isRollingUpdate(md)) {
      IntOrString maxUnavailable = rollingUpdate(md).flatMap(MachineDeploymentRolloutStrategyRollingUpdate::maxUnavailable)
          .orElse(null);
      message += " (spec.strategy.rollout.maxUnavailable is " + IntOrPercent.toString(maxUnavailable)
          + ", spec.replicas is " + replicas + ")";
    }
    if (md.isDeleting()) {
      message = "Deletion in progress";
    }
    return condition(type, Conditions.FALSE, Capi.Reasons.NOT_AVAILABLE, message);
  }

  /**
   * {@code RollingOut}: the Machines whose {@code UpToDate} is False, with the distinct lines of their messages
   * ({@code * Version ...} lines first, then alphabetically).
   */
  static Condition rollingOut(Observed in) {
    String type = Capi.Conditions.ROLLING_OUT;
    if (!in.machinesListed()) {
      return internalError(type);
    }
    int rollingOut = 0;
    Set<String> reasons = new HashSet<>();
    for (Machine m : in.machines()) {
      Optional<Condition> c = Conditions.get(Machines.conditions(m), Capi.Conditions.UP_TO_DATE);
      if (c.isEmpty() || !Conditions.FALSE.equals(c.get().getStatus())) {
        continue;
      }
      rollingOut++;
      String msg = c.get().getMessage() == null ? "" : c.get().getMessage();
      if (!msg.isEmpty()) {
        reasons.addAll(List.of(msg.split("\n", -1)));
      }
    }
    if (rollingOut == 0) {
      return condition(type, Conditions.FALSE, Capi.Reasons.NOT_ROLLING_OUT, "");
    }
    String message = "Rolling out " + rollingOut + " not up-to-date replicas";
    if (!reasons.isEmpty()) {
      List<String> sorted = new ArrayList<>(reasons);
      sorted.sort(Comparator.comparing((String r) -> !r.startsWith("* Version")).thenComparing(Comparator.naturalOrder()));
      message += "\n" + String.join("\n", sorted);
    }
    return condition(type, Conditions.TRUE, Capi.Reasons.ROLLING_OUT, message);
  }

  /** {@code ScalingUp}. */
  static Condition scalingUp(MachineDeployment md, Observed in) {
    String type = Capi.Conditions.SCALING_UP;
    if (!in.machineSetsListed()) {
      return internalError(type);
    }
    if (md.spec().replicas().isEmpty()) {
      return condition(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET, "Waiting for spec.replicas set");
    }
    int desired = desiredReplicas(md);
    int current = currentReplicas(in);
    String missing = missingReferencesMessage(md, in.bootstrapTemplateNotFound(), in.infrastructureTemplateNotFound());
    if (current >= desired) {
      String message = !md.isDeleting() && !missing.isEmpty() ? "Scaling up would be blocked " + missing : "";
      return condition(type, Conditions.FALSE, Capi.Reasons.NOT_SCALING_UP, message);
    }
    String message = "Scaling up from " + current + " to " + desired + " replicas";
    if (!missing.isEmpty()) {
      message += " is blocked " + missing;
    }
    return condition(type, Conditions.TRUE, Capi.Reasons.SCALING_UP, message);
  }

  /** {@code because <Kind> does not exist} / {@code because <BootstrapKind> and <InfraKind> do not exist}, or "". */
  static String missingReferencesMessage(MachineDeployment md, boolean bootstrapNotFound, boolean infraNotFound) {
    MachineSpec spec = md.spec().templateOrEmpty().specOrEmpty();
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
      return "because " + missing.get(0) + " does not exist";
    }
    return "because " + String.join(" and ", missing) + " do not exist";
  }

  /** {@code ScalingDown}, naming Machines that have been deleting for more than 15m. */
  static Condition scalingDown(MachineDeployment md, Observed in) {
    String type = Capi.Conditions.SCALING_DOWN;
    if (!in.machineSetsListed()) {
      return internalError(type);
    }
    if (md.spec().replicas().isEmpty()) {
      return condition(type, Conditions.UNKNOWN, Capi.Reasons.WAITING_FOR_REPLICAS_SET, "Waiting for spec.replicas set");
    }
    int desired = desiredReplicas(md);
    int current = currentReplicas(in);
    if (current > desired) {
      String message = "Scaling down from " + current + " to " + desired + " replicas";
      if (in.machinesListed()) {
        String stale = MachineMessages.staleMachines(in.machines(), in.now());
        if (!stale.isEmpty()) {
          message += "\n* " + stale;
        }
      }
      return condition(type, Conditions.TRUE, Capi.Reasons.SCALING_DOWN, message);
    }
    return condition(type, Conditions.FALSE, Capi.Reasons.NOT_SCALING_DOWN, "");
  }

  /** {@code MachinesReady}, {@code MachinesUpToDate} and {@code Remediating}, computed as a MachineSet does. */
  private static List<Condition> machineConditions(Observed in) {
    return MachineSetStatuses.machineConditions(in.machines(), in.machinesListed(), in.now(),
        "MachineDeployment/MachineSet");
  }

  static Condition machinesReady(Observed in) {
    return machineConditions(in).get(0);
  }

  static Condition machinesUpToDate(Observed in) {
    return machineConditions(in).get(1);
  }

  static Condition remediating(Observed in) {
    return machineConditions(in).get(2);
  }

  /** {@code Deleting}. */
  static Condition deleting(MachineDeployment md, Observed in) {
    String type = Capi.Conditions.DELETING;
    if (!in.machineSetsListed() || !in.machinesListed()) {
      return internalError(type);
    }
    if (!md.isDeleting()) {
      return condition(type, Conditions.FALSE, Capi.Reasons.NOT_DELETING, "");
    }
    String message = "";
    int n = in.machines().size();
    if (n > 0) {
      message = "Deleting " + n + (n == 1 ? " Machine" : " Machines");
      String stale = MachineMessages.staleMachines(in.machines(), in.now());
      if (!stale.isEmpty()) {
        message += "\n* " + stale;
      }
    }
    if (n == 0 && !in.machineSets().isEmpty()) {
      message = "Deleting " + in.machineSets().size() + " MachineSets";
    }
    if (message.isEmpty()) {
      message = "Deletion completed";
    }
    return condition(type, Conditions.TRUE, Capi.Reasons.DELETING, message);
  }

  /** Upstream's {@code mdutil.MaxUnavailable} (see {@link MachineDeploymentUtil#maxUnavailable}). */
  static int maxUnavailable(MachineDeployment md) {
    return MachineDeploymentUtil.maxUnavailable(md);
  }

  private static boolean isRollingUpdate(MachineDeployment md) {
    return MachineDeploymentRolloutStrategy.ROLLING_UPDATE.equals(strategy(md).type());
  }

  private static MachineDeploymentRolloutStrategy strategy(MachineDeployment md) {
    return md.spec().rollout().map(MachineDeploymentRolloutSpec::strategyOrEmpty)
        .orElse(MachineDeploymentRolloutStrategy.builder().build());
  }

  private static Optional<MachineDeploymentRolloutStrategyRollingUpdate> rollingUpdate(MachineDeployment md) {
    return strategy(md).rollingUpdate();
  }

  private static Condition internalError(String type) {
    return condition(type, Conditions.UNKNOWN, Capi.Reasons.INTERNAL_ERROR, INTERNAL_ERROR_MESSAGE);
  }

  private static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message == null ? "" : message)
        .build();
  }
}
