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

  /**
   * Parses like Go's {@code intstr.Parse}: an int if {@code strconv.Atoi} accepts the text, else a string. Unlike
   * Go, which silently truncates an int outside the int32 range, such a text stays a string (and is then rejected
   * as "not a percentage" by {@link #scaled}).
   */
  public static IntOrString parse(String text) {
    try {
      long v = GoStrconv.atoi(text);
      if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
        return new IntOrString((int) v);
      }
    } catch (NumberFormatException e) {
      // a string
    }
    return new IntOrString(text);
  }

  /** Whether the value holds an int (rather than a string). */
  public static boolean isInt(IntOrString v) {
    return v != null && v.getIntVal() != null;
  }

  /** The value as Go's {@code IntOrString.String()} prints it; {@code <nil>} for null. */
  public static String toString(IntOrString v) {
    if (v == null) {
      return "<nil>";
    }
    if (v.getIntVal() != null) {
      return Integer.toString(v.getIntVal());
    }
    return v.getStrVal() == null ? "" : v.getStrVal();
  }

  /**
   * The scaled value: an int as is; {@code "N%"} as {@code N * total / 100}, rounded up or down.
   *
   * @throws IllegalArgumentException with upstream's message when the value is null or not an int or a percent,
   *     e.g. {@code invalid value for IntOrString: invalid type: string is not a percentage}
   */
  public static int scaled(IntOrString v, int total, boolean roundUp) {
    if (v == null) {
      throw new IllegalArgumentException("nil value for IntOrString");
    }
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s == null) {
      throw new IllegalArgumentException("invalid value for IntOrString: invalid type: neither int nor percentage");
    }
    if (!s.endsWith("%")) {
      throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
    }
    long pct;
    try {
      pct = GoStrconv.atoi(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid value for IntOrString: invalid value " + GoStrconv.quote(s) + ": " + e.getMessage());
    }
    double value = (double) pct * (double) total / 100;
    // Go converts the float64 to a 64-bit int; capi4j's callers use int, so the result saturates at the int range.
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

  /**
   * Whether a valid value is negative: a negative int, or a percent with a leading {@code -} and a non-zero
   * number. Invalid values are not negative.
   */
  public static boolean isNegative(IntOrString v) {
    if (!isValid(v)) {
      return false;
    }
    if (v.getIntVal() != null) {
      return v.getIntVal() < 0;
    }
    String s = v.getStrVal();
    return GoStrconv.atoi(s.substring(0, s.length() - 1)) < 0;
  }
}
