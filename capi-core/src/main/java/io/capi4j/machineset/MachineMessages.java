package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeletionStatus;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Message fragments the MachineSet and MachineDeployment statuses share (upstream {@code aggregateStaleMachines},
 * {@code aggregateUnhealthyMachines}, {@code clog.ListToString}).
 */
public final class MachineMessages {
  private MachineMessages() {}

  /** A Machine deleting for longer than this is reported as stale. */
  public static final Duration STALE_DELETION = Duration.ofMinutes(15);

  /** A stale Machine draining for longer than this gets the likely causes of the delay. */
  public static final Duration SLOW_DRAIN = Duration.ofMinutes(5);

  /** The reason of the Machine {@code Deleting} condition while draining. */
  public static final String DRAINING_NODE_REASON = "DrainingNode";

  /** {@code a, b, c, ... (N more)}: at most {@code max} items, then how many were left out. */
  public static String listToString(List<String> items, int max) {
    List<String> parts = new ArrayList<>(items.subList(0, Math.min(max, items.size())));
    if (items.size() > max) {
      parts.add("... (" + (items.size() - max) + " more)");
    }
    return String.join(", ", parts);
  }

  /**
   * Upstream's {@code aggregateStaleMachines}: {@code Machine(s) <names> is/are in deletion since more than 15m},
   * plus {@code , delay likely due to <causes>} when a stale Machine has been draining its Node for more than 5m.
   * Empty when no Machine has been deleting for more than 15m.
   */
  public static String staleMachines(List<Machine> machines, Instant now) {
    List<String> names = new ArrayList<>();
    Set<String> delays = new LinkedHashSet<>();
    for (Machine m : machines) {
      Optional<Instant> deleted = Machines.deletionTime(m);
      if (deleted.isEmpty() || Duration.between(deleted.get(), now).compareTo(STALE_DELETION) <= 0) {
        continue;
      }
      names.add(m.name());
      Optional<Condition> deleting = Conditions.get(Machines.conditions(m), Capi.Conditions.DELETING);
      Optional<Instant> drainStart =
          m.status()
              .flatMap(MachineStatus::deletion)
              .map(MachineDeletionStatus::nodeDrainStartTime)
              .flatMap(Conditions::parseTime);
      if (deleting.isPresent()
          && Conditions.TRUE.equals(deleting.get().getStatus())
          && DRAINING_NODE_REASON.equals(deleting.get().getReason())
          && drainStart.isPresent()
          && Duration.between(drainStart.get(), now).compareTo(SLOW_DRAIN) > 0) {
        String msg = deleting.get().getMessage() == null ? "" : deleting.get().getMessage();
        if (msg.contains("cannot evict pod as it would violate the pod's disruption budget.")) {
          delays.add("PodDisruptionBudgets");
        }
        if (msg.contains("deletionTimestamp set, but still not removed from the Node")) {
          delays.add("Pods not terminating");
        }
        if (msg.contains("failed to evict Pod")) {
          delays.add("Pod eviction errors");
        }
        if (msg.contains("waiting for completion")) {
          delays.add("Pods not completed yet");
        }
      }
    }
    if (names.isEmpty()) {
      return "";
    }
    names.sort(null);
    StringBuilder sb = new StringBuilder(names.size() == 1 ? "Machine " : "Machines ");
    sb.append(listToString(names, 3));
    sb.append(names.size() == 1 ? " is " : " are ");
    sb.append("in deletion since more than 15m");
    if (!delays.isEmpty()) {
      List<String> ordered = new ArrayList<>();
      for (String r : List.of("PodDisruptionBudgets", "Pods not terminating", "Pod eviction errors", "Pods not completed yet")) {
        if (delays.contains(r)) {
          ordered.add(r);
        }
      }
      sb.append(", delay likely due to ").append(String.join(", ", ordered));
    }
    return sb.toString();
  }

  /**
   * Upstream's {@code aggregateUnhealthyMachines}: {@code Machine(s) <names> is/are not healthy (not to be
   * remediated by <owner>)}; empty without Machines.
   */
  public static String unhealthyMachines(List<Machine> machines, String remediatedBy) {
    if (machines.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (Machine m : machines) {
      names.add(m.name());
    }
    names.sort(null);
    return (names.size() == 1 ? "Machine " : "Machines ")
        + listToString(names, 3)
        + (names.size() == 1 ? " is " : " are ")
        + "not healthy (not to be remediated by " + remediatedBy + ")";
  }
}
