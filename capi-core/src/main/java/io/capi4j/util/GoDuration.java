package io.capi4j.util;

import java.time.Duration;

/**
 * Go's {@code time.Duration.String()}: {@code 0s}, {@code 1.5s}, {@code 1m40s}, {@code 10m0s}, {@code 1h0m0s},
 * {@code 500ms}, {@code 1.5µs}. Durations beyond Go's range (about 292 years) print as Go's minimum or maximum.
 */
public final class GoDuration {
  private GoDuration() {}

  private static final long MICRO = 1_000L;
  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  /** The duration as Go prints it. */
  public static String format(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      nanos = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return format(nanos);
  }

  /** A Go {@code time.Duration} (nanoseconds) as Go prints it. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    // The magnitude as an unsigned 64-bit value, so that Long.MIN_VALUE is handled as Go handles it.
    long u = nanos < 0 ? -nanos : nanos;
    StringBuilder sb = new StringBuilder();
    if (nanos < 0) {
      sb.append('-');
    }
    if (Long.compareUnsigned(u, SECOND) < 0) {
      // Under a second: the largest unit below a second, with a decimal fraction.
      if (u < MICRO) {
        sb.append(u).append("ns");
      } else if (u < MILLI) {
        sb.append(decimal(u, MICRO, 3)).append("µs");
      } else {
        sb.append(decimal(u, MILLI, 6)).append("ms");
      }
      return sb.toString();
    }
    long hours = Long.divideUnsigned(u, HOUR);
    long rest = Long.remainderUnsigned(u, HOUR);
    long minutes = rest / MINUTE;
    rest = rest % MINUTE;
    if (hours > 0) {
      sb.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      sb.append(minutes).append('m');
    }
    return sb.append(decimal(rest, SECOND, 9)).append('s').toString();
  }

  /** {@code value / unit} with the remainder as a decimal fraction of {@code digits} digits, trailing zeros cut. */
  private static String decimal(long value, long unit, int digits) {
    long whole = value / unit;
    long frac = value % unit;
    if (frac == 0) {
      return Long.toString(whole);
    }
    StringBuilder f = new StringBuilder(Long.toString(frac));
    while (f.length() < digits) {
      f.insert(0, '0');
    }
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + f.substring(0, end);
  }
}
