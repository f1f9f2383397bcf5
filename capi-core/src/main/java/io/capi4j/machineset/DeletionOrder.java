package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Machines a MachineSet deletes (or moves) first, as upstream's {@code machineset_deletion_order.go}.
 *
 * <p>Every policy starts with the same ladder, first match wins: deleting ({@value #MUST_DELETE}), annotated
 * {@code cluster.x-k8s.io/delete-machine} ({@value #SHOULD_DELETE_FIRST}), updating in place
 * ({@value #SHOULD_DELETE}), unhealthy ({@value #BETTER_DELETE}). Then {@code Random} gives every other Machine
 * {@value #COULD_DELETE}, {@code Oldest} gives {@code 50 * (1 - exp(-age/10d))} and {@code Newest} gives
 * {@code 50} minus that. Machines are ordered by priority, highest first, then by name.
 *
 * <p>Upstream recomputes priorities with the wall clock on every comparison; here the time is given once, and each
 * priority is computed once, so ordering {@code n} Machines costs {@code O(n log n)}, and picking the first
 * {@code k} of them {@code O(n log k)}.
 */
public final class DeletionOrder {
  private DeletionOrder() {}

  public static final double MUST_DELETE = 100.0;
  public static final double SHOULD_DELETE_FIRST = 80.0;
  public static final double SHOULD_DELETE = 75.0;
  public static final double BETTER_DELETE = 50.0;
  public static final double COULD_DELETE = 20.0;
  public static final double MUST_NOT_DELETE = 0.0;
  static final double SECONDS_PER_TEN_DAYS = 864000.0;

  public static final String RANDOM = "Random";
  public static final String NEWEST = "Newest";
  public static final String OLDEST = "Oldest";

  /** A deletion policy: the priority of a Machine, higher goes first. */
  @FunctionalInterface
  public interface Priority {
    double of(Machine m);
  }

  /**
   * The policy named by {@code spec.deletion.order} ({@code ""} means Random), evaluated at {@code now}.
   *
   * @throws IllegalArgumentException {@code Unsupported deletion order <order>. Must be one of 'Random', 'Newest',
   *     or 'Oldest'}
   */
  public static Priority forOrder(String order, Instant now) {
    Objects.requireNonNull(now, "now");
    return switch (order == null ? "" : order) {
      case "", RANDOM -> random();
      case NEWEST -> newest(now);
      case OLDEST -> oldest(now);
      default ->
          throw new IllegalArgumentException(
              "Unsupported deletion order " + order + ". Must be one of 'Random', 'Newest', or 'Oldest'");
    };
  }

  /** The Random policy: the ladder, then {@value #COULD_DELETE} for every other Machine. */
  public static Priority random() {
    return m -> {
      double p = prefix(m);
      return p != NONE ? p : COULD_DELETE;
    };
  }

  /** The Oldest policy: the ladder, then older Machines first (no creationTimestamp: {@value #MUST_NOT_DELETE}). */
  public static Priority oldest(Instant now) {
    return m -> {
      double p = prefix(m);
      return p != NONE ? p : agePriority(m, now);
    };
  }

  /**
   * The Newest policy: the ladder, then newer Machines first. QUIRK (copied): a Machine without creationTimestamp
   * gets {@value #BETTER_DELETE}, the same as an unhealthy one.
   */
  public static Priority newest(Instant now) {
    return m -> {
      double p = prefix(m);
      return p != NONE ? p : BETTER_DELETE - agePriority(m, now);
    };
  }

  private static double agePriority(Machine m, Instant now) {
    Optional<Instant> created = Machines.creationTime(m);
    if (created.isEmpty()) {
      return MUST_NOT_DELETE;
    }
    double seconds = seconds(Duration.between(created.get(), now));
    if (seconds < 0) {
      return MUST_NOT_DELETE;
    }
    return BETTER_DELETE * (1.0 - Math.exp(-seconds / SECONDS_PER_TEN_DAYS));
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  // The ladder's priority, or NONE when no rung matches (priorities are never negative); a primitive, as this runs
  // once per Machine of a scale down.
  private static final double NONE = -1;

  private static double prefix(Machine m) {
    if (m.isDeleting()) {
      return MUST_DELETE;
    }
    if (m.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION)) {
      return SHOULD_DELETE_FIRST;
    }
    if (Machines.isUpdateInProgress(m)) {
      return SHOULD_DELETE;
    }
    if (!isMachineHealthy(m)) {
      return BETTER_DELETE;
    }
    return NONE;
  }

  /**
   * Upstream's {@code isMachineHealthy}: a nodeRef is set, {@code NodeHealthy} is not False and
   * {@code HealthCheckSucceeded} is not False. Unknown counts as healthy.
   */
  public static boolean isMachineHealthy(Machine m) {
    if (!Machines.hasNodeRef(m)) {
      return false;
    }
    // Conditions.isFalse for both types, in one pass over the conditions (the first of each type counts).
    Condition nodeHealthy = null;
    Condition healthCheck = null;
    List<Condition> conditions = Machines.conditions(m);
    for (int i = 0, n = conditions.size(); i < n; i++) {
      Condition c = conditions.get(i);
      if (nodeHealthy == null && Capi.Conditions.NODE_HEALTHY.equals(c.getType())) {
        nodeHealthy = c;
      } else if (healthCheck == null && Capi.Conditions.HEALTH_CHECK_SUCCEEDED.equals(c.getType())) {
        healthCheck = c;
      }
    }
    return !isFalse(nodeHealthy) && !isFalse(healthCheck);
  }

  private static boolean isFalse(Condition c) {
    return c != null && Conditions.FALSE.equals(c.getStatus());
  }

  /**
   * Upstream's {@code getMachinesToDeletePrioritized}: the first {@code diff} Machines by priority (highest first,
   * equal priorities by name). Empty when {@code diff <= 0}; all of them when {@code diff} is at least their number.
   */
  public static List<Machine> machinesToDeletePrioritized(List<Machine> machines, int diff, Priority priority) {
    if (diff <= 0) {
      return List.of();
    }
    if (diff >= machines.size()) {
      return sort(machines, priority);
    }
    return first(machines, diff, priority);
  }

  /** Upstream's {@code getMachinesToMovePrioritized}: every Machine, ordered as for deletion. */
  public static List<Machine> machinesToMovePrioritized(List<Machine> machines, Priority priority) {
    return sort(machines, priority);
  }

  /**
   * The first {@code k} ({@code 0 < k < n}) Machines of {@link #sort}'s order, without sorting all of them: a scale
   * down by 5% of 100,000 Machines keeps the 5,000 best candidates in a bounded heap, O(n log k), then sorts those.
   * The order is {@link #sort}'s: priority descending, then name, then (as its stable sort does) position.
   */
  private static List<Machine> first(List<Machine> machines, int k, Priority priority) {
    int n = machines.size();
    double[] p = new double[n];
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      Machine m = machines.get(i);
      p[i] = priority.of(m);
      names[i] = m.name();
    }
    java.util.Comparator<Integer> order =
        (a, b) -> {
          if (p[a] != p[b]) {
            return p[a] > p[b] ? -1 : 1;
          }
          int c = names[a].compareTo(names[b]);
          return c != 0 ? c : Integer.compare(a, b);
        };
    // A max-heap (by that order) of the best k so far; its head is the worst of them.
    java.util.PriorityQueue<Integer> best = new java.util.PriorityQueue<>(k, order.reversed());
    for (int i = 0; i < n; i++) {
      if (best.size() < k) {
        best.add(i);
      } else if (order.compare(i, best.peek()) < 0) {
        best.poll();
        best.add(i);
      }
    }
    Integer[] idx = best.toArray(new Integer[0]);
    Arrays.sort(idx, order);
    List<Machine> out = new ArrayList<>(idx.length);
    for (Integer i : idx) {
      out.add(machines.get(i));
    }
    return List.copyOf(out);
  }

  private static List<Machine> sort(List<Machine> machines, Priority priority) {
    int n = machines.size();
    double[] p = new double[n];
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      p[i] = priority.of(machines.get(i));
      idx[i] = i;
    }
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = machines.get(i).name();
    }
    // Higher priority first (priorities are never negative, so == is Go's float equality); ties by name.
    Arrays.sort(
        idx,
        (a, b) -> {
          if (p[a] != p[b]) {
            return p[a] > p[b] ? -1 : 1;
          }
          return names[a].compareTo(names[b]);
        });
    List<Machine> out = new ArrayList<>(n);
    for (Integer i : idx) {
      out.add(machines.get(i));
    }
    return List.copyOf(out);
  }
}
