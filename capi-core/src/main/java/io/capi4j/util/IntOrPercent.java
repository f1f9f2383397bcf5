package io.capi4j.util;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Kubernetes' {@code intstr.GetScaledValueFromIntOrPercent}: an int is returned as is (never capped); a string must
 * be {@code N%} and scales {@code total}, rounding up or down.
 */
public final class IntOrPercent {
  private IntOrPercent() {}

  /** An int value. */
  public static IntOrString of(int value) {
    return new IntOrString(value);
  }

  /** A string value, e.g. {@code "25%"}. */
  public static IntOrString of(String value) {
    return new IntOrString(value);
  }

  /** Parses like Go's {@code intstr.Parse}: an int if the text is an int, else a string. */
  public static IntOrString parse(String text) {
    try {
      return new IntOrString(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return new IntOrString(text);
    }
  }

  /** Whether the value holds an int (rather than a string). */
  public static boolean isInt(IntOrString v) {
    return v != null && v.getIntVal() != null;
  }

  /** The value as Go's {@code IntOrString.String()} prints it. */
  public static String toString(IntOrString v) {
    if (v == null) {
      return "<nil>";
    }
    return v.getIntVal() != null ? Integer.toString(v.getIntVal()) : v.getStrVal();
  }

  /**
   * The scaled value.
   *
   * @throws IllegalArgumentException with upstream's message when the value is null or not an int or a percent
   */
  public static int scaled(IntOrString v, int total, boolean roundUp) {
    if (v == null) {
      throw new IllegalArgumentException("nil value for IntOrString");
    }
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s == null || !s.endsWith("%")) {
      throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
    }
    String digits = s.substring(0, s.length() - 1);
    int pct;
    try {
      pct = GoStrconv.atoi(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid value for IntOrString: invalid value \"" + s + "\": " + e.getMessage());
    }
    double value = (double) pct * total / 100.0;
    return (int) (roundUp ? Math.ceil(value) : Math.floor(value));
  }

  /** Whether {@link #scaled} succeeds for this value. */
  public static boolean isValid(IntOrString v) {
    try {
      scaled(v, 0, false);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
