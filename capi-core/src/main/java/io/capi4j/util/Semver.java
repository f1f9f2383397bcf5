package io.capi4j.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A semantic version as blang/semver v4 parses and orders it: strict {@code MAJOR.MINOR.PATCH[-pre][+build]}, no
 * leading zeros, numbers up to 2^64-1 (held as unsigned {@code long}s). {@link #parseTolerant} is blang's
 * {@code ParseTolerant}.
 *
 * <p>Ordering follows semver 2.0: numbers, then a version without pre-release above one with it, then the
 * pre-release identifiers one by one (numeric below alphanumeric, numbers by value, others by ASCII order, more
 * identifiers above fewer). Build metadata never affects the order; {@link #equals} still compares it, as a record.
 */
public record Semver(long major, long minor, long patch, List<String> pre, List<String> build)
    implements Comparable<Semver> {

  public Semver {
    pre = List.copyOf(pre);
    build = List.copyOf(build);
  }

  /** blang's {@code semver.Parse} (strict); empty when invalid. No {@code v} prefix is accepted. */
  public static Optional<Semver> parse(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = s.split("\\.", 3);
    if (parts.length != 3) {
      return Optional.empty();
    }
    String patchStr = parts[2];
    List<String> build = new ArrayList<>();
    int plus = patchStr.indexOf('+');
    if (plus >= 0) {
      for (String b : patchStr.substring(plus + 1).split("\\.", -1)) {
        if (b.isEmpty() || !isAlphanumeric(b)) {
          return Optional.empty();
        }
        build.add(b);
      }
      patchStr = patchStr.substring(0, plus);
    }
    List<String> pre = new ArrayList<>();
    int dash = patchStr.indexOf('-');
    if (dash >= 0) {
      for (String p : patchStr.substring(dash + 1).split("\\.", -1)) {
        if (p.isEmpty()) {
          return Optional.empty();
        }
        if (isNumeric(p)) {
          if (hasLeadingZero(p) || parseNumber(p).isEmpty()) {
            return Optional.empty();
          }
        } else if (!isAlphanumeric(p)) {
          return Optional.empty();
        }
        pre.add(p);
      }
      patchStr = patchStr.substring(0, dash);
    }
    Optional<Long> major = parseNumber(parts[0]);
    Optional<Long> minor = parseNumber(parts[1]);
    Optional<Long> patch = parseNumber(patchStr);
    if (major.isEmpty() || minor.isEmpty() || patch.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Semver(major.get(), minor.get(), patch.get(), pre, build));
  }

  /**
   * blang's {@code ParseTolerant}: trims white space, drops one leading {@code v}, strips leading zeros of the
   * (up to three) dot-separated parts, and fills a missing minor or patch with 0. A short version may not carry
   * a pre-release or build ({@code 1.2-alpha} is invalid).
   */
  public static Optional<Semver> parseTolerant(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String t = s.strip();
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    List<String> parts = new ArrayList<>(List.of(t.split("\\.", 3)));
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      if (p.length() > 1) {
        int z = 0;
        while (z < p.length() && p.charAt(z) == '0') {
          z++;
        }
        String trimmed = p.substring(z);
        // As Go: keep one zero when nothing, or no digit, is left ("00" -> "0", "0+build" -> "0+build").
        parts.set(i, trimmed.isEmpty() || !Character.isDigit(trimmed.charAt(0)) ? "0" + trimmed : trimmed);
      }
    }
    if (parts.size() < 3) {
      String last = parts.get(parts.size() - 1);
      if (last.contains("+") || last.contains("-")) {
        return Optional.empty();
      }
      while (parts.size() < 3) {
        parts.add("0");
      }
    }
    return parse(String.join(".", parts));
  }

  /** An unsigned decimal number without leading zeros, up to 2^64-1. */
  private static Optional<Long> parseNumber(String s) {
    if (s.isEmpty() || !isNumeric(s) || hasLeadingZero(s)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseUnsignedLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isNumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLeadingZero(String s) {
    return s.length() > 1 && s.charAt(0) == '0';
  }

  @Override
  public int compareTo(Semver o) {
    int c = Long.compareUnsigned(major, o.major);
    if (c == 0) {
      c = Long.compareUnsigned(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compareUnsigned(patch, o.patch);
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    if (pre.isEmpty() || o.pre.isEmpty()) {
      return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
    }
    for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
      int r = comparePre(pre.get(i), o.pre.get(i));
      if (r != 0) {
        return r;
      }
    }
    return Integer.compare(pre.size(), o.pre.size());
  }

  private static int comparePre(String a, String b) {
    boolean an = isNumeric(a);
    boolean bn = isNumeric(b);
    if (an && bn) {
      return Long.compareUnsigned(Long.parseUnsignedLong(a), Long.parseUnsignedLong(b));
    }
    if (an != bn) {
      return an ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  /** {@code MAJOR.MINOR.PATCH[-pre][+build]}, without a {@code v}, as Go's {@code Version.String()}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder()
        .append(Long.toUnsignedString(major)).append('.')
        .append(Long.toUnsignedString(minor)).append('.')
        .append(Long.toUnsignedString(patch));
    if (!pre.isEmpty()) {
      sb.append('-').append(String.join(".", pre));
    }
    if (!build.isEmpty()) {
      sb.append('+').append(String.join(".", build));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Semver s && compareTo(s) == 0 && build.equals(s.build);
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, pre, build);
  }
}
