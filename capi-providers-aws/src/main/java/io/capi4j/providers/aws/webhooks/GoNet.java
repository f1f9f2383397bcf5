package io.capi4j.providers.aws.webhooks;

import java.util.Locale;
import java.util.Optional;

/**
 * The parts of Go's {@code net/url.Parse}, {@code net.ParseIP}, {@code net.ParseCIDR} and {@code net.SplitHostPort}
 * that CAPA's Ignition proxy and TLS checks depend on. Pure string checks: nothing is resolved.
 */
final class GoNet {
  private GoNet() {}

  /** A parsed URL: its lower-cased scheme and, for URLs like {@code data:...}, the opaque part. */
  record Url(String scheme, String opaque) {}

  /** {@code url.Parse}: the URL, or empty when Go would return an error. */
  static Optional<Url> parseUrl(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Optional.empty(); // net/url: invalid control character in URL
      }
    }
    int hash = raw.indexOf('#');
    String u = hash < 0 ? raw : raw.substring(0, hash);
    if (hash >= 0 && !validEscapes(raw.substring(hash + 1))) {
      return Optional.empty();
    }
    if (u.equals("*")) {
      return Optional.of(new Url("", ""));
    }
    String scheme = "";
    String rest = u;
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (Character.isLetter(c) && c < 0x80) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          return Optional.empty(); // missing protocol scheme
        }
        scheme = u.substring(0, i).toLowerCase(Locale.ROOT);
        rest = u.substring(i + 1);
      }
      break;
    }
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return Optional.of(new Url(scheme, rest));
      }
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.contains(":")) {
        return Optional.empty(); // first path segment in URL cannot contain colon
      }
    }
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      String path = slash < 0 ? "" : authority.substring(slash);
      authority = slash < 0 ? authority : authority.substring(0, slash);
      if (!validAuthority(authority)) {
        return Optional.empty();
      }
      rest = path;
    }
    if (!validEscapes(rest)) {
      return Optional.empty(); // invalid URL escape
    }
    return Optional.of(new Url(scheme, ""));
  }

  private static boolean validAuthority(String authority) {
    int at = authority.lastIndexOf('@');
    String host = at < 0 ? authority : authority.substring(at + 1);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      if (end < 0) {
        return false; // missing ']' in host
      }
      return validOptionalPort(host.substring(end + 1));
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
      return false; // invalid port after host
    }
    return validEscapes(host);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean validEscapes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          return false;
        }
        i += 2;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** {@code net.ParseIP}: an IPv4 (no leading zeros) or IPv6 literal. */
  static boolean isIp(String s) {
    return isIpv4(s) || isIpv6(s);
  }

  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String s) {
    if (!s.contains(":")) {
      return false;
    }
    int ellipsis = s.indexOf("::");
    if (ellipsis >= 0 && s.indexOf("::", ellipsis + 1) >= 0) {
      return false;
    }
    String head = ellipsis < 0 ? s : s.substring(0, ellipsis);
    String tail = ellipsis < 0 ? "" : s.substring(ellipsis + 2);
    int groups = 0;
    for (String part : new String[] {head, tail}) {
      if (part.isEmpty()) {
        continue;
      }
      String[] fields = part.split(":", -1);
      for (int i = 0; i < fields.length; i++) {
        String f = fields[i];
        boolean lastOfAddress = i == fields.length - 1 && (part == tail || ellipsis < 0);
        if (lastOfAddress && f.contains(".")) {
          if (!isIpv4(f)) {
            return false;
          }
          groups += 2;
          continue;
        }
        if (f.isEmpty() || f.length() > 4 || !f.chars().allMatch(c -> isHex((char) c))) {
          return false;
        }
        groups++;
      }
    }
    return ellipsis >= 0 ? groups < 8 : groups == 8;
  }

  /** {@code net.ParseCIDR}: an IP literal, a slash, and a prefix length within the address size. */
  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
        || (bits.length() > 1 && bits.charAt(0) == '0')) {
      return false;
    }
    int n = Integer.parseInt(bits);
    if (isIpv4(ip)) {
      return n <= 32;
    }
    return isIpv6(ip) && n <= 128;
  }

  /** {@code net.SplitHostPort} succeeds (the port is not checked, as in Go). */
  static boolean splitsHostPort(String hostport) {
    int i = hostport.lastIndexOf(':');
    if (i < 0) {
      return false;
    }
    int j = 0;
    int k = 0;
    if (hostport.charAt(0) == '[') {
      int end = hostport.indexOf(']');
      if (end < 0 || end + 1 == hostport.length() || end + 1 != i) {
        return false;
      }
      j = 1;
      k = end + 1;
    } else if (hostport.substring(0, i).indexOf(':') >= 0) {
      return false;
    }
    return hostport.substring(j).indexOf('[') < 0 && hostport.substring(k).indexOf(']') < 0;
  }
}
