package io.capi4j.util;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Go's {@code text/template} that Cluster API's name templates use: actions that read a field path,
 * such as {@code {{ .machineSet.name }}} or {@code {{ .random }}}, with {@code missingkey=error}.
 */
public final class NameTemplate {
  private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
  private static final Pattern FIELD = Pattern.compile("(\\.[A-Za-z_][A-Za-z0-9_]*)+");

  private NameTemplate() {}

  /**
   * Renders the template with the data: a map whose values are strings or nested maps.
   *
   * @throws IllegalArgumentException with a message like Go's ({@code parsing template ...} or
   *     {@code rendering template ...})
   */
  public static String render(String template, Map<String, ?> data) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    Matcher m = ACTION.matcher(template);
    while (m.find(pos)) {
      String between = template.substring(pos, m.start());
      if (between.contains("}}")) {
        break;
      }
      out.append(between);
      String action = m.group(1);
      if (!FIELD.matcher(action).matches()) {
        throw new IllegalArgumentException(
            "parsing template \"" + template + "\": template: template:1: unsupported action \"" + action + "\"");
      }
      Object cur = data;
      StringBuilder walked = new StringBuilder();
      for (String key : action.substring(1).split("\\.")) {
        walked.append('.').append(key);
        if (!(cur instanceof Map<?, ?> map) || !map.containsKey(key)) {
          throw new IllegalArgumentException(
              "rendering template: template: template:1: executing \"template\" at <" + walked
                  + ">: map has no entry for key \"" + key + "\"");
        }
        cur = map.get(key);
      }
      out.append(cur);
      pos = m.end();
    }
    String rest = template.substring(pos);
    if (rest.contains("{{")) {
      throw new IllegalArgumentException(
          "parsing template \"" + template + "\": template: template:1: unclosed action");
    }
    return out.append(rest).toString();
  }
}
