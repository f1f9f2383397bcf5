package io.capi4j.webhooks;

import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CRD schema rules (OpenAPI v3 validation as the API server applies it to custom resources), worded as the API
 * server words them. Each method appends to {@code errs} and returns nothing.
 */
public final class Schema {
  private Schema() {}

  /** Common patterns from the CAPI CRDs. */
  public static final String DNS1123_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  public static final String KIND = "^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$";
  public static final String CONDITION_TYPE =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";

  /** A required string: present and non-empty (our strings default to {@code ""} when absent). */
  public static void requiredString(List<FieldError> errs, FieldPath path, String value, int minLen, int maxLen) {
    if (value.isEmpty()) {
      errs.add(FieldError.required(path, ""));
      return;
    }
    length(errs, path, value, minLen, maxLen);
  }

  /** An optional string: when non-empty, within the length bounds. */
  public static void optionalString(List<FieldError> errs, FieldPath path, String value, int minLen, int maxLen) {
    if (!value.isEmpty()) {
      length(errs, path, value, minLen, maxLen);
    }
  }

  /** Length bounds of a string that is present, counted in characters (Unicode code points) as OpenAPI counts. */
  public static void length(List<FieldError> errs, FieldPath path, String value, int minLen, int maxLen) {
    int n = value.codePointCount(0, value.length());
    if (n < minLen) {
      errs.add(FieldError.invalid(path, value, path + " in body should be at least " + minLen + " chars long"));
    }
    if (maxLen > 0 && n > maxLen) {
      errs.add(FieldError.tooLong(path, maxLen));
    }
  }

  /**
   * A string matching a regular expression (checked only when non-empty). The CRD's patterns are Go (RE2)
   * regular expressions, where {@code $} only matches at the very end of the text; Java's {@code $} would also
   * match before a final line break, so it is translated to {@code \z}.
   */
  public static void pattern(List<FieldError> errs, FieldPath path, String value, String regex) {
    if (!value.isEmpty() && !compiled(regex).matcher(value).find()) {
      errs.add(FieldError.invalid(path, value, path + " in body should match '" + regex + "'"));
    }
  }

  /**
   * An object with {@code MinProperties}: {@code count} is the number of its fields that are set.
   * {@code spec.rollout: Invalid value: 0: spec.rollout in body should have at least 1 properties}.
   */
  public static void minProperties(List<FieldError> errs, FieldPath path, int count, int min) {
    if (count < min) {
      errs.add(FieldError.invalid(path, count, path + " in body should have at least " + min + " properties"));
    }
  }

  /**
   * A CEL rule ({@code x-kubernetes-validations}) that {@code holds} or not. The API server reports a broken rule
   * with the OpenAPI type of the field as the value: {@code <path>: Invalid value: "string": <message>}.
   */
  public static void cel(List<FieldError> errs, FieldPath path, boolean holds, String openApiType, String message) {
    if (!holds) {
      errs.add(FieldError.invalid(path, openApiType, message));
    }
  }

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private static Pattern compiled(String regex) {
    return PATTERNS.computeIfAbsent(regex, r -> Pattern.compile(r.replaceAll("(?<!\\\\)\\$", "\\\\z")));
  }

  /** An enumerated string (checked only when non-empty). */
  public static void enumeration(List<FieldError> errs, FieldPath path, String value, List<String> allowed) {
    if (!value.isEmpty() && !allowed.contains(value)) {
      errs.add(FieldError.notSupported(path, value, allowed));
    }
  }

  /** An integer with a minimum. */
  public static void minimum(List<FieldError> errs, FieldPath path, Optional<? extends Number> value, long min) {
    if (value.isPresent() && value.get().longValue() < min) {
      errs.add(FieldError.invalid(path, value.get(), path + " in body should be greater than or equal to " + min));
    }
  }

  /** An integer with a maximum. */
  public static void maximum(List<FieldError> errs, FieldPath path, Optional<? extends Number> value, long max) {
    if (value.isPresent() && value.get().longValue() > max) {
      errs.add(FieldError.invalid(path, value.get(), path + " in body should be less than or equal to " + max));
    }
  }

  /** List size bounds (checked only when the list is non-empty, since empty lists are omitted on the wire). */
  public static void items(List<FieldError> errs, FieldPath path, Collection<?> list, int maxItems) {
    if (list.size() > maxItems) {
      errs.add(FieldError.tooMany(path, list.size(), maxItems));
    }
  }

  /** A required value that is absent. */
  public static void required(List<FieldError> errs, FieldPath path, Optional<?> value) {
    if (value.isEmpty()) {
      errs.add(FieldError.required(path, ""));
    }
  }
}
