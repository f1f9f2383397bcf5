package io.capi4j.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A semantic version as blang/semver v4 parses it: strict {@code MAJOR.MINOR.PATCH[-pre][+build]}, no leading
 * zeros. {@link #parseTolerant} accepts a leading {@code v} and missing minor/patch, as {@code ParseTolerant}
 * does.
 */
public record Semver(long major, long minor, long patch, List<String> pre, List<String> build)
    implements Comparable<Semver> {
  private static final Pattern IDENT = Pattern.compile("[0-9A-Za-z-]+");

  public Semver {
    pre = List.copyOf(pre);
    build = List.copyOf(build);
  }

  /** Strict parse (blang {@code semver.Parse}); empty when invalid. */
  public static Optional<Semver> parse(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    String main = s;
    List<String> build = new ArrayList<>();
    int plus = main.indexOf('+');
    if (plus >= 0) {
      for (String b : main.substring(plus + 1).split("\\.", -1)) {
        if (!IDENT.matcher(b).matches()) {
          return Optional.empty();
        }
        build.add(b);
      }
      main = main.substring(0, plus);
    }
    List<String> pre = new ArrayList<>();
    int dash = main.indexOf('-');
    if (dash >= 0) {
      for (String p : main.substring(dash + 1).split("\\.", -1)) {
        if (!IDENT.matcher(p).matches()) {
          return Optional.empty();
        }
        if (p.chars().allMatch(Character::isDigit) && p.length() > 1 && p.charAt(0) == '0') {
          return Optional.empty();
        }
        pre.add(p);
      }
      main = main.substring(0, dash);
    }
    String[] parts = main.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    long[] nums = new long[3];
    for (int i = 0; i < 3; i++) {
      String p = parts[i];
      if (p.isEmpty() || !p.chars().allMatch(c -> c >= '0' && c <= '9') || (p.length() > 1 && p.charAt(0) == '0')) {
        return Optional.empty();
      }
      try {
        nums[i] = Long.parseLong(p);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new Semver(nums[0], nums[1], nums[2], pre, build));
  }

  /** blang {@code ParseTolerant}: trims spaces, drops one leading {@code v}, fills a missing minor/patch with 0. */
  public static Optional<Semver> parseTolerant(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String t = s.trim();
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    String rest = "";
    int cut = indexOfAny(t, '-', '+');
    String core = cut >= 0 ? t.substring(0, cut) : t;
    rest = cut >= 0 ? t.substring(cut) : "";
    String[] parts = core.split("\\.", -1);
    if (parts.length > 3) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder(core);
    for (int i = parts.length; i < 3; i++) {
      sb.append(".0");
    }
    return parse(sb + rest);
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    if (j < 0) {
      return i;
    }
    return Math.min(i, j);
  }

  @Override
  public int compareTo(Semver o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre.isEmpty() && o.pre.isEmpty()) {
      return 0;
    }
    if (pre.isEmpty()) {
      return 1;
    }
    if (o.pre.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < Math.min(pre.size(), o.pre.size()); i++) {
      String a = pre.get(i);
      String b = o.pre.get(i);
      boolean an = a.chars().allMatch(Character::isDigit);
      boolean bn = b.chars().allMatch(Character::isDigit);
      int r;
      if (an && bn) {
        r = Long.compare(Long.parseLong(a), Long.parseLong(b));
      } else if (an) {
        r = -1;
      } else if (bn) {
        r = 1;
      } else {
        r = a.compareTo(b);
      }
      if (r != 0) {
        return r;
      }
    }
    return Integer.compare(pre.size(), o.pre.size());
  }

  /** {@code MAJOR.MINOR.PATCH[-pre][+build]}, without a {@code v}, as Go's {@code semver.String()}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
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
