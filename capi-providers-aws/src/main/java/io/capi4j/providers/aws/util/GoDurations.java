package io.capi4j.providers.aws.util;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which is how Kubernetes decodes a {@code metav1.Duration} such as
 * {@code defaultCoolDown: 300s}. Accepts a sequence of decimal numbers with units ({@code 1h30m}, {@code 1.5s},
 * {@code -2m}), units {@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}, and a bare
 * {@code 0}.
 */
public final class GoDurations {
  private GoDurations() {}

  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  /**
   * Parses a Go duration.
   *
   * @throws IllegalArgumentException with Go's message ({@code time: invalid duration "x"}) when {@code text} is
   *     not a duration
   */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigInteger totalNanos = BigInteger.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
      }
      Long nanosPerUnit = UNITS.get(unit);
      if (nanosPerUnit == null) {
        throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
      }
      BigDecimal value = new BigDecimal(number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number);
      totalNanos = totalNanos.add(value.multiply(BigDecimal.valueOf(nanosPerUnit)).toBigInteger());
      if (totalNanos.bitLength() > 63) {
        throw invalid(text);
      }
    }
    long nanos = totalNanos.longValueExact();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** Go's {@code int(d.Seconds())}: whole seconds, truncated toward zero. */
  public static long wholeSeconds(Duration d) {
    return d.getSeconds() < 0 && d.getNano() > 0 ? d.getSeconds() + 1 : d.getSeconds();
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
  }
}
