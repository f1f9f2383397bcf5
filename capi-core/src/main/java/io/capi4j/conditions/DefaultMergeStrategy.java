package io.capi4j.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Upstream's default merge strategy ({@code util/conditions/merge_strategies.go}): issues surface first, then
 * unknown conditions, then info (only when there is neither an issue nor an unknown).
 *
 * <ul>
 *   <li>Status: any issue gives False (True when the target has negative polarity), else any unknown gives
 *       Unknown, else True (False for negative polarity).
 *   <li>Reason: from the {@link ReasonFunction}; by default {@code IssuesReported}, {@code UnknownReported} or
 *       {@code InfoReported}.
 *   <li>Aggregate message: at most three lines, one per distinct message, grouping the objects that report it
 *       ({@code * Machine a: msg}, {@code * Machines a, b, c, ... (2 more): msg}); the objects behind the remaining
 *       messages are counted in {@code And N Machines with other issues} / {@code with status unknown} /
 *       {@code with additional info} lines.
 *   <li>Summary message: one {@code * <Type>: <message>} line per issue/unknown condition (info conditions only
 *       when the result is True).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder()}.
 */
public final class DefaultMergeStrategy implements MergeStrategy {
  /** Generic reason used when at least one object reports an issue. */
  public static final String ISSUES_REPORTED_REASON = "IssuesReported";
  /** Generic reason used when at least one object reports Unknown (and none an issue). */
  public static final String UNKNOWN_REPORTED_REASON = "UnknownReported";
  /** Generic reason used when every object reports info. */
  public static final String INFO_REPORTED_REASON = "InfoReported";

  /** Picks the reason of the merged condition from the conditions split by priority. */
  @FunctionalInterface
  public interface ReasonFunction {
    String reason(List<OwnedCondition> issues, List<OwnedCondition> unknowns, List<OwnedCondition> infos);
  }

  private static final Pattern BULLET = Pattern.compile("[\\t\\n\\f\\r ]*\\*[\\t\\n\\f\\r ]+");

  private final Function<Condition, MergePriority> priorityFunction;
  private final boolean targetConditionHasPositivePolarity;
  private final ReasonFunction reasonFunction;
  private final UnaryOperator<List<String>> summaryMessageTransform;

  private DefaultMergeStrategy(Builder b) {
    this.priorityFunction = b.priorityFunction;
    this.targetConditionHasPositivePolarity = b.targetConditionHasPositivePolarity;
    this.reasonFunction = b.reasonFunction;
    this.summaryMessageTransform = b.summaryMessageTransform;
  }

  /** A builder with upstream's defaults: positive polarity, default priorities, generic reasons. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default strategy (upstream {@code DefaultMergeStrategy()} without options). */
  public static DefaultMergeStrategy defaults() {
    return builder().build();
  }

  /**
   * Upstream's {@code GetDefaultMergePriorityFunc}: True is info (issue for the given negative-polarity types),
   * False is an issue (info for negative polarity), anything else is unknown.
   */
  public static Function<Condition, MergePriority> defaultPriorityFunction(String... negativePolarityConditionTypes) {
    Set<String> negative = Set.of(negativePolarityConditionTypes);
    return c -> {
      String status = c.getStatus();
      if (Conditions.TRUE.equals(status)) {
        return negative.contains(c.getType()) ? MergePriority.ISSUE : MergePriority.INFO;
      }
      if (Conditions.FALSE.equals(status)) {
        return negative.contains(c.getType()) ? MergePriority.INFO : MergePriority.ISSUE;
      }
      return MergePriority.UNKNOWN;
    };
  }

  /** Upstream's {@code GetDefaultComputeMergeReasonFunc}: one reason per outcome. */
  public static ReasonFunction defaultReasonFunction(String issueReason, String unknownReason, String infoReason) {
    return (issues, unknowns, infos) -> {
      if (!issues.isEmpty()) {
        return issueReason;
      }
      if (!unknowns.isEmpty()) {
        return unknownReason;
      }
      return infoReason;
    };
  }

  @Override
  public MergeResult merge(MergeOperation operation, List<OwnedCondition> conditions, List<String> conditionTypes) {
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("can't merge an empty list of conditions");
    }
    List<OwnedCondition> sorted = sortConditions(conditions, conditionTypes);

    List<OwnedCondition> issues = new ArrayList<>();
    List<OwnedCondition> unknowns = new ArrayList<>();
    List<OwnedCondition> infos = new ArrayList<>();
    for (OwnedCondition c : sorted) {
      switch (priorityFunction.apply(c.condition())) {
        case ISSUE -> issues.add(c);
        case UNKNOWN -> unknowns.add(c);
        case INFO -> infos.add(c);
      }
    }

    String status;
    if (!issues.isEmpty()) {
      status = targetConditionHasPositivePolarity ? Conditions.FALSE : Conditions.TRUE;
    } else if (!unknowns.isEmpty()) {
      status = Conditions.UNKNOWN;
    } else {
      status = targetConditionHasPositivePolarity ? Conditions.TRUE : Conditions.FALSE;
    }
    String reason = reasonFunction.reason(List.copyOf(issues), List.copyOf(unknowns), List.copyOf(infos));

    String message = "";
    if (operation == MergeOperation.SUMMARY) {
      message = summaryMessage(sorted, status);
    } else if (operation == MergeOperation.AGGREGATE) {
      int[] budget = {3};
      List<String> messages = new ArrayList<>();
      if (!issues.isEmpty() || !unknowns.isEmpty()) {
        List<OwnedCondition> issuesAndUnknowns = new ArrayList<>(issues);
        issuesAndUnknowns.addAll(unknowns);
        Map<MergePriority, String> others = new EnumMap<>(MergePriority.class);
        others.put(MergePriority.ISSUE, "with other issues");
        others.put(MergePriority.UNKNOWN, "with status unknown");
        messages.addAll(aggregateMessages(issuesAndUnknowns, budget, false, others));
      } else if (!infos.isEmpty()) {
        messages.addAll(aggregateMessages(infos, budget, true, Map.of(MergePriority.INFO, "with additional info")));
      }
      message = String.join("\n", messages);
    }
    return new MergeResult(status, reason, message);
  }

  // Stable sort by the order of condition types, then by lastTransitionTime (older first; unset is oldest).
  private static List<OwnedCondition> sortConditions(List<OwnedCondition> conditions, List<String> types) {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      order.putIfAbsent(types.get(i), i);
    }
    record Keyed(OwnedCondition c, int order, Instant ltt) {}
    List<Keyed> keyed = new ArrayList<>(conditions.size());
    for (OwnedCondition c : conditions) {
      // Go's map lookup of a missing type gives 0.
      int o = order.getOrDefault(c.condition().getType(), 0);
      Instant ltt = Conditions.parseTime(c.condition().getLastTransitionTime()).orElse(Instant.MIN);
      keyed.add(new Keyed(c, o, ltt));
    }
    keyed.sort(Comparator.comparingInt(Keyed::order).thenComparing(Keyed::ltt));
    List<OwnedCondition> out = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) {
      out.add(k.c());
    }
    return out;
  }

  private String summaryMessage(List<OwnedCondition> conditions, String status) {
    List<String> messages = new ArrayList<>();
    for (OwnedCondition oc : conditions) {
      Condition c = oc.condition();
      String msg = c.getMessage() == null ? "" : c.getMessage();
      if (priorityFunction.apply(c) == MergePriority.INFO) {
        // Info is dropped when surfacing issues or unknown, and when it has nothing to say.
        if (!Conditions.TRUE.equals(status) || msg.isEmpty()) {
          continue;
        }
      }
      String m = "* " + c.getType() + ":";
      m += msg.isEmpty() ? " " + c.getReason() : indentIfMultiline(msg);
      messages.add(m);
    }
    if (summaryMessageTransform != null) {
      messages = summaryMessageTransform.apply(messages);
    }
    return String.join("\n", messages);
  }

  private List<String> aggregateMessages(
      List<OwnedCondition> conditions, int[] budget, boolean dropEmpty, Map<MergePriority, String> otherMessages) {
    // kind -> message -> object names (in condition order); kinds iterate sorted.
    Map<String, Map<String, List<String>>> byKind = new TreeMap<>();
    // Priority and "control plane first" are tracked per message text, across kinds, as upstream does.
    Map<String, MergePriority> messagePriority = new HashMap<>();
    Set<String> messageMustGoFirst = new HashSet<>();
    Set<String> cpMachines = new HashSet<>();
    for (OwnedCondition oc : conditions) {
      String m = oc.condition().getMessage() == null ? "" : oc.condition().getMessage();
      if (dropEmpty && m.isEmpty()) {
        continue;
      }
      byKind.computeIfAbsent(oc.owner().kind(), k -> new LinkedHashMap<>())
          .computeIfAbsent(m, k -> new ArrayList<>())
          .add(oc.owner().name());
      if (oc.owner().controlPlaneMachine()) {
        cpMachines.add(oc.owner().name());
        messageMustGoFirst.add(m);
      }
      MergePriority p = priorityFunction.apply(oc.condition());
      // The highest priority (issue > unknown > info) wins when one message has several.
      messagePriority.merge(m, p, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
    }

    List<String> messages = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<String>>> kindEntry : byKind.entrySet()) {
      String kind = kindEntry.getKey();
      String kindPlural = pluralize(kind);
      Map<String, List<String>> byMessage = kindEntry.getValue();

      record Msg(String text, boolean first, MergePriority priority, int count, String joined) {}
      List<Msg> index = new ArrayList<>(byMessage.size());
      for (Map.Entry<String, List<String>> e : byMessage.entrySet()) {
        index.add(
            new Msg(
                e.getKey(),
                messageMustGoFirst.contains(e.getKey()),
                messagePriority.get(e.getKey()),
                e.getValue().size(),
                String.join(",", e.getValue())));
      }
      // Control plane first, then issue < unknown < info, then more objects first, then the names as collected.
      index.sort(
          Comparator.comparing((Msg m) -> !m.first())
              .thenComparing(Msg::priority)
              .thenComparing(Comparator.comparingInt(Msg::count).reversed())
              .thenComparing(Msg::joined));

      Map<MergePriority, Integer> others = new EnumMap<>(MergePriority.class);
      for (Msg m : index) {
        List<String> objects = byMessage.get(m.text());
        if (budget[0] == 0) {
          others.merge(m.priority(), objects.size(), Integer::sum);
          continue;
        }
        List<String> names = new ArrayList<>(objects);
        names.sort(
            Comparator.comparing((String s) -> !cpMachines.contains(s)).thenComparing(Comparator.naturalOrder()));
        StringBuilder line = new StringBuilder();
        if (names.size() == 1) {
          line.append("* ").append(kind).append(' ').append(names.get(0)).append(':');
        } else if (names.size() <= 3) {
          line.append("* ").append(kindPlural).append(' ').append(String.join(", ", names)).append(':');
        } else {
          line.append("* ")
              .append(kindPlural)
              .append(' ')
              .append(String.join(", ", names.subList(0, 3)))
              .append(", ... (")
              .append(names.size() - 3)
              .append(" more):");
        }
        line.append(indentIfMultiline(m.text()));
        messages.add(line.toString());
        budget[0]--;
      }

      for (MergePriority p : MergePriority.values()) {
        Integer other = others.get(p);
        String otherMessage = otherMessages.get(p);
        if (other == null || otherMessage == null) {
          continue;
        }
        if (other == 1) {
          messages.add("And 1 " + kind + " " + otherMessage);
        } else if (other > 1) {
          messages.add("And " + other + " " + kindPlural + " " + otherMessage);
        }
      }
    }
    return messages;
  }

  /**
   * Upstream's {@code indentIfMultiline}: a one-line message that does not look like a bullet is appended after a
   * space; otherwise the message starts on a new line and each line is indented, adding bullets to lines that lack
   * one when the message mixes both.
   */
  static String indentIfMultiline(String m) {
    if (!m.contains("\n") && !BULLET.matcher(m).find()) {
      return " " + m;
    }
    String[] lines = m.split("\n", -1);
    boolean hasLinesWithoutBullet = false;
    for (String l : lines) {
      if (!BULLET.matcher(l).find()) {
        hasLinesWithoutBullet = true;
        break;
      }
    }
    StringBuilder sb = new StringBuilder("\n");
    for (int i = 0; i < lines.length; i++) {
      String prefix = "  ";
      if (hasLinesWithoutBullet) {
        prefix += BULLET.matcher(lines[i]).find() ? "  " : "* ";
      }
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(prefix).append(lines[i]);
    }
    return sb.toString();
  }

  /** English plural of a kind, as {@code flect.Pluralize} gives it for Kubernetes kinds. */
  static String pluralize(String kind) {
    if (kind.isEmpty()) {
      return kind;
    }
    String lower = kind.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return kind + "es";
    }
    if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return kind.substring(0, kind.length() - 1) + "ies";
    }
    return kind + "s";
  }

  /** Builder of {@link DefaultMergeStrategy}. */
  public static final class Builder {
    private Function<Condition, MergePriority> priorityFunction = defaultPriorityFunction();
    private boolean targetConditionHasPositivePolarity = true;
    private ReasonFunction reasonFunction =
        defaultReasonFunction(ISSUES_REPORTED_REASON, UNKNOWN_REPORTED_REASON, INFO_REPORTED_REASON);
    private UnaryOperator<List<String>> summaryMessageTransform;

    private Builder() {}

    /** Upstream's {@code GetPriorityFunc} option. */
    public Builder priorityFunction(Function<Condition, MergePriority> f) {
      this.priorityFunction = Objects.requireNonNull(f);
      return this;
    }

    /** Upstream's {@code TargetConditionHasPositivePolarity} option. */
    public Builder targetConditionHasPositivePolarity(boolean positive) {
      this.targetConditionHasPositivePolarity = positive;
      return this;
    }

    /** Upstream's {@code ComputeReasonFunc} option. */
    public Builder reasonFunction(ReasonFunction f) {
      this.reasonFunction = Objects.requireNonNull(f);
      return this;
    }

    /** Shorthand for {@code reasonFunction(defaultReasonFunction(issue, unknown, info))}. */
    public Builder reasons(String issueReason, String unknownReason, String infoReason) {
      return reasonFunction(defaultReasonFunction(issueReason, unknownReason, infoReason));
    }

    /** Upstream's {@code SummaryMessageTransformFunc} option. */
    public Builder summaryMessageTransform(UnaryOperator<List<String>> f) {
      this.summaryMessageTransform = f;
      return this;
    }

    public DefaultMergeStrategy build() {
      return new DefaultMergeStrategy(this);
    }
  }
}
