package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesNamesTest {
  private static final String QUALIFIED_REGEX = "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'";
  private static final String NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must"
      + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', " + QUALIFIED_REGEX + ")";
  private static final String LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
      + " 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  private static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
      + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used"
      + " for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  @ParameterizedTest
  @ValueSource(strings = {"foo", "Foo_Bar.baz-1", "example.com/foo", "cluster.x-k8s.io/cluster-name", "a", "1"})
  void qualifiedNames(String s) {
    assertThat(KubernetesNames.isQualifiedName(s)).isEmpty();
  }

  @Test
  void qualifiedNameErrors() {
    assertThat(KubernetesNames.isQualifiedName("/foo")).containsExactly("prefix part must be non-empty");
    assertThat(KubernetesNames.isQualifiedName("foo/")).containsExactly("name part must be non-empty", NAME_PART);
    assertThat(KubernetesNames.isQualifiedName("")).containsExactly("name part must be non-empty", NAME_PART);
    assertThat(KubernetesNames.isQualifiedName("-123-foo")).containsExactly(NAME_PART);
    assertThat(KubernetesNames.isQualifiedName("a".repeat(64)))
        .containsExactly("name part must be no more than 63 characters");
    assertThat(KubernetesNames.isQualifiedName("Example.com/foo")).containsExactly("prefix part " + SUBDOMAIN);
    assertThat(KubernetesNames.isQualifiedName("a/b/c")).containsExactly(
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
            + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', " + QUALIFIED_REGEX + ") with an"
            + " optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
  }

  @Test
  void labelValues() {
    assertThat(KubernetesNames.isValidLabelValue("")).isEmpty();
    assertThat(KubernetesNames.isValidLabelValue("a".repeat(63))).isEmpty();
    assertThat(KubernetesNames.isValidLabelValue("thisNameContains.A_Non-Alphanumeric")).isEmpty();
    assertThat(KubernetesNames.isValidLabelValue("a".repeat(64))).containsExactly("must be no more than 63 characters");
    assertThat(KubernetesNames.isValidLabelValue("-a")).containsExactly(LABEL_VALUE);
    assertThat(KubernetesNames.isValidLabelValue("a.")).containsExactly(LABEL_VALUE);
    assertThat(KubernetesNames.isValidLabelValue("a\n")).containsExactly(LABEL_VALUE);
    // Go counts bytes: 32 two-byte characters are 64 bytes.
    assertThat(KubernetesNames.isValidLabelValue("é".repeat(32)))
        .containsExactly("must be no more than 63 characters", LABEL_VALUE);
  }

  @Test
  void dns1123Subdomains() {
    assertThat(KubernetesNames.isDNS1123Subdomain("example.com")).isEmpty();
    assertThat(KubernetesNames.isDNS1123Subdomain("machineset-abcde")).isEmpty();
    assertThat(KubernetesNames.isDNS1123Subdomain("a".repeat(253))).isEmpty();
    assertThat(KubernetesNames.isDNS1123Subdomain("Example.com")).containsExactly(SUBDOMAIN);
    assertThat(KubernetesNames.isDNS1123Subdomain("machineset-abcde-")).containsExactly(SUBDOMAIN);
    assertThat(KubernetesNames.isDNS1123Subdomain("a..b")).containsExactly(SUBDOMAIN);
    assertThat(KubernetesNames.isDNS1123Subdomain("a".repeat(254))).containsExactly("must be no more than 253 characters");
    assertThat(KubernetesNames.isDNS1123Subdomain("")).containsExactly(SUBDOMAIN);
  }

  @Test
  void dns1123Labels() {
    assertThat(KubernetesNames.isDNS1123Label("my-name")).isEmpty();
    assertThat(KubernetesNames.isDNS1123Label("my.name")).hasSize(1);
    assertThat(KubernetesNames.isDNS1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
  }

  @Test
  void mustFormatValueKeepsValidLabelValues() {
    assertThat(KubernetesNames.mustFormatValue("test-ms")).isEqualTo("test-ms");
    assertThat(KubernetesNames.mustFormatValue("")).isEqualTo("");
    assertThat(KubernetesNames.mustFormatValue("a".repeat(63))).isEqualTo("a".repeat(63));
  }

  /**
   * A value that is not a label value becomes {@code hash_<base64url-nopad(fnv32a(value))>_z}. The expected values
   * were worked out by hand:
   *
   * <p>FNV-32a starts from the offset basis 0x811c9dc5 and, for each byte, XORs the byte in and multiplies by the
   * prime 0x01000193 modulo 2^32. For {@code "-bad"} (bytes 2d 62 61 64):
   *
   * <pre>
   *   0x811c9dc5 ^ 0x2d = 0x811c9de8, * prime = 0x280c9438
   *   0x280c9438 ^ 0x62 = 0x280c945a, * prime = 0x65cd89ae
   *   0x65cd89ae ^ 0x61 = 0x65cd89cf, * prime = 0x118ff0dd
   *   0x118ff0dd ^ 0x64 = 0x118ff0b9, * prime = 0x5e97f33b
   * </pre>
   *
   * The sum is the hash's 4 bytes big-endian, 5e 97 f3 3b = 01011110 10010111 11110011 00111011. In groups of six
   * bits (the last one padded with zeros, no '=' padding): 010111=23 'X', 101001=41 'p', 011111=31 'f', 110011=51
   * 'z', 001110=14 'O', 110000=48 'w', so {@code hash_XpfzOw_z}.
   *
   * <p>The 69-character name below hashes the same way to 0xec960d2a: bytes ec 96 0d 2a = 11101100 10010110
   * 00001101 00101010, groups 111011=59 '7', 001001=9 'J', 011000=24 'Y', 001101=13 'N', 001010=10 'K', 100000=32
   * 'g', so {@code hash_7JYNKg_z}.
   */
  @Test
  void mustFormatValueHashesOtherValues() {
    assertThat(KubernetesNames.mustFormatValue("-bad")).isEqualTo("hash_XpfzOw_z");
    String longName = "this-machine-set-name-is-much-longer-than-sixty-three-characters-long";
    assertThat(longName).hasSize(69);
    assertThat(KubernetesNames.mustFormatValue(longName)).isEqualTo("hash_7JYNKg_z");
    assertThat(KubernetesNames.isValidLabelValue(KubernetesNames.mustFormatValue(longName))).isEmpty();
  }
}
