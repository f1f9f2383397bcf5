package io.capi4j.util;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' name and label rules ({@code k8s.io/apimachinery/pkg/util/validation}), with apimachinery's error
 * texts, and Cluster API's {@code format.MustFormatValue}.
 */
public final class KubernetesNames {
  private KubernetesNames() {}

  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED_NAME = Pattern.compile("^" + QUALIFIED_NAME_FMT + "$");
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final Pattern LABEL_VALUE = Pattern.compile("^" + LABEL_VALUE_FMT + "$");
  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("^" + DNS1123_SUBDOMAIN_FMT + "$");
  private static final Pattern DNS1123_LABEL = Pattern.compile("^" + DNS1123_LABEL_FMT + "$");

  /** {@code validation.IsQualifiedName}: the messages of every broken rule, empty when valid. */
  public static List<String> isQualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    switch (parts.length) {
      case 1 -> name = parts[0];
      case 2 -> {
        String prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty()) {
          errs.add("prefix part must be non-empty");
        } else {
          for (String m : isDNS1123Subdomain(prefix)) {
            errs.add("prefix part " + m);
          }
        }
      }
      default -> {
        errs.add(
            "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
                + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '"
                + QUALIFIED_NAME_FMT
                + "') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (byteLength(name) > 63) {
      errs.add("name part must be no more than 63 characters");
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add(
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
              + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '"
              + QUALIFIED_NAME_FMT
              + "')");
    }
    return errs;
  }

  /** {@code validation.IsValidLabelValue}. */
  public static List<String> isValidLabelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must"
              + " start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex"
              + " used for validation is '"
              + LABEL_VALUE_FMT
              + "')");
    }
    return errs;
  }

  /** {@code validation.IsDNS1123Subdomain}. */
  public static List<String> isDNS1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > 253) {
      errs.add("must be no more than 253 characters");
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must"
              + " start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '"
              + DNS1123_SUBDOMAIN_FMT
              + "')");
    }
    return errs;
  }

  /** {@code validation.IsDNS1123Label}. */
  public static List<String> isDNS1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      errs.add(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and"
              + " end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '"
              + DNS1123_LABEL_FMT
              + "')");
    }
    return errs;
  }

  /**
   * Cluster API's {@code format.MustFormatValue}: the value itself when it is a valid label value, otherwise
   * {@code hash_<base64url(fnv32a(value))>_z}.
   */
  public static String mustFormatValue(String value) {
    if (isValidLabelValue(value).isEmpty()) {
      return value;
    }
    int h = 0x811c9dc5;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    byte[] sum = {(byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8), (byte) h};
    return "hash_" + Base64.getUrlEncoder().withoutPadding().encodeToString(sum) + "_z";
  }

  /** Go's {@code len(s)}: the length in UTF-8 bytes, which is what apimachinery's length limits count. */
  static int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
