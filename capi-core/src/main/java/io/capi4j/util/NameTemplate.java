package io.capi4j.util;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The subset of Go's {@code text/template} that Cluster API's name templates use, executed with
 * {@code missingkey=error}: text, actions that print a field path such as {@code {{ .machineSet.name }}}, comments
 * (<code>{{/&#42; ... &#42;/}}</code>) and the trim markers <code>{{- </code> and <code> -}}</code>.
 *
 * <p>Anything else inside an action (functions, pipelines, {@code if}, {@code range}, variables) is rejected
 * with a parse error, although Go would accept some of it; no Cluster API name template needs it.
 */
public final class NameTemplate {
  private static final Pattern FIELD = Pattern.compile("(\\.[A-Za-z_][A-Za-z0-9_]*)+");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("if", "else", "end", "range", "with", "define", "template",
      "block", "break", "continue", "nil", "true", "false",
      // Go's built-in functions: defined in Go, but not supported here.
      "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
      "eq", "ge", "gt", "le", "lt", "ne");

  private NameTemplate() {}

  /** {@link #render(String, String, Map)} with the template name {@code template}. */
  public static String render(String template, Map<String, ?> data) {
    return render("template", template, data);
  }

  /**
   * Renders the template with the data: a map whose values are strings or nested maps.
   *
   * @param name the template's name, which Go puts in its error messages
   * @throws IllegalArgumentException with Go's message: {@code parsing template "<t>": template: <name>:<line>: ...}
   *     or {@code rendering template: template: <name>:<line>:<col>: executing "<name>" at <.a.b>: map has no entry
   *     for key "b"}
   */
  public static String render(String name, String template, Map<String, ?> data) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    while (true) {
      int open = template.indexOf("{{", pos);
      if (open < 0) {
        out.append(template, pos, template.length());
        return out.toString();
      }
      out.append(template, pos, open);
      int start = open + 2;
      if (hasTrimMarker(template, start)) {
        trimTrailingSpace(out);
        start += 2;
      }
      int close = template.indexOf("}}", start);
      if (close < 0) {
        throw parseError(name, template, open, "unclosed action");
      }
      int end = close;
      boolean trimRight = false;
      if (end - start >= 2 && template.charAt(end - 1) == '-' && isSpace(template.charAt(end - 2))) {
        trimRight = true;
        end -= 2;
      }
      String raw = template.substring(start, end);
      String action = raw.strip();
      if (raw.startsWith("/*")) {
        if (!raw.endsWith("*/")) {
          throw parseError(name, template, open, "unclosed comment");
        }
      } else if (action.isEmpty()) {
        throw parseError(name, template, open, "missing value for command");
      } else if (FIELD.matcher(action).matches()) {
        int column = start + raw.indexOf(action) - lineStart(template, start);
        out.append(lookup(name, template, action, line(template, start), column, data));
      } else if (IDENTIFIER.matcher(action.split("\\s", 2)[0]).matches()
          && !KEYWORDS.contains(action.split("\\s", 2)[0])) {
        throw parseError(name, template, open, "function \"" + action.split("\\s", 2)[0] + "\" not defined");
      } else {
        throw parseError(name, template, open, "unsupported action \"" + action + "\"");
      }
      pos = close + 2;
      if (trimRight) {
        while (pos < template.length() && isSpace(template.charAt(pos))) {
          pos++;
        }
      }
    }
  }

  private static String lookup(String name, String template, String field, int line, int column, Map<String, ?> data) {
    Object cur = data;
    for (String key : field.substring(1).split("\\.")) {
      if (cur instanceof Map<?, ?> map) {
        if (!map.containsKey(key)) {
          throw execError(name, line, column, field, "map has no entry for key \"" + key + "\"");
        }
        cur = map.get(key);
      } else {
        throw execError(name, line, column, field,
            "can't evaluate field " + key + " in type " + (cur instanceof String ? "string" : "interface {}"));
      }
    }
    return print(cur);
  }

  /** Go's {@code fmt.Print} of the value: maps as {@code map[k:v]} with sorted keys. */
  private static String print(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : new TreeMap<String, Object>(stringKeys(m)).entrySet()) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        sb.append(e.getKey()).append(':').append(print(e.getValue()));
      }
      return sb.append(']').toString();
    }
    return v == null ? "<no value>" : v.toString();
  }

  private static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> r = new TreeMap<>();
    m.forEach((k, v) -> r.put(String.valueOf(k), v));
    return r;
  }

  private static boolean hasTrimMarker(String s, int i) {
    return i + 1 < s.length() && s.charAt(i) == '-' && isSpace(s.charAt(i + 1));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static void trimTrailingSpace(StringBuilder sb) {
    int n = sb.length();
    while (n > 0 && isSpace(sb.charAt(n - 1))) {
      n--;
    }
    sb.setLength(n);
  }

  private static int line(String s, int pos) {
    int line = 1;
    for (int i = 0; i < pos; i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineStart(String s, int pos) {
    return s.lastIndexOf('\n', pos - 1) + 1;
  }

  private static IllegalArgumentException parseError(String name, String template, int pos, String msg) {
    return new IllegalArgumentException(
        "parsing template " + GoStrconv.quote(template) + ": template: " + name + ":" + line(template, pos) + ": " + msg);
  }

  private static IllegalArgumentException execError(String name, int line, int column, String field, String msg) {
    return new IllegalArgumentException("rendering template: template: " + name + ":" + line + ":" + column
        + ": executing " + GoStrconv.quote(name) + " at <" + field + ">: " + msg);
  }
}
