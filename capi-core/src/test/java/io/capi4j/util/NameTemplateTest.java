package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTemplateTest {
  private static final Map<String, Object> DATA =
      Map.of("cluster", Map.of("name", "c1"), "machineSet", Map.of("name", "ms"), "random", "abcde");

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', value = {
      "{{ .cluster.name }}-{{ .machineSet.name }}-{{ .random }}|c1-ms-abcde",
      "{{.random}}|abcde",
      "plain|plain",
      "''|''",
      "a  {{- .random -}}  b|aabcdeb",
      "a {{ .random -}} b|a abcdeb",
      "{{/* a comment */}}x|x",
      "a}}{{ .random }}|a}}abcde",
      "{{ .cluster }}|map[name:c1]"})
  void renders(String template, String want) {
    assertThat(NameTemplate.render(template, DATA)).isEqualTo(want);
  }

  @Test
  void missingKey() {
    assertThatThrownBy(() -> NameTemplate.render("template name generator", "{{ .cluster.nam }}", DATA))
        .hasMessage("rendering template: template: template name generator:1:3: executing \"template name generator\""
            + " at <.cluster.nam>: map has no entry for key \"nam\"");
    assertThatThrownBy(() -> NameTemplate.render("x\n{{.nope}}", DATA))
        .hasMessage("rendering template: template: template:2:2: executing \"template\" at <.nope>: map has no entry for"
            + " key \"nope\"");
  }

  @Test
  void fieldOfAString() {
    assertThatThrownBy(() -> NameTemplate.render("{{ .random.x }}", DATA))
        .hasMessage("rendering template: template: template:1:3: executing \"template\" at <.random.x>: can't evaluate"
            + " field x in type string");
  }

  @Test
  void parseErrors() {
    assertThatThrownBy(() -> NameTemplate.render("{{ .random", DATA))
        .hasMessage("parsing template \"{{ .random\": template: template:1: unclosed action");
    assertThatThrownBy(() -> NameTemplate.render("{{ lower .random }}", DATA))
        .hasMessage("parsing template \"{{ lower .random }}\": template: template:1: function \"lower\" not defined");
    assertThatThrownBy(() -> NameTemplate.render("{{}}", DATA))
        .hasMessage("parsing template \"{{}}\": template: template:1: missing value for command");
    assertThatThrownBy(() -> NameTemplate.render("{{ printf \"%s\" .random }}", DATA))
        .hasMessageStartingWith("parsing template ").hasMessageContaining("unsupported action");
    assertThatThrownBy(() -> NameTemplate.render("{{/* open }}", DATA)).hasMessageContaining("unclosed comment");
  }
}
