package io.capi4j.util;

import java.util.random.RandomGenerator;

/**
 * Random name suffixes as Kubernetes makes them ({@code k8s.io/apimachinery/pkg/util/rand.String}): lowercase
 * consonants and digits without vowels or look-alikes, so that no word is formed. The random source is always
 * the caller's, so that a seeded generator gives the same names every run.
 */
public final class RandomNames {
  /** The alphabet of {@code rand.String}. */
  public static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private RandomNames() {}

  /** {@code n} random characters from {@link #ALPHABET}. */
  public static String suffix(RandomGenerator random, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** Five random characters, the length upstream uses for MachineSet and Machine names. */
  public static String suffix(RandomGenerator random) {
    return suffix(random, 5);
  }
}
