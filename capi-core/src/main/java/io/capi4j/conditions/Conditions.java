package io.capi4j.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading and writing v1beta2 conditions ({@code metav1.Condition}) as upstream's {@code util/conditions} does.
 * Every method is pure: conditions lists are never changed in place.
 */
public final class Conditions {
  private Conditions() {}

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  /** The condition of this type, if present. */
  public static Optional<Condition> get(List<Condition> conditions, String type) {
    if (conditions instanceof java.util.RandomAccess) {
      // Indexed: an iterator per lookup adds up over 100,000 Machines.
      for (int i = 0, n = conditions.size(); i < n; i++) {
        Condition c = conditions.get(i);
        if (type.equals(c.getType())) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
    for (Condition c : conditions) {
      if (type.equals(c.getType())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Upstream's {@code IsTrue}: present and {@code True}. */
  public static boolean isTrue(List<Condition> conditions, String type) {
    return get(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
  }

  /** Upstream's {@code IsFalse}: present and {@code False}. Unknown is neither true nor false. */
  public static boolean isFalse(List<Condition> conditions, String type) {
    return get(conditions, type).map(c -> FALSE.equals(c.getStatus())).orElse(false);
  }

  /** Upstream's {@code IsUnknown}: absent, or present with status {@code Unknown}. */
  public static boolean isUnknown(List<Condition> conditions, String type) {
    return get(conditions, type).map(c -> UNKNOWN.equals(c.getStatus())).orElse(true);
  }

  /** The reason of the condition, or {@code ""}. */
  public static String reason(List<Condition> conditions, String type) {
    return get(conditions, type).map(Condition::getReason).orElse("");
  }

  /** The {@code lastTransitionTime} of the condition, if present and parseable. */
  public static Optional<Instant> lastTransitionTime(List<Condition> conditions, String type) {
    return get(conditions, type).map(Condition::getLastTransitionTime).flatMap(Conditions::parseTime);
  }

  /** A new condition. {@code lastTransitionTime} is written in RFC 3339, truncated to seconds. */
  public static Condition of(String type, String status, String reason, String message, Instant lastTransitionTime) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message == null ? "" : message)
        .withLastTransitionTime(format(lastTransitionTime))
        .build();
  }

  /**
   * Upstream's {@code conditions.Set}: returns a new list with the condition added or replaced. The
   * {@code lastTransitionTime} only changes when the status changes; otherwise the old one is kept.
   */
  public static List<Condition> set(List<Condition> conditions, Condition condition) {
    List<Condition> out = new ArrayList<>();
    boolean replaced = false;
    for (Condition c : conditions) {
      if (condition.getType().equals(c.getType())) {
        Condition n = condition;
        if (c.getStatus() != null && c.getStatus().equals(condition.getStatus())) {
          n = new ConditionBuilder(condition).withLastTransitionTime(c.getLastTransitionTime()).build();
        }
        out.add(n);
        replaced = true;
      } else {
        out.add(c);
      }
    }
    if (!replaced) {
      out.add(condition);
    }
    return List.copyOf(out);
  }

  /**
   * Whether {@link #set}{@code (conditions, condition)} is sure to return a list equal to {@code conditions}, told
   * without building it: there is a condition of its type, and every one has the same status (so it keeps its
   * transition time), reason, message, observed generation and extra properties. False does not mean the list
   * would change (e.g. a status of null is left to {@code set}).
   */
  public static boolean setKeeps(List<Condition> conditions, Condition condition) {
    String type = condition.getType();
    boolean found = false;
    for (int i = 0, n = conditions.size(); i < n; i++) {
      Condition c = conditions.get(i);
      if (!type.equals(c.getType())) {
        continue;
      }
      if (c.getStatus() == null || !c.getStatus().equals(condition.getStatus())
          || !java.util.Objects.equals(c.getReason(), condition.getReason())
          || !java.util.Objects.equals(c.getMessage(), condition.getMessage())
          || !java.util.Objects.equals(c.getObservedGeneration(), condition.getObservedGeneration())
          || !java.util.Objects.equals(c.getAdditionalProperties(), condition.getAdditionalProperties())) {
        return false;
      }
      found = true;
    }
    assert !found || set(conditions, condition).equals(conditions) : "setKeeps is wrong about " + type;
    return found;
  }

  /** A list without the condition of this type. */
  public static List<Condition> delete(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> !type.equals(c.getType())).toList();
  }

  /** RFC 3339 in UTC, truncated to seconds, as Kubernetes writes times. */
  public static String format(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Parses an RFC 3339 time; empty when absent or malformed. */
  public static Optional<Instant> parseTime(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    Instant fast = parseCanonical(s);
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(s).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  // Kubernetes writes times as YYYY-MM-DDTHH:MM:SSZ; parsing that form by hand is much faster than a formatter,
  // which matters when 100,000 Machines are ordered by age. Anything else goes through OffsetDateTime.
  private static Instant parseCanonical(String s) {
    if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    try {
      return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
