package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Upstream's {@code conditions.NewAggregateCondition} with the default merge strategy, for Machines only (one
 * owner kind), as MachineDeployments use it for {@code MachinesReady} and {@code MachinesUpToDate}.
 */
final class MachinesAggregate {
  private MachinesAggregate() {}

  private static final Pattern BULLET = Pattern.compile("^\\s*\\*\\s+");
  private static final int ISSUE = 0;
  private static final int UNKNOWN = 1;
  private static final int INFO = 2;

  /** One Machine's source condition, as the aggregation sees it. */
  static final class Entry {
    final String name;
    final boolean controlPlane;
    final Condition condition;
    final int priority;
    /** Whether the Machine has the condition (else {@link #condition} is the "not yet reported" one). */
    final boolean reported;
    /** The condition's message ({@code ""} for none). */
    final String message;
    private Instant time;

    Entry(String name, boolean controlPlane, Condition condition, int priority, boolean reported) {
      this.name = name;
      this.controlPlane = controlPlane;
      this.condition = condition;
      this.priority = priority;
      this.reported = reported;
      this.message = condition.getMessage() == null ? "" : condition.getMessage();
    }

    String name() {
      return name;
    }

    boolean controlPlane() {
      return controlPlane;
    }

    Condition condition() {
      return condition;
    }

    int priority() {
      return priority;
    }

    boolean reported() {
      return reported;
    }

    /** The sort key: the condition's transition time, {@code Instant.MIN} without one. */
    Instant time() {
      if (time == null) {
        time = Conditions.parseTime(condition.getLastTransitionTime()).orElse(Instant.MIN);
      }
      return time;
    }
  }

  /** The entry of a Machine (with these conditions) for the {@code sourceType} condition. */
  static Entry entry(Machine m, List<Condition> conditions, String sourceType) {
    Optional<Condition> found = Conditions.get(conditions, sourceType);
    Condition c = found.orElseGet(() -> Conditions.of(sourceType, Conditions.UNKNOWN, "NotYetReported",
        "Condition " + sourceType + " not yet reported", null));
    int priority = Conditions.TRUE.equals(c.getStatus()) ? INFO : Conditions.FALSE.equals(c.getStatus()) ? ISSUE : UNKNOWN;
    return new Entry(m.name(), m.labels().containsKey(Capi.MACHINE_CONTROL_PLANE_LABEL), c, priority,
        found.isPresent());
  }

  /**
   * The {@code targetType} condition aggregated from the {@code sourceType} condition of {@code machines} (not
   * empty), with the given reasons for False, Unknown and True.
   */
  static Condition aggregate(List<Machine> machines, String sourceType, String targetType, String issueReason,
      String unknownReason, String infoReason, Instant now) {
    List<Entry> entries = new ArrayList<>();
    for (Machine m : machines) {
      entries.add(entry(m, m.status().map(MachineStatus::conditions).orElse(List.of()), sourceType));
    }
    return aggregateEntries(entries, targetType, issueReason, unknownReason, infoReason, now);
  }

  /** {@link #aggregate} of the Machines' entries (in the Machines' order). */
  static Condition aggregateEntries(List<Entry> machineEntries, String targetType, String issueReason,
      String unknownReason, String infoReason, Instant now) {
    // Upstream orders the entries by transition time first. That order only shows where two message groups tie on
    // everything else (the tie is broken by their Machines' names in that order): sort only then.
    List<Entry> entries = machineEntries;
    List<Entry> issues = filter(entries, ISSUE);
    List<Entry> unknowns = filter(entries, UNKNOWN);
    List<Entry> infos = filter(entries, INFO);
    boolean bad = !issues.isEmpty() || !unknowns.isEmpty();
    if (groupsTie(bad ? concat(issues, unknowns) : infos, !bad)) {
      entries = new ArrayList<>(machineEntries);
      entries.sort(Comparator.comparing(Entry::time));
      issues = filter(entries, ISSUE);
      unknowns = filter(entries, UNKNOWN);
      infos = filter(entries, INFO);
    }

    String status;
    String reason;
    if (!issues.isEmpty()) {
      status = Conditions.FALSE;
      reason = issueReason;
    } else if (!unknowns.isEmpty()) {
      status = Conditions.UNKNOWN;
      reason = unknownReason;
    } else {
      status = Conditions.TRUE;
      reason = infoReason;
    }
    String message;
    if (bad) {
      message = messages(concat(issues, unknowns), false, Map.of(ISSUE, "with other issues", UNKNOWN,
          "with status unknown"));
    } else {
      message = messages(infos, true, Map.of(INFO, "with additional info"));
    }
    return Conditions.of(targetType, status, reason, message, now);
  }

  private static List<Entry> filter(List<Entry> entries, int priority) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.priority == priority) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Entry> concat(List<Entry> a, List<Entry> b) {
    List<Entry> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Whether two of the message groups {@link #messages} would make of these entries compare equal on everything
   * but their Machines' names (control plane first, priority, size): only then does the entries' order matter.
   */
  private static boolean groupsTie(List<Entry> entries, boolean dropEmpty) {
    Map<String, Group> groups = group(entries, dropEmpty);
    if (groups.size() < 2) {
      return false;
    }
    java.util.Set<List<Integer>> keys = new java.util.HashSet<>();
    for (Group g : groups.values()) {
      if (!keys.add(List.of(g.first ? 1 : 0, g.priority, g.entries.size()))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Group> group(List<Entry> entries, boolean dropEmpty) {
    Map<String, Group> groups = new LinkedHashMap<>();
    String lastMessage = null;
    Group last = null;
    for (Entry e : entries) {
      String m = e.message;
      if (dropEmpty && m.isEmpty()) {
        continue;
      }
      // Neighbours mostly share a message (often the very same string): no lookup then.
      Group g = m == lastMessage ? last : groups.computeIfAbsent(m, Group::new);
      lastMessage = m;
      last = g;
      g.entries.add(e);
      g.priority = Math.min(g.priority, e.priority());
      g.first |= e.controlPlane();
    }
    return groups;
  }

  private static final class Group {
    final String message;
    final List<Entry> entries = new ArrayList<>();
    int priority = INFO;
    boolean first;

    Group(String message) {
      this.message = message;
    }
  }

  private static String messages(List<Entry> entries, boolean dropEmpty, Map<Integer, String> others) {
    Map<String, Group> groups = group(entries, dropEmpty);
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.<Group, Boolean>comparing(g -> !g.first)
        .thenComparingInt(g -> g.priority)
        .thenComparing(g -> -g.entries.size())
        .thenComparing(g -> String.join(",", g.entries.stream().map(Entry::name).toList())));
    List<String> lines = new ArrayList<>();
    int budget = 3;
    Map<Integer, Integer> rest = new LinkedHashMap<>();
    for (Group g : sorted) {
      if (budget <= 0) {
        rest.merge(g.priority, g.entries.size(), Integer::sum);
        continue;
      }
      List<Entry> es = new ArrayList<>(g.entries);
      es.sort(Comparator.<Entry, Boolean>comparing(e -> !e.controlPlane()).thenComparing(Entry::name));
      List<String> names = es.stream().map(Entry::name).toList();
      String who;
      if (names.size() == 1) {
        who = "Machine " + names.get(0);
      } else if (names.size() <= 3) {
        who = "Machines " + String.join(", ", names);
      } else {
        who = "Machines " + String.join(", ", names.subList(0, 3)) + ", ... (" + (names.size() - 3) + " more)";
      }
      lines.add("* " + who + ":" + indent(g.message));
      budget--;
    }
    for (int p : new int[] {ISSUE, UNKNOWN, INFO}) {
      Integer count = rest.get(p);
      if (count != null && others.containsKey(p)) {
        lines.add("And " + count + (count == 1 ? " Machine " : " Machines ") + others.get(p));
      }
    }
    return String.join("\n", lines);
  }

  private static String indent(String m) {
    if (!m.contains("\n") && !BULLET.matcher(m).lookingAt()) {
      return " " + m;
    }
    String[] lines = m.split("\n", -1);
    boolean allBullets = true;
    for (String l : lines) {
      allBullets &= BULLET.matcher(l).lookingAt();
    }
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append('\n');
      if (allBullets) {
        sb.append("  ").append(l);
      } else {
        sb.append(BULLET.matcher(l).lookingAt() ? "    " : "  * ").append(l);
      }
    }
    return sb.toString();
  }
}
