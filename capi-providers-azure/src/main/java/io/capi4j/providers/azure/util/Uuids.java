package io.capi4j.providers.azure.util;

import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** UUIDs as CAPZ generates and checks them ({@code uuid.NewUUID}, {@code uuid.Parse}). */
public final class Uuids {
  private Uuids() {}

  private static final Pattern CANONICAL =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern HEX32 = Pattern.compile("^[0-9a-fA-F]{32}$");

  /** A random (version 4) UUID drawn from {@code random}. */
  public static String random(RandomGenerator random) {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /**
   * Whether google/uuid's {@code Parse} accepts {@code s}: the canonical form, optionally in braces or with a
   * {@code urn:uuid:} prefix, or 32 hex digits.
   */
  public static boolean isValid(String s) {
    String t = s;
    if (t.length() == 36 + 9 && t.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
      t = t.substring(9);
    } else if (t.length() == 38 && t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, 37);
    }
    return CANONICAL.matcher(t).matches() || HEX32.matcher(t).matches();
  }

  /** Empty when {@link #isValid}, else a reason. */
  public static Optional<String> check(String s) {
    return isValid(s) ? Optional.empty() : Optional.of("invalid UUID " + s);
  }
}
