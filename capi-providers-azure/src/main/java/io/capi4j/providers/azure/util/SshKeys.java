package io.capi4j.providers.azure.util;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * SSH public keys as CAPZ handles them: {@code sshPublicKey} fields hold the base64 of an authorized-keys line.
 * Validation follows {@code golang.org/x/crypto/ssh.ParseAuthorizedKey} for the key types CAPZ users meet (RSA,
 * ECDSA, Ed25519, DSA and their security-key variants; certificates are not recognised). Generation follows
 * {@code util/ssh.GenerateSSHKey}: an RSA-2048 key with exponent 65537, drawn from the caller's generator.
 */
public final class SshKeys {
  private SshKeys() {}

  /**
   * CAPZ's {@code ValidateSSHKey} outcome for a field value: empty when valid, else CAPZ's message.
   */
  public static Optional<String> validate(String base64Key) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64Key.replace("\r", "").replace("\n", ""));
    } catch (IllegalArgumentException e) {
      return Optional.of("the SSH public key is not properly base64 encoded");
    }
    return parseAuthorizedKey(new String(decoded, StandardCharsets.ISO_8859_1))
        ? Optional.empty()
        : Optional.of("the SSH public key is not valid");
  }

  /** Whether {@code text} holds an authorized-keys line with a parseable key (options allowed). */
  public static boolean parseAuthorizedKey(String text) {
    for (String raw : text.split("\n", -1)) {
      String line = raw;
      int cr = line.indexOf('\r');
      if (cr >= 0) {
        line = line.substring(0, cr);
      }
      line = line.strip();
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      int i = indexOfSpace(line, 0);
      if (i < 0) {
        continue;
      }
      if (parseKeyField(line.substring(i))) {
        return true;
      }
      // Perhaps an options field comes first: skip it (quotes may hide spaces), then the type.
      int end = skipOptions(line);
      String rest = line.substring(end).strip();
      int j = indexOfSpace(rest, 0);
      if (j < 0) {
        continue;
      }
      if (parseKeyField(rest.substring(j))) {
        return true;
      }
    }
    return false;
  }

  private static int skipOptions(String line) {
    boolean inQuote = false;
    int i = 0;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!inQuote && (c == ' ' || c == '\t')) {
        break;
      }
      if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        inQuote = !inQuote;
      }
    }
    return i;
  }

  private static int indexOfSpace(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }

  /** {@code parseAuthorizedKey}: "base64 [comment]" after the key type. */
  private static boolean parseKeyField(String in) {
    String t = in.strip();
    int i = indexOfSpace(t, 0);
    String b64 = i < 0 ? t : t.substring(0, i);
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return parsePublicKey(blob);
  }

  /** {@code ssh.ParsePublicKey} for the supported algorithms: the wire format must be complete and exact. */
  static boolean parsePublicKey(byte[] blob) {
    try {
      ByteBuffer b = ByteBuffer.wrap(blob);
      String algo = new String(readString(b), StandardCharsets.ISO_8859_1);
      switch (algo) {
        case "ssh-rsa" -> {
          BigInteger e = readMpint(b);
          BigInteger n = readMpint(b);
          if (e.signum() <= 0 || e.bitLength() > 24 || e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0)
              || n.signum() <= 0) {
            return false;
          }
        }
        case "ssh-dss" -> {
          for (int k = 0; k < 4; k++) {
            readMpint(b);
          }
        }
        case "ssh-ed25519" -> {
          if (readString(b).length != 32) {
            return false;
          }
        }
        case "sk-ssh-ed25519@openssh.com" -> {
          if (readString(b).length != 32) {
            return false;
          }
          readString(b);
        }
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> {
          String curve = new String(readString(b), StandardCharsets.ISO_8859_1);
          if (!algo.endsWith(curve) || !validPoint(readString(b), curve)) {
            return false;
          }
        }
        case "sk-ecdsa-sha2-nistp256@openssh.com" -> {
          String curve = new String(readString(b), StandardCharsets.ISO_8859_1);
          if (!curve.equals("nistp256") || !validPoint(readString(b), curve)) {
            return false;
          }
          readString(b);
        }
        default -> {
          return false;
        }
      }
      return !b.hasRemaining();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean validPoint(byte[] point, String curve) {
    int size = switch (curve) {
      case "nistp256" -> 32;
      case "nistp384" -> 48;
      default -> 66;
    };
    return point.length == 1 + 2 * size && point[0] == 4;
  }

  private static byte[] readString(ByteBuffer b) {
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new IllegalArgumentException("short read");
    }
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }

  private static BigInteger readMpint(ByteBuffer b) {
    byte[] raw = readString(b);
    return raw.length == 0 ? BigInteger.ZERO : new BigInteger(raw);
  }

  /**
   * {@code GenerateSSHKey} then {@code base64(MarshalAuthorizedKey(pub))}: a fresh RSA-2048 public key as CAPZ's
   * defaulting webhooks store it. The private key is discarded, as upstream does.
   */
  public static String generateBase64AuthorizedKey(RandomGenerator random) {
    Random rnd = new Random() {
      private static final long serialVersionUID = 1L;

      @Override
      protected int next(int bits) {
        return random.nextInt() >>> (32 - bits);
      }
    };
    BigInteger e = BigInteger.valueOf(65537);
    BigInteger n;
    while (true) {
      BigInteger p = BigInteger.probablePrime(1024, rnd);
      BigInteger q = BigInteger.probablePrime(1024, rnd);
      if (p.equals(q)) {
        continue;
      }
      n = p.multiply(q);
      BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
      if (n.bitLength() == 2048 && phi.gcd(e).equals(BigInteger.ONE)) {
        break;
      }
    }
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    writeString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
    writeString(blob, e.toByteArray());
    writeString(blob, n.toByteArray());
    String line = "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + "\n";
    return Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.US_ASCII));
  }

  private static void writeString(ByteArrayOutputStream out, byte[] data) {
    out.write(data.length >>> 24);
    out.write(data.length >>> 16);
    out.write(data.length >>> 8);
    out.write(data.length);
    out.writeBytes(data);
  }
}
