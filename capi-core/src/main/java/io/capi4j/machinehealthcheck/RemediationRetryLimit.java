package io.capi4j.machinehealthcheck;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.conditions.Conditions;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.util.GoDuration;
import io.capi4j.util.GoStrconv;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * capi4j extension (beyond upstream; see CAPI issue #12553): a MachineHealthCheck stops handing Machines over for
 * remediation once a <em>slot</em> has been remediated {@code retry-limit} times within {@code retry-period}, and
 * says so in its status, instead of replacing Machines forever when every replacement fails the same way (a broken
 * image, a bootstrap that never completes).
 *
 * <p>Off by default. Configured with annotations on the MachineHealthCheck:
 *
 * <ul>
 *   <li>{@value #LIMIT_ANNOTATION}: a positive integer N (Go {@code strconv.Atoi} syntax). Turns the option on.
 *   <li>{@value #PERIOD_ANNOTATION}: a positive Go duration ({@code 30m}, {@code 1h}, {@code 1h30m}); default
 *       {@code 1h}. Only allowed together with the limit.
 *   <li>{@value #HISTORY_ANNOTATION}: the remediations handed over so far, written by the MachineHealthCheck
 *       reconcile (a JSON list, see {@link #format}); users do not write it.
 * </ul>
 *
 * <p><b>Slot.</b> Upstream does not link a replacement Machine to the Machine it replaces (a MachineSet or a pool just
 * creates a new replica), so a slot cannot be one replica. A slot is the Machine's controller owner
 * ({@code MachineSet/<name>}, {@code MachinePool/<name>}, {@code KubeadmControlPlane/<name>}; the Machine itself when
 * it has no controller) plus its {@code spec.failureDomain}. The limit is therefore a budget of N remediations per
 * owner and failure domain per period. A new MachineDeployment revision is a new MachineSet and so starts afresh.
 *
 * <p><b>Counting.</b> One remediation is counted when the reconcile hands an unhealthy Machine over: it sets
 * {@code OwnerRemediated=False} (absent or True before), or creates its external remediation request. A Machine
 * already handed over is not counted again. A remediation counts while {@code now < time + period}; the history
 * keeps only those.
 *
 * <p><b>When the limit is reached</b> for a Machine's slot, the Machine is still marked
 * {@code HealthCheckSucceeded=False}, but gets no {@code OwnerRemediated=False} (nor external request), so its owner
 * leaves it alone; the MachineHealthCheck gets {@value #CONDITION}{@code =True} (reason {@value #REASON_REACHED})
 * naming the Machines held back and when their slot may be remediated again, and requeues for that moment. The
 * limit is a rate: once the oldest counted remediation leaves the period, one more is allowed.
 */
public final class RemediationRetryLimit {
  private RemediationRetryLimit() {}

  /** The number of remediations allowed per slot within the period (capi4j). */
  public static final String LIMIT_ANNOTATION = "remediation.capi4j.io/retry-limit";

  /** The period the limit counts over, as a Go duration; default {@link #DEFAULT_PERIOD} (capi4j). */
  public static final String PERIOD_ANNOTATION = "remediation.capi4j.io/retry-period";

  /** The remediations counted so far, written by the reconcile (capi4j). */
  public static final String HISTORY_ANNOTATION = "remediation.capi4j.io/retry-history";

  /** The period when {@link #PERIOD_ANNOTATION} is not set. */
  public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);

  /** The MachineHealthCheck condition (capi4j): True when some unhealthy Machine is held back by the limit. */
  public static final String CONDITION = "RemediationRetryLimitReached";

  /** {@link #CONDITION} True. */
  public static final String REASON_REACHED = "RemediationRetryLimitReached";

  /** {@link #CONDITION} False. */
  public static final String REASON_NOT_REACHED = "RemediationRetryLimitNotReached";

  static final FieldPath ANNOTATIONS = FieldPath.of("metadata", "annotations");

  /**
   * One remediation handed over.
   *
   * @param owner the slot's owner, {@code Kind/name}
   * @param failureDomain the slot's failure domain, or {@code ""}
   * @param machine the Machine that was handed over
   * @param time when
   */
  public record Remediation(String owner, String failureDomain, String machine, Instant time) {
    public Remediation {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(failureDomain, "failureDomain");
      Objects.requireNonNull(machine, "machine");
      Objects.requireNonNull(time, "time");
    }

    public Slot slot() {
      return new Slot(owner, failureDomain);
    }
  }

  /** A slot: the controller owner ({@code Kind/name}) and the failure domain ({@code ""} for none). */
  public record Slot(String owner, String failureDomain) {
    public Slot {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(failureDomain, "failureDomain");
    }

    @Override
    public String toString() {
      return failureDomain.isEmpty() ? owner : owner + " in failure domain " + GoStrconv.quote(failureDomain);
    }
  }

  /**
   * The option as configured.
   *
   * @param limit remediations allowed per slot within {@code period}
   * @param period how long a remediation counts
   * @param history the remediations recorded so far, oldest first (possibly older than the period)
   */
  public record Settings(int limit, Duration period, List<Remediation> history) {
    public Settings {
      Objects.requireNonNull(period, "period");
      history = List.copyOf(history);
    }

    /** {@code retry-limit N within <period>}. */
    public String describe() {
      return LIMIT_ANNOTATION + " " + limit + " within " + GoDuration.format(period);
    }
  }

  /** What the annotations say: the settings when the option is on, and every annotation that cannot be read. */
  public record Reading(Optional<Settings> settings, List<FieldError> errors) {
    public Reading {
      Objects.requireNonNull(settings, "settings");
      errors = List.copyOf(errors);
    }
  }

  /** The path of an annotation, {@code metadata.annotations[<key>]}. */
  public static FieldPath path(String annotation) {
    return ANNOTATIONS.key(annotation);
  }

  /**
   * Reads the option from a MachineHealthCheck's annotations. Off (no settings, no errors) without
   * {@value #LIMIT_ANNOTATION}. Each annotation that cannot be read gives a {@link FieldError} naming
   * {@code metadata.annotations[<key>]}; then there are no settings.
   */
  public static Reading read(Map<String, String> annotations) {
    List<FieldError> errors = new ArrayList<>();
    String limitText = annotations.get(LIMIT_ANNOTATION);
    String periodText = annotations.get(PERIOD_ANNOTATION);
    String historyText = annotations.get(HISTORY_ANNOTATION);
    Integer limit = null;
    if (limitText != null) {
      try {
        long v = GoStrconv.atoi(limitText);
        if (v < 1 || v > Integer.MAX_VALUE) {
          errors.add(FieldError.invalid(path(LIMIT_ANNOTATION), limitText,
              "must be a positive integer: the number of remediations allowed per slot within "
                  + PERIOD_ANNOTATION + " (capi4j)"));
        } else {
          limit = (int) v;
        }
      } catch (NumberFormatException e) {
        errors.add(FieldError.invalid(path(LIMIT_ANNOTATION), limitText,
            "must be a positive integer: " + e.getMessage() + " (capi4j)"));
      }
    }
    Duration period = DEFAULT_PERIOD;
    if (periodText != null) {
      if (limitText == null) {
        errors.add(FieldError.forbidden(path(PERIOD_ANNOTATION),
            "has no effect without " + LIMIT_ANNOTATION + ", which turns the retry limit on (capi4j)"));
      }
      try {
        period = GoDuration.parse(periodText);
        if (period.isNegative() || period.isZero()) {
          errors.add(FieldError.invalid(path(PERIOD_ANNOTATION), periodText,
              "must be a positive duration such as 30m or 1h (capi4j)"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(FieldError.invalid(path(PERIOD_ANNOTATION), periodText,
            "must be a Go duration such as 30m or 1h: " + e.getMessage() + " (capi4j)"));
      }
    }
    List<Remediation> history = List.of();
    if (historyText != null) {
      try {
        history = parse(historyText);
      } catch (IllegalArgumentException e) {
        errors.add(FieldError.invalid(path(HISTORY_ANNOTATION), historyText,
            "cannot be read: " + e.getMessage() + "; it is written by the MachineHealthCheck reconcile, remove it to"
                + " start afresh (capi4j)"));
      }
    }
    if (!errors.isEmpty() || limit == null) {
      return new Reading(Optional.empty(), errors);
    }
    return new Reading(Optional.of(new Settings(limit, period, history)), errors);
  }

  /** The admission errors of the option's annotations ({@link #read}'s errors). */
  public static List<FieldError> validate(Map<String, String> annotations) {
    return read(annotations).errors();
  }

  /** The slot of a Machine: its controller owner and {@code spec.failureDomain}. */
  public static Slot slotOf(Machine m) {
    Optional<OwnerReference> owner = Optional.ofNullable(m.metadata().getOwnerReferences()).orElse(List.of()).stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .findFirst();
    String o = owner.map(r -> r.getKind() + "/" + r.getName()).orElse(Machine.KIND + "/" + m.name());
    return new Slot(o, m.spec().failureDomain());
  }

  /** The remediations of {@code slot} that still count at {@code now}, oldest first. */
  public static List<Remediation> counted(List<Remediation> history, Slot slot, Duration period, Instant now) {
    return history.stream()
        .filter(r -> r.slot().equals(slot) && counts(r, period, now))
        .sorted(ORDER)
        .toList();
  }

  /** Whether a remediation still counts at {@code now}: {@code now < time + period}. */
  public static boolean counts(Remediation r, Duration period, Instant now) {
    return now.isBefore(r.time().plus(period));
  }

  /**
   * When {@code slot} may be remediated again, if it may not be at {@code now}: the moment enough of its counted
   * remediations have left the period to leave one below the limit.
   */
  public static Optional<Instant> blockedUntil(List<Remediation> history, Slot slot, int limit, Duration period,
      Instant now) {
    List<Remediation> c = counted(history, slot, period, now);
    if (c.size() < limit) {
      return Optional.empty();
    }
    return Optional.of(c.get(c.size() - limit).time().plus(period));
  }

  static final Comparator<Remediation> ORDER = Comparator.comparing(Remediation::time)
      .thenComparing(Remediation::owner).thenComparing(Remediation::failureDomain).thenComparing(Remediation::machine);

  /**
   * The history annotation's value: a JSON list, oldest first, of
   * {@code {"owner": "MachineSet/ms-1", "failureDomain": "", "machine": "ms-1-abcde", "time": "2026-01-01T10:00:00Z"}}.
   */
  public static String format(List<Remediation> history) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Remediation r : history.stream().sorted(ORDER).toList()) {
      ObjectNode o = a.addObject();
      o.put("owner", r.owner());
      o.put("failureDomain", r.failureDomain());
      o.put("machine", r.machine());
      o.put("time", Conditions.format(r.time()));
    }
    return KubernetesMapper.json().writeValueAsString(a);
  }

  /**
   * Reads {@link #format}'s output.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static List<Remediation> parse(String text) {
    JsonNode tree;
    try {
      tree = KubernetesMapper.json().readTree(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not JSON");
    }
    if (tree == null || !tree.isArray()) {
      throw new IllegalArgumentException("not a JSON list");
    }
    List<Remediation> out = new ArrayList<>();
    int i = 0;
    for (JsonNode e : tree) {
      String where = "item " + i++;
      if (!e.isObject()) {
        throw new IllegalArgumentException(where + " is not an object");
      }
      String owner = string(e, "owner", where, true);
      String fd = string(e, "failureDomain", where, false);
      String machine = string(e, "machine", where, true);
      String time = string(e, "time", where, true);
      Instant t = Conditions.parseTime(time)
          .orElseThrow(() -> new IllegalArgumentException(where + ": time " + GoStrconv.quote(time) + " is not RFC 3339"));
      out.add(new Remediation(owner, fd, machine, t));
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  private static String string(JsonNode o, String field, String where, boolean required) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException(where + " has no " + field);
      }
      return "";
    }
    if (!v.isString()) {
      throw new IllegalArgumentException(where + ": " + field + " is not a string");
    }
    String s = v.asString();
    if (required && s.isEmpty()) {
      throw new IllegalArgumentException(where + " has an empty " + field);
    }
    return s;
  }
}
