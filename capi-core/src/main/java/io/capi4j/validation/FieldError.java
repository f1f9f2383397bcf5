package io.capi4j.validation;

import io.capi4j.util.GoStrconv;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One violation of a rule by one field, worded as Kubernetes words it ({@code field.Error}):
 * {@code spec.replicas: Invalid value: -1: must be greater than or equal to 0}.
 *
 * @param type what kind of violation
 * @param field the field's path, e.g. {@code spec.rollout.strategy.rollingUpdate.maxSurge}
 * @param badValue the offending value as printed, or {@code null} when the type prints none
 * @param detail the rule, in upstream's words where upstream has them
 */
public record FieldError(Type type, String field, String badValue, String detail) {

  /** The kinds of violation, with the text Kubernetes prints for each. */
  public enum Type {
    NOT_FOUND("Not found"),
    REQUIRED("Required value"),
    DUPLICATE("Duplicate value"),
    INVALID("Invalid value"),
    NOT_SUPPORTED("Unsupported value"),
    FORBIDDEN("Forbidden"),
    TOO_LONG("Too long"),
    TOO_MANY("Too many"),
    INTERNAL("Internal error"),
    TYPE_INVALID("Invalid value");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    /** The text Kubernetes prints for this type, e.g. {@code Invalid value}. */
    public String text() {
      return text;
    }
  }

  public FieldError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(field, "field");
    detail = detail == null ? "" : detail;
  }

  /** {@code field.Required}. */
  public static FieldError required(FieldPath field, String detail) {
    return new FieldError(Type.REQUIRED, field.toString(), null, detail);
  }

  /** {@code field.Invalid}; the value is quoted when it is a string, as Go's {@code %#v} prints it. */
  public static FieldError invalid(FieldPath field, Object value, String detail) {
    return new FieldError(Type.INVALID, field.toString(), printValue(value), detail);
  }

  /** {@code field.Forbidden}. */
  public static FieldError forbidden(FieldPath field, String detail) {
    return new FieldError(Type.FORBIDDEN, field.toString(), null, detail);
  }

  /** {@code field.NotSupported}: the value and the supported values. */
  public static FieldError notSupported(FieldPath field, Object value, List<String> supported) {
    String detail =
        supported.isEmpty()
            ? ""
            : "supported values: " + supported.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    return new FieldError(Type.NOT_SUPPORTED, field.toString(), printValue(value), detail);
  }

  /** {@code field.Duplicate}. */
  public static FieldError duplicate(FieldPath field, Object value) {
    return new FieldError(Type.DUPLICATE, field.toString(), printValue(value), "");
  }

  /** {@code field.TooLong}. */
  public static FieldError tooLong(FieldPath field, int maxLength) {
    return new FieldError(Type.TOO_LONG, field.toString(), null,
        "may not be more than " + maxLength + (maxLength == 1 ? " byte" : " bytes"));
  }

  /** {@code field.TooMany}. */
  public static FieldError tooMany(FieldPath field, int actual, int max) {
    return new FieldError(Type.TOO_MANY, field.toString(), Integer.toString(actual),
        "must have at most " + max + (max == 1 ? " item" : " items"));
  }

  /** A type mismatch found while decoding: the value's JSON type is not the field's. */
  public static FieldError typeInvalid(FieldPath field, String actualType, String expectedType) {
    String f = field.toString();
    return new FieldError(
        Type.TYPE_INVALID,
        f,
        "\"" + actualType + "\"",
        f + " in body must be of type " + expectedType + ": \"" + actualType + "\"");
  }

  /** The error as {@code field: Type: value: detail}, omitting what is empty. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(field).append(": ").append(type.text());
    if (badValue != null && type != Type.REQUIRED && type != Type.FORBIDDEN && type != Type.TOO_LONG
        && type != Type.INTERNAL) {
      sb.append(": ").append(badValue);
    }
    if (!detail.isEmpty()) {
      sb.append(": ").append(detail);
    }
    return sb.toString();
  }

  /**
   * The bad value as {@code field.Error} prints it: strings quoted ({@code %q}), string maps and lists as Go's
   * {@code %#v} prints them ({@code map[string]string{"a":"b"}}, keys sorted; {@code []string{"a", "b"}}), other
   * values as they print themselves.
   */
  static String printValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return GoStrconv.quote(s);
    }
    if (value instanceof Map<?, ?> m && m.keySet().stream().allMatch(String.class::isInstance)
        && m.values().stream().allMatch(v -> v == null || v instanceof String)) {
      return new TreeMap<>(m).entrySet().stream()
          .map(e -> GoStrconv.quote(String.valueOf(e.getKey())) + ":" + GoStrconv.quote(e.getValue() == null ? "" : (String) e.getValue()))
          .collect(Collectors.joining(", ", "map[string]string{", "}"));
    }
    if (value instanceof List<?> l && l.stream().allMatch(v -> v == null || v instanceof String)) {
      return l.stream().map(v -> GoStrconv.quote(v == null ? "" : (String) v))
          .collect(Collectors.joining(", ", "[]string{", "}"));
    }
    return String.valueOf(value);
  }
}
