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
    return new DefaultReasons(issueReason, unknownReason, infoReason);
  }

  // A reason function that only looks at which lists are empty; merge relies on that to skip sorting lists whose
  // order cannot show.
  private record DefaultReasons(String issueReason, String unknownReason, String infoReason) implements ReasonFunction {
    @Override
    public String reason(List<OwnedCondition> issues, List<OwnedCondition> unknowns, List<OwnedCondition> infos) {
      if (!issues.isEmpty()) {
        return issueReason;
      }
      if (!unknowns.isEmpty()) {
        return unknownReason;
      }
      return infoReason;
    }
  }

  @Override
  public MergeResult merge(MergeOperation operation, List<OwnedCondition> conditions, List<String> conditionTypes) {
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("can't merge an empty list of conditions");
    }
    if (operation == MergeOperation.AGGREGATE && reasonFunction instanceof DefaultReasons) {
      return aggregate(conditions, conditionTypes);
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
        messages.addAll(aggregateMessages(Entry.inOrder(issuesAndUnknowns), budget, false, others));
      } else if (!infos.isEmpty()) {
        messages.addAll(aggregateMessages(Entry.inOrder(infos), budget, true,
            Map.of(MergePriority.INFO, "with additional info")));
      }
      message = String.join("\n", messages);
    }
    return new MergeResult(status, reason, message);
  }

  /**
   * {@link #merge} for {@link MergeOperation#AGGREGATE} with the default reason function, which only asks which
   * priorities are present: the same result, without sorting (or parsing the times of) the conditions that cannot
   * appear in the message. Aggregating the {@code Ready} condition of 100,000 Machines that are all Ready then costs
   * one pass instead of a sort.
   *
   * <p>Why it is the same: {@link #sortConditions} is a stable sort on a key, so sorting then keeping the
   * conditions of one priority (or with a non-empty message) gives the same list as keeping them, then sorting.
   * The message is built from the issues and unknowns when there are any, else from the infos with a message; and
   * {@link #aggregateMessages} only needs that sorted order for tie-breaks, so it is not even sorted here: each
   * {@link Entry} knows its place in it (issues before unknowns, then the sort key, then the position).
   */
  private MergeResult aggregate(List<OwnedCondition> conditions, List<String> conditionTypes) {
    List<OwnedCondition> issues = new ArrayList<>();
    List<OwnedCondition> unknowns = new ArrayList<>();
    List<OwnedCondition> infosWithMessage = new ArrayList<>();
    boolean anyInfo = false;
    for (OwnedCondition c : conditions) {
      switch (priorityFunction.apply(c.condition())) {
        case ISSUE -> issues.add(c);
        case UNKNOWN -> unknowns.add(c);
        case INFO -> {
          anyInfo = true;
          String m = c.condition().getMessage();
          if (m != null && !m.isEmpty()) {
            infosWithMessage.add(c);
          }
        }
      }
    }
    DefaultReasons reasons = (DefaultReasons) reasonFunction;
    String status;
    String reason;
    if (!issues.isEmpty()) {
      status = targetConditionHasPositivePolarity ? Conditions.FALSE : Conditions.TRUE;
      reason = reasons.issueReason();
    } else if (!unknowns.isEmpty()) {
      status = Conditions.UNKNOWN;
      reason = reasons.unknownReason();
    } else {
      status = targetConditionHasPositivePolarity ? Conditions.TRUE : Conditions.FALSE;
      reason = reasons.infoReason();
    }
    int[] budget = {3};
    List<String> messages = new ArrayList<>();
    if (!issues.isEmpty() || !unknowns.isEmpty()) {
      Map<String, Integer> order = typeOrder(conditionTypes);
      List<Entry> issuesAndUnknowns = new ArrayList<>(issues.size() + unknowns.size());
      Entry.addSorted(issuesAndUnknowns, issues, 0, order);
      Entry.addSorted(issuesAndUnknowns, unknowns, 1, order);
      Map<MergePriority, String> others = new EnumMap<>(MergePriority.class);
      others.put(MergePriority.ISSUE, "with other issues");
      others.put(MergePriority.UNKNOWN, "with status unknown");
      messages.addAll(aggregateMessages(issuesAndUnknowns, budget, false, others));
    } else if (anyInfo) {
      List<Entry> entries = new ArrayList<>(infosWithMessage.size());
      Entry.addSorted(entries, infosWithMessage, 0, typeOrder(conditionTypes));
      messages.addAll(aggregateMessages(entries, budget, true, Map.of(MergePriority.INFO, "with additional info")));
    }
    return new MergeResult(status, reason, String.join("\n", messages));
  }

  private static Map<String, Integer> typeOrder(List<String> types) {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      order.putIfAbsent(types.get(i), i);
    }
    return order;
  }

  /**
   * A condition with its place in the order {@link #aggregateMessages} reads the conditions in: the segment (issues
   * 0, then unknowns 1), then {@link #sortConditions}'s key (the type's order, then lastTransitionTime, parsed only
   * when a comparison gets that far), then the position in the list given (a stable sort keeps that order for equal
   * keys). Conditions already in order are all of segment 0 with equal keys: their position is their place.
   */
  private static final class Entry {
    static final Comparator<Entry> ORDER =
        Comparator.<Entry>comparingInt(e -> e.segment)
            .thenComparingInt(e -> e.typeOrder)
            .thenComparing(Entry::ltt)
            .thenComparingInt(e -> e.position);

    final OwnedCondition c;
    final int segment;
    final int typeOrder;
    final int position;
    private final boolean keyed;
    private Instant ltt;

    private Entry(OwnedCondition c, int segment, int typeOrder, int position, boolean keyed) {
      this.c = c;
      this.segment = segment;
      this.typeOrder = typeOrder;
      this.position = position;
      this.keyed = keyed;
    }

    Instant ltt() {
      if (!keyed) {
        return Instant.MIN;
      }
      if (ltt == null) {
        ltt = Conditions.parseTime(c.condition().getLastTransitionTime()).orElse(Instant.MIN);
      }
      return ltt;
    }

    /** Conditions already in the order they are read. */
    static List<Entry> inOrder(List<OwnedCondition> conditions) {
      List<Entry> out = new ArrayList<>(conditions.size());
      for (int i = 0; i < conditions.size(); i++) {
        out.add(new Entry(conditions.get(i), 0, 0, i, false));
      }
      return out;
    }

    /** Conditions to be read as {@link #sortConditions} would order them, after the entries already in {@code out}. */
    static void addSorted(List<Entry> out, List<OwnedCondition> conditions, int segment, Map<String, Integer> order) {
      for (int i = 0; i < conditions.size(); i++) {
        OwnedCondition c = conditions.get(i);
        // Go's map lookup of a missing type gives 0.
        out.add(new Entry(c, segment, order.getOrDefault(c.condition().getType(), 0), i, true));
      }
    }
  }

  // Stable sort by the order of condition types, then by lastTransitionTime (older first; unset is oldest).
  private static List<OwnedCondition> sortConditions(List<OwnedCondition> conditions, List<String> types) {
    Map<String, Integer> order = typeOrder(types);
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

  /**
   * The lines of an aggregate message, from the conditions in the order {@link Entry#ORDER} gives them (the list
   * itself may be in any order).
   *
   * <p>Upstream walks the conditions in that order, groups the object names by kind and message, orders the
   * messages (control plane first, issue &lt; unknown &lt; info, more objects first, then the joined names, then
   * the first seen) and prints the first three names of each, sorted. Only ties need the walking order, and only
   * the first three names need sorting, so this costs one pass for 100,000 Machines that all report the same
   * message: the names of a message are put in walking order only when two messages tie on everything before them.
   */
  private List<String> aggregateMessages(
      List<Entry> conditions, int[] budget, boolean dropEmpty, Map<MergePriority, String> otherMessages) {
    // One message of one kind: its entries (list order), its first entry in walking order, its joined names.
    final class Group {
      final String text;
      final List<Entry> entries = new ArrayList<>();
      boolean first;
      MergePriority priority;
      private Entry earliest;
      private String joined;

      Group(String text) {
        this.text = text;
      }

      Entry earliest() {
        if (earliest == null) {
          for (Entry e : entries) {
            if (earliest == null || Entry.ORDER.compare(e, earliest) < 0) {
              earliest = e;
            }
          }
        }
        return earliest;
      }

      String joined() {
        if (joined == null) {
          List<Entry> walked = new ArrayList<>(entries);
          walked.sort(Entry.ORDER);
          StringBuilder sb = new StringBuilder();
          for (Entry e : walked) {
            if (sb.length() > 0) {
              sb.append(',');
            }
            sb.append(e.c.owner().name());
          }
          joined = sb.toString();
        }
        return joined;
      }
    }
    // kind -> message -> group; kinds iterate sorted.
    Map<String, Map<String, Group>> byKind = new TreeMap<>();
    // Priority and "control plane first" are tracked per message text, across kinds, as upstream does.
    Map<String, MergePriority> messagePriority = new HashMap<>();
    Set<String> messageMustGoFirst = new HashSet<>();
    Set<String> cpMachines = new HashSet<>();
    for (Entry e : conditions) {
      OwnedCondition oc = e.c;
      String m = oc.condition().getMessage() == null ? "" : oc.condition().getMessage();
      if (dropEmpty && m.isEmpty()) {
        continue;
      }
      byKind.computeIfAbsent(oc.owner().kind(), k -> new HashMap<>()).computeIfAbsent(m, Group::new).entries.add(e);
      if (oc.owner().controlPlaneMachine()) {
        cpMachines.add(oc.owner().name());
        messageMustGoFirst.add(m);
      }
      MergePriority p = priorityFunction.apply(oc.condition());
      // The highest priority (issue > unknown > info) wins when one message has several.
      messagePriority.merge(m, p, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
    }

    Comparator<String> nameOrder = cpMachines.isEmpty()
        ? Comparator.naturalOrder()
        : Comparator.comparing((String n) -> !cpMachines.contains(n)).thenComparing(Comparator.naturalOrder());
    List<String> messages = new ArrayList<>();
    for (Map.Entry<String, Map<String, Group>> kindEntry : byKind.entrySet()) {
      String kind = kindEntry.getKey();
      String kindPlural = pluralize(kind);
      List<Group> index = new ArrayList<>(kindEntry.getValue().values());
      for (Group g : index) {
        g.first = messageMustGoFirst.contains(g.text);
        g.priority = messagePriority.get(g.text);
      }
      // Control plane first, then issue < unknown < info, then more objects first, then the names as walked, then
      // the message seen first.
      index.sort(
          Comparator.comparing((Group g) -> !g.first)
              .thenComparing((Group g) -> g.priority)
              .thenComparing(Comparator.comparingInt((Group g) -> g.entries.size()).reversed())
              .thenComparing(Group::joined)
              .thenComparing(Group::earliest, Entry.ORDER));

      Map<MergePriority, Integer> others = new EnumMap<>(MergePriority.class);
      for (Group m : index) {
        int count = m.entries.size();
        if (budget[0] == 0) {
          others.merge(m.priority, count, Integer::sum);
          continue;
        }
        List<String> names = smallest(m.entries, 3, nameOrder);
        StringBuilder line = new StringBuilder();
        if (count == 1) {
          line.append("* ").append(kind).append(' ').append(names.get(0)).append(':');
        } else if (count <= 3) {
          line.append("* ").append(kindPlural).append(' ').append(String.join(", ", names)).append(':');
        } else {
          line.append("* ")
              .append(kindPlural)
              .append(' ')
              .append(String.join(", ", names))
              .append(", ... (")
              .append(count - 3)
              .append(" more):");
        }
        line.append(indentIfMultiline(m.text));
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

  /** The first {@code k} owner names in {@code order} (duplicates kept), as sorting them all would give. */
  private static List<String> smallest(List<Entry> entries, int k, Comparator<String> order) {
    List<String> best = new ArrayList<>(k + 1);
    for (Entry e : entries) {
      String n = e.c.owner().name();
      if (best.size() == k && order.compare(n, best.get(k - 1)) >= 0) {
        continue;
      }
      int at = best.size();
      while (at > 0 && order.compare(n, best.get(at - 1)) < 0) {
        at--;
      }
      best.add(at, n);
      if (best.size() > k) {
        best.remove(k);
      }
    }
    return best;
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
