package io.capi4j.machineset;

import io.capi4j.util.Semver;
import java.util.List;

/** Upstream's {@code util/version.Compare(a, b, WithBuildTags())}: semver order, then build identifiers. */
final class Versions {
  private Versions() {}

  static int compareWithBuildTags(Semver a, Semver b) {
    int c = a.compareTo(b);
    if (c != 0) {
      return Integer.signum(c);
    }
    return compareBuild(a.build(), b.build());
  }

  // Identifier by identifier: both numeric by value, both alphanumeric by text, numeric before alphanumeric;
  // when one list is a prefix of the other, the longer one is greater.
  private static int compareBuild(List<String> a, List<String> b) {
    int i = 0;
    for (; i < a.size() && i < b.size(); i++) {
      int c = compareIdentifier(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    if (i == a.size() && i == b.size()) {
      return 0;
    }
    return i == a.size() ? -1 : 1;
  }

  private static int compareIdentifier(String a, String b) {
    boolean an = isNumeric(a);
    boolean bn = isNumeric(b);
    if (an && bn) {
      return Integer.signum(new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b)));
    }
    if (!an && !bn) {
      return Integer.signum(a.compareTo(b));
    }
    return an ? -1 : 1;
  }

  private static boolean isNumeric(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }
}
