package io.capi4j.providers.aws.webhooks;

import io.capi4j.providers.aws.util.Blake2b;

/** CAPA's {@code eks.GenerateEKSName}: how an EKS cluster or node group gets a name from a Kubernetes object. */
public final class EksNames {
  private EksNames() {}

  /** The longest node group name CAPA generates. */
  public static final int MAX_NODEGROUP_NAME_LENGTH = 64;

  private static final String PREFIX = "capa_";
  private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

  /**
   * {@code namespace_name} with dots in the name replaced by underscores, when shorter than {@code maxLength};
   * otherwise {@code capa_} plus a 27-character base-36 BLAKE2b hash of it (32 characters in all).
   */
  public static String generate(String name, String namespace, int maxLength) {
    String eksName = namespace + "_" + name.replace(".", "_");
    if (eksName.length() < maxLength) {
      return eksName;
    }
    return PREFIX + base36TruncatedHash(eksName, 32 - PREFIX.length());
  }

  /** CAPA's {@code hash.Base36TruncatedHash}: each byte of a BLAKE2b digest of {@code length} bytes, modulo 36. */
  public static String base36TruncatedHash(String text, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (byte b : Blake2b.digest(text, length)) {
      sb.append(BASE36.charAt((b & 0xff) % 36));
    }
    return sb.toString();
  }
}
