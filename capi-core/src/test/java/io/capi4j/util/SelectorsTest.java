package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorsTest {

  private static LabelSelectorBuilder labels(Map<String, String> m) {
    return new LabelSelectorBuilder().withMatchLabels(m);
  }

  private static LabelSelector expr(String key, String op, String... values) {
    return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(op).withValues(values)
        .endMatchExpression().build();
  }

  @Test
  void toStringSortsRequirementsByKey() {
    LabelSelector s = labels(Map.of("b", "2", "a", "1"))
        .addNewMatchExpression().withKey("d").withOperator("DoesNotExist").endMatchExpression()
        .addNewMatchExpression().withKey("c").withOperator("In").withValues("y", "x").endMatchExpression()
        .addNewMatchExpression().withKey("aa").withOperator("Exists").endMatchExpression()
        .addNewMatchExpression().withKey("e").withOperator("NotIn").withValues("z").endMatchExpression()
        .build();
    assertThat(Selectors.toString(s)).isEqualTo("a=1,aa,b=2,c in (x,y),!d,e notin (z)");
    assertThat(Selectors.toString(new LabelSelector())).isEmpty();
    assertThat(Selectors.toString(null)).isEmpty();
  }

  @Test
  void matches() {
    Map<String, String> l = Map.of("foo", "bar", "env", "prod");
    assertThat(Selectors.matches(labels(Map.of("foo", "bar")).build(), l)).isTrue();
    assertThat(Selectors.matches(labels(Map.of("foo", "baz")).build(), l)).isFalse();
    assertThat(Selectors.matches(labels(Map.of("foo", "bar", "hello", "world")).build(), l)).isFalse();
    assertThat(Selectors.matches(expr("env", "In", "prod", "dev"), l)).isTrue();
    assertThat(Selectors.matches(expr("env", "In", "dev"), l)).isFalse();
    assertThat(Selectors.matches(expr("missing", "In", "x"), l)).isFalse();
    assertThat(Selectors.matches(expr("env", "NotIn", "dev"), l)).isTrue();
    assertThat(Selectors.matches(expr("missing", "NotIn", "x"), l)).isTrue();
    assertThat(Selectors.matches(expr("env", "NotIn", "prod"), l)).isFalse();
    assertThat(Selectors.matches(expr("env", "Exists"), l)).isTrue();
    assertThat(Selectors.matches(expr("missing", "Exists"), l)).isFalse();
    assertThat(Selectors.matches(expr("missing", "DoesNotExist"), l)).isTrue();
    assertThat(Selectors.matches(expr("env", "DoesNotExist"), l)).isFalse();
    assertThat(Selectors.matches(new LabelSelector(), l)).isTrue();
    assertThat(Selectors.matches(new LabelSelector(), Map.of())).isTrue();
    assertThat(Selectors.isEmpty(new LabelSelector())).isTrue();
    assertThat(Selectors.isEmpty(expr("env", "Exists"))).isFalse();
  }

  private static final String NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must"
      + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
      + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
      + " 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  @Test
  void conversionErrors() {
    assertThat(Selectors.conversionError(labels(Map.of("foo", "bar")).build())).isEmpty();
    assertThat(Selectors.conversionError(new LabelSelector())).isEmpty();
    assertThat(Selectors.conversionError(labels(Map.of("-123-foo", "bar")).build()))
        .contains("key: Invalid value: \"-123-foo\": " + NAME_PART);
    assertThat(Selectors.conversionError(labels(Map.of("foo", "-bad-")).build()))
        .contains("values[0][foo]: Invalid value: \"-bad-\": " + LABEL_VALUE);
    assertThat(Selectors.conversionError(labels(Map.of("-k", "-v")).build()))
        .contains("[key: Invalid value: \"-k\": " + NAME_PART + ", values[0][-k]: Invalid value: \"-v\": " + LABEL_VALUE + "]");
    assertThat(Selectors.conversionError(expr("a", "In")))
        .contains("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
    assertThat(Selectors.conversionError(expr("a", "Exists", "x", "y")))
        .contains("values: Invalid value: []string{\"x\", \"y\"}: values set must be empty for exists and does not exist");
    assertThat(Selectors.conversionError(expr("a", "Gt", "1"))).contains("\"Gt\" is not a valid label selector operator");
    assertThat(Selectors.conversionError(expr("a", "In", "ok", "-no")))
        .contains("values[1][a]: Invalid value: \"-no\": " + LABEL_VALUE);
  }

  @Test
  void firstBrokenRequirementWins() {
    LabelSelector s = labels(Map.of("z-ok", "v", "-a", "v")).addNewMatchExpression().withKey("x").withOperator("Nope")
        .endMatchExpression().build();
    assertThat(Selectors.conversionError(s)).contains("key: Invalid value: \"-a\": " + NAME_PART);
  }

  @Test
  void nullsInASelectorReadAsEmptyStringsAsInGo() {
    java.util.Map<String, String> matchLabels = new java.util.HashMap<>();
    matchLabels.put("a", null);
    matchLabels.put(null, "b");
    LabelSelector s = new LabelSelectorBuilder().withMatchLabels(matchLabels)
        .addNewMatchExpression().withKey("k").withOperator("In").withValues(java.util.Arrays.asList("y", null))
        .endMatchExpression().build();
    assertThat(Selectors.toString(s)).isEqualTo("=b,a=,k in (,y)");
    assertThat(Selectors.conversionError(s)).hasValueSatisfying(e -> assertThat(e).startsWith("key: Invalid value: \"\""));
    assertThat(Selectors.matches(s, Map.of("", "b", "a", "", "k", "y"))).isTrue();
    assertThat(Selectors.matches(s, Map.of("a", "x"))).isFalse();
  }
}
