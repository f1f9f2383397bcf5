package io.capi4j.util;

import java.time.Duration;

/** Go's {@code time.Duration.String()}: {@code 10m0s}, {@code 5m0s}, {@code 1h0m0s}, {@code 1m40s}, {@code 0s}. */
public final class GoDuration {
  private GoDuration() {}

  public static String format(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      nanos = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (nanos == 0) {
      return "0s";
    }
    boolean neg = nanos < 0;
    long u = Math.abs(nanos);
    StringBuilder sb = new StringBuilder();
    if (u < 1_000_000_000L) {
      // Sub-second: Go prints ns, µs or ms with a fraction.
      String unit;
      long div;
      if (u < 1_000L) {
        unit = "ns";
        div = 1;
      } else if (u < 1_000_000L) {
        unit = "µs";
        div = 1_000L;
      } else {
        unit = "ms";
        div = 1_000_000L;
      }
      sb.append(fraction(u, div)).append(unit);
    } else {
      long hours = u / 3_600_000_000_000L;
      long rem = u % 3_600_000_000_000L;
      long minutes = rem / 60_000_000_000L;
      rem = rem % 60_000_000_000L;
      if (hours > 0) {
        sb.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        sb.append(minutes).append('m');
      }
      sb.append(fraction(rem, 1_000_000_000L)).append('s');
    }
    return neg ? "-" + sb : sb.toString();
  }

  private static String fraction(long v, long div) {
    long whole = v / div;
    long frac = v % div;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String f = String.format("%0" + Long.toString(div).length() / 1 + "d", frac);
    f = f.substring(f.length() - (Long.toString(div).length() - 1));
    f = f.replaceAll("0+$", "");
    return whole + "." + f;
  }
}
