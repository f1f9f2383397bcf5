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

  private record Entry(String name, boolean controlPlane, Condition condition, int priority, Instant time) {}

  /**
   * The {@code targetType} condition aggregated from the {@code sourceType} condition of {@code machines} (not
   * empty), with the given reasons for False, Unknown and True.
   */
  static Condition aggregate(List<Machine> machines, String sourceType, String targetType, String issueReason,
      String unknownReason, String infoReason, Instant now) {
    List<Entry> entries = new ArrayList<>();
    for (Machine m : machines) {
      Condition c = Conditions.get(m.status().map(MachineStatus::conditions).orElse(List.of()), sourceType)
          .orElse(Conditions.of(sourceType, Conditions.UNKNOWN, "NotYetReported",
              "Condition " + sourceType + " not yet reported", null));
      int priority = Conditions.TRUE.equals(c.getStatus()) ? INFO : Conditions.FALSE.equals(c.getStatus()) ? ISSUE : UNKNOWN;
      // The sort key, parsed once per entry rather than at every comparison.
      Instant time = Conditions.parseTime(c.getLastTransitionTime()).orElse(Instant.MIN);
      entries.add(new Entry(m.name(), m.labels().containsKey(Capi.MACHINE_CONTROL_PLANE_LABEL), c, priority, time));
    }
    entries.sort(Comparator.comparing(Entry::time));
    List<Entry> issues = entries.stream().filter(e -> e.priority() == ISSUE).toList();
    List<Entry> unknowns = entries.stream().filter(e -> e.priority() == UNKNOWN).toList();
    List<Entry> infos = entries.stream().filter(e -> e.priority() == INFO).toList();

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
    if (!issues.isEmpty() || !unknowns.isEmpty()) {
      List<Entry> bad = new ArrayList<>(issues);
      bad.addAll(unknowns);
      message = messages(bad, false, Map.of(ISSUE, "with other issues", UNKNOWN, "with status unknown"));
    } else {
      message = messages(infos, true, Map.of(INFO, "with additional info"));
    }
    return Conditions.of(targetType, status, reason, message, now);
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
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Entry e : entries) {
      String m = e.condition().getMessage() == null ? "" : e.condition().getMessage();
      if (dropEmpty && m.isEmpty()) {
        continue;
      }
      Group g = groups.computeIfAbsent(m, Group::new);
      g.entries.add(e);
      g.priority = Math.min(g.priority, e.priority());
      g.first |= e.controlPlane();
    }
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
