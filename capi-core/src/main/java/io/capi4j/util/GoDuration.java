package io.capi4j.util;

import java.time.Duration;

/**
 * Go's {@code time.Duration.String()}: {@code 0s}, {@code 1.5s}, {@code 1m40s}, {@code 10m0s}, {@code 1h0m0s},
 * {@code 500ms}, {@code 1.5µs}. Durations beyond Go's range (about 292 years) print as Go's minimum or maximum.
 * {@link #parse} reads what Go's {@code time.ParseDuration} reads.
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

  /**
   * Go's {@code time.ParseDuration}: an optional sign, then one or more decimal numbers, each with an optional
   * fraction and a unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), e.g.
   * {@code 300ms}, {@code -1.5h}, {@code 2h45m}; a lone {@code 0} is zero.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code time: missing unit in duration "1"}, {@code time:
   *     unknown unit "d" in duration "1d"} or {@code time: invalid duration "abc"}
   */
  public static Duration parse(String text) {
    String orig = text;
    String s = text;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    final long limit = Long.MIN_VALUE; // 1<<63 as an unsigned value
    long d = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        throw invalid(orig);
      }
      // [0-9]*
      int start = i;
      long v = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (Long.compareUnsigned(v, Long.divideUnsigned(limit, 10)) > 0) {
          throw invalid(orig); // overflow
        }
        v = v * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(v, limit) > 0) {
          throw invalid(orig);
        }
        i++;
      }
      boolean pre = i != start;
      // (\.[0-9]*)?
      boolean post = false;
      long f = 0;
      double scale = 1;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fstart = i;
        boolean overflow = false;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          if (!overflow) {
            if (Long.compareUnsigned(f, Long.divideUnsigned(Long.MAX_VALUE, 10)) > 0) {
              overflow = true;
            } else {
              long y = f * 10 + (s.charAt(i) - '0');
              if (y < 0) {
                overflow = true;
              } else {
                f = y;
                scale *= 10;
              }
            }
          }
          i++;
        }
        post = i != fstart;
      }
      if (!pre && !post) {
        throw invalid(orig);
      }
      int ustart = i;
      while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        i++;
      }
      if (i == ustart) {
        throw new IllegalArgumentException("time: missing unit in duration " + GoStrconv.quote(orig));
      }
      String u = s.substring(ustart, i);
      long unit = switch (u) {
        case "ns" -> 1L;
        case "us", "\u00b5s", "\u03bcs" -> MICRO;
        case "ms" -> MILLI;
        case "s" -> SECOND;
        case "m" -> MINUTE;
        case "h" -> HOUR;
        default -> throw new IllegalArgumentException(
            "time: unknown unit " + GoStrconv.quote(u) + " in duration " + GoStrconv.quote(orig));
      };
      if (Long.compareUnsigned(v, Long.divideUnsigned(limit, unit)) > 0) {
        throw invalid(orig);
      }
      v *= unit;
      if (f > 0) {
        v += (long) ((double) f * ((double) unit / scale));
        if (Long.compareUnsigned(v, limit) > 0) {
          throw invalid(orig);
        }
      }
      d += v;
      if (Long.compareUnsigned(d, limit) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return Duration.ofNanos(-d);
    }
    if (d < 0) {
      throw invalid(orig);
    }
    return Duration.ofNanos(d);
  }

  private static IllegalArgumentException invalid(String orig) {
    return new IllegalArgumentException("time: invalid duration " + GoStrconv.quote(orig));
  }
}
