package io.capi4j.util;

/** Go's {@code strconv.Atoi} and {@code strconv.ParseInt(s, 10, 32)}, with Go's error texts. */
public final class GoStrconv {
  private GoStrconv() {}

  /**
   * Parses a decimal int32 like Go: an optional sign, then ASCII digits only.
   *
   * @throws NumberFormatException with Go's message, e.g. {@code strconv.Atoi: parsing "abc": invalid syntax}
   */
  public static int atoi(String s) {
    return (int) parse(s, "strconv.Atoi", 64);
  }

  /** {@code strconv.ParseInt(s, 10, 32)}. */
  public static int parseInt32(String s) {
    return (int) parse(s, "strconv.ParseInt", 32);
  }

  private static long parse(String s, String fn, int bits) {
    String digits = s;
    if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
      digits = digits.substring(1);
    }
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NumberFormatException(fn + ": parsing \"" + s + "\": invalid syntax");
    }
    long v;
    try {
      v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(fn + ": parsing \"" + s + "\": value out of range");
    }
    long max = bits == 32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    long min = bits == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
    if (v > max || v < min) {
      throw new NumberFormatException(fn + ": parsing \"" + s + "\": value out of range");
    }
    return v;
  }
}
