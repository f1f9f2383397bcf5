package io.capi4j.util;

/**
 * Go's {@code strconv} functions that Cluster API's rules use, with Go's error texts: {@link #atoi Atoi},
 * {@link #parseInt32 ParseInt(s, 10, 32)} and {@link #quote Quote}.
 */
public final class GoStrconv {
  private GoStrconv() {}

  /**
   * {@code strconv.Atoi} on a 64-bit platform (Go's {@code int} is 64 bits there): an optional {@code +} or
   * {@code -}, then ASCII digits only; no spaces, no underscores.
   *
   * @throws NumberFormatException with Go's message, e.g. {@code strconv.Atoi: parsing "abc": invalid syntax}
   */
  public static long atoi(String s) {
    return parse(s, "strconv.Atoi", 64);
  }

  /**
   * {@code strconv.ParseInt(s, 10, 32)}.
   *
   * @throws NumberFormatException with Go's message, e.g. {@code strconv.ParseInt: parsing "9999999999": value out
   *     of range}
   */
  public static int parseInt32(String s) {
    return (int) parse(s, "strconv.ParseInt", 32);
  }

  private static long parse(String s, String fn, int bits) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (start == s.length()) {
      throw new NumberFormatException(fn + ": parsing " + quote(s) + ": invalid syntax");
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(fn + ": parsing " + quote(s) + ": invalid syntax");
      }
    }
    long v;
    try {
      v = Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      throw outOfRange(fn, s);
    }
    if (bits == 32 && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
      throw outOfRange(fn, s);
    }
    return v;
  }

  private static NumberFormatException outOfRange(String fn, String s) {
    return new NumberFormatException(fn + ": parsing " + quote(s) + ": value out of range");
  }

  /**
   * Go's {@code strconv.Quote} (and so {@code %q}): a double-quoted string with Go escapes for quotes, backslashes,
   * control characters and characters that are not printable.
   */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else if (isPrint(cp)) {
            sb.appendCodePoint(cp);
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    });
    return sb.append('"').toString();
  }

  /** An approximation of Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  private static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
