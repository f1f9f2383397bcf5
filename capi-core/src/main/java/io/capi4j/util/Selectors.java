package io.capi4j.util;

import static com.google.common.base.Strings.nullToEmpty;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Label selectors as Kubernetes evaluates and prints them ({@code metav1.LabelSelectorAsSelector},
 * {@code labels.Selector.String()}).
 */
public final class Selectors {
  private Selectors() {}

  /**
   * Why the selector cannot be converted ({@code metav1.LabelSelectorAsSelector}), in apimachinery's words, or
   * empty when it is valid. An empty selector is valid and selects everything. Like Go, only the first broken
   * requirement is reported (match labels by key first, then the expressions in order); its errors are joined as
   * an aggregate ({@code [e1, e2]} when there are several).
   */
  public static Optional<String> conversionError(LabelSelector s) {
    if (s == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> e : sortedMatchLabels(s).entrySet()) {
      Optional<String> err = requirementError(e.getKey(), "=", List.of(e.getValue()));
      if (err.isPresent()) {
        return err;
      }
    }
    for (LabelSelectorRequirement r : nullSafeList(s.getMatchExpressions())) {
      String op = nullToEmpty(r.getOperator());
      if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
        return Optional.of(GoStrconv.quote(op) + " is not a valid label selector operator");
      }
      Optional<String> err = requirementError(nullToEmpty(r.getKey()), op, nullSafeList(r.getValues()));
      if (err.isPresent()) {
        return err;
      }
    }
    return Optional.empty();
  }

  /** {@code labels.NewRequirement}'s checks: the key, the number of values for the operator, each value. */
  private static Optional<String> requirementError(String key, String op, List<String> values) {
    List<String> errs = new ArrayList<>();
    List<String> kerr = KubernetesNames.isQualifiedName(key);
    if (!kerr.isEmpty()) {
      errs.add("key: Invalid value: " + GoStrconv.quote(key) + ": " + String.join("; ", kerr));
    }
    switch (op) {
      // "=" (a match label) always has exactly one value
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          errs.add("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          errs.add("values: Invalid value: " + goSlice(values) + ": values set must be empty for exists and does not exist");
        }
      }
      default -> { }
    }
    for (int i = 0; i < values.size(); i++) {
      String v = nullToEmpty(values.get(i));
      List<String> verr = KubernetesNames.isValidLabelValue(v);
      if (!verr.isEmpty()) {
        errs.add("values[" + i + "][" + key + "]: Invalid value: " + GoStrconv.quote(v) + ": " + String.join("; ", verr));
      }
    }
    if (errs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(errs.size() == 1 ? errs.get(0) : "[" + String.join(", ", errs) + "]");
  }

  /** Whether the selector matches the labels; an empty or null selector matches everything. */
  public static boolean matches(LabelSelector s, Map<String, String> labels) {
    if (s == null) {
      return true;
    }
    Map<String, String> l = nullSafe(labels);
    for (Map.Entry<String, String> e : nullSafe(s.getMatchLabels()).entrySet()) {
      String key = nullToEmpty(e.getKey());
      if (!l.containsKey(key) || !Objects.equals(l.get(key), nullToEmpty(e.getValue()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : nullSafeList(s.getMatchExpressions())) {
      String key = r.getKey();
      List<String> values = nullSafeList(r.getValues());
      boolean has = l.containsKey(key);
      boolean ok =
          switch (nullToEmpty(r.getOperator())) {
            case "In" -> has && values.contains(l.get(key));
            case "NotIn" -> !has || !values.contains(l.get(key));
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether the selector has no matchLabels and no matchExpressions. */
  public static boolean isEmpty(LabelSelector s) {
    return s == null || (nullSafe(s.getMatchLabels()).isEmpty() && nullSafeList(s.getMatchExpressions()).isEmpty());
  }

  /**
   * The match labels sorted by key, a null key or value read as the empty string (as Go decodes a YAML or JSON null
   * into a string), so that a malformed selector is reported, not a crash.
   */
  private static TreeMap<String, String> sortedMatchLabels(LabelSelector s) {
    TreeMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : nullSafe(s.getMatchLabels()).entrySet()) {
      out.put(nullToEmpty(e.getKey()), nullToEmpty(e.getValue()));
    }
    return out;
  }

  /** The selector as {@code labels.Selector.String()} prints it: requirements sorted by key, comma-joined. */
  public static String toString(LabelSelector s) {
    if (s == null) {
      return "";
    }
    List<String[]> reqs = new ArrayList<>();
    for (Map.Entry<String, String> e : sortedMatchLabels(s).entrySet()) {
      reqs.add(new String[] {e.getKey(), e.getKey() + "=" + e.getValue()});
    }
    for (LabelSelectorRequirement r : nullSafeList(s.getMatchExpressions())) {
      String key = nullToEmpty(r.getKey());
      TreeSet<String> vals = new TreeSet<>();
      for (String v : nullSafeList(r.getValues())) {
        vals.add(nullToEmpty(v));
      }
      String text =
          switch (nullToEmpty(r.getOperator())) {
            case "In" -> key + " in (" + String.join(",", vals) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", vals) + ")";
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            default -> key;
          };
      reqs.add(new String[] {key, text});
    }
    reqs.sort((a, b) -> a[0].compareTo(b[0]));
    List<String> out = new ArrayList<>();
    for (String[] r : reqs) {
      out.add(r[1]);
    }
    return String.join(",", out);
  }

  private static String goSlice(List<String> values) {
    return "[]string{" + String.join(", ", values.stream().map(v -> GoStrconv.quote(nullToEmpty(v))).toList()) + "}";
  }

  private static <K, V> Map<K, V> nullSafe(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }

  private static <T> List<T> nullSafeList(List<T> l) {
    return l == null ? List.of() : l;
  }
}
