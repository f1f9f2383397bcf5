package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemverTest {

  @ParameterizedTest
  @ValueSource(strings = {"1.17.2", "1.19.0-alpha.1", "0.0.0", "1.2.3+build.5", "1.2.3-rc.1+meta-data.01",
      "1.2.3-0", "1.2.3-0a", "1.2.3-x-y", "18446744073709551615.0.0", "1.2.3-18446744073709551615"})
  void strictParseAccepts(String s) {
    assertThat(Semver.parse(s)).as(s).isPresent();
    assertThat(Semver.parse(s).orElseThrow().toString()).isEqualTo(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v1.17.2", "1.17.2++", "1", "1.2", "1.19.1.1", "01.2.3", "1.02.3", "1.2.03", "1.2.3-01",
      "1.2.3-", "1.2.3+", "1.2.3-a..b", "1.2.3+a..b", "1.2.3-a_b", "1.2.3+a_b", " 1.2.3", "1.2.3 ", "1.-2.3",
      "18446744073709551616.0.0", "1.2.3-18446744073709551616", "wrong_version", "1.2.x", "١.2.3"})
  void strictParseRejects(String s) {
    assertThat(Semver.parse(s)).as("[" + s + "]").isEmpty();
  }

  @Test
  void parts() {
    Semver v = Semver.parse("1.19.0-alpha.1+b2").orElseThrow();
    assertThat(v.major()).isEqualTo(1);
    assertThat(v.minor()).isEqualTo(19);
    assertThat(v.patch()).isZero();
    assertThat(v.pre()).containsExactly("alpha", "1");
    assertThat(v.build()).containsExactly("b2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v1.2.3|1.2.3", "' v1.2 '|1.2.0", "1|1.0.0", "v1.02.03|1.2.3", "1.2.3-alpha|1.2.3-alpha", "00.0.0|0.0.0",
      "1.2.3+b|1.2.3+b", "v1.2.03-rc.1|1.2.3-rc.1", "v1.30.0+build.10|1.30.0+build.10", "1.2.0-rc.1|1.2.0-rc.1"})
  void parseTolerant(String in, String want) {
    assertThat(Semver.parseTolerant(in).map(Semver::toString)).contains(want);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2-alpha", "v1+b", "vv1.2.3", "1.2.3.4", "", "v", "x1.2.3"})
  void parseTolerantRejects(String in) {
    assertThat(Semver.parseTolerant(in)).as(in).isEmpty();
  }

  @Test
  void ordering() {
    // The example of semver.org §11, plus patch, minor, major steps and unsigned numbers.
    List<String> sorted = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0", "9223372036854775807.0.0",
        "9223372036854775808.0.0");
    List<Semver> versions = new ArrayList<>(sorted.stream().map(s -> Semver.parse(s).orElseThrow()).toList());
    Collections.shuffle(versions, new Random(42));
    Collections.sort(versions);
    assertThat(versions).extracting(Semver::toString).containsExactlyElementsOf(sorted);
  }

  @Test
  void buildMetadataDoesNotOrderButIsPartOfEquality() {
    Semver a = Semver.parse("1.0.0+a").orElseThrow();
    Semver b = Semver.parse("1.0.0+b").orElseThrow();
    assertThat(a.compareTo(b)).isZero();
    assertThat(a).isNotEqualTo(b);
    assertThat(a).isEqualTo(Semver.parse("1.0.0+a").orElseThrow()).hasSameHashCodeAs(Semver.parse("1.0.0+a").orElseThrow());
  }

  @Test
  void numericPreReleaseBelowAlphanumeric() {
    assertThat(Semver.parse("1.0.0-1").orElseThrow()).isLessThan(Semver.parse("1.0.0-a").orElseThrow());
    assertThat(Semver.parse("1.0.0-9").orElseThrow()).isLessThan(Semver.parse("1.0.0-10").orElseThrow());
    assertThat(Semver.parse("1.0.0-B").orElseThrow()).isLessThan(Semver.parse("1.0.0-a").orElseThrow());
  }
}
