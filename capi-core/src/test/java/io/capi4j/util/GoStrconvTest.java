package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoStrconvTest {

  @ParameterizedTest
  @CsvSource({"123,123", "+5,5", "-7,-7", "0,0", "007,7", "-0,0", "9223372036854775807,9223372036854775807",
      "-9223372036854775808,-9223372036854775808"})
  void atoi(String in, long want) {
    assertThat(GoStrconv.atoi(in)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "abc|strconv.Atoi: parsing \"abc\": invalid syntax",
      "''|strconv.Atoi: parsing \"\": invalid syntax",
      "+|strconv.Atoi: parsing \"+\": invalid syntax",
      "1_000|strconv.Atoi: parsing \"1_000\": invalid syntax",
      "' 1'|strconv.Atoi: parsing \" 1\": invalid syntax",
      "1.5|strconv.Atoi: parsing \"1.5\": invalid syntax",
      "+-1|strconv.Atoi: parsing \"+-1\": invalid syntax",
      "٣|strconv.Atoi: parsing \"٣\": invalid syntax",
      "9223372036854775808|strconv.Atoi: parsing \"9223372036854775808\": value out of range"})
  void atoiErrors(String in, String message) {
    assertThatThrownBy(() -> GoStrconv.atoi(in)).isInstanceOf(NumberFormatException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"2147483647,2147483647", "-2147483648,-2147483648", "+3,3"})
  void parseInt32(String in, int want) {
    assertThat(GoStrconv.parseInt32(in)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2147483648|strconv.ParseInt: parsing \"2147483648\": value out of range",
      "-2147483649|strconv.ParseInt: parsing \"-2147483649\": value out of range",
      "99999999999999999999|strconv.ParseInt: parsing \"99999999999999999999\": value out of range",
      "abc|strconv.ParseInt: parsing \"abc\": invalid syntax"})
  void parseInt32Errors(String in, String message) {
    assertThatThrownBy(() -> GoStrconv.parseInt32(in)).isInstanceOf(NumberFormatException.class).hasMessage(message);
  }

  @Test
  void quote() {
    assertThat(GoStrconv.quote("plain")).isEqualTo("\"plain\"");
    assertThat(GoStrconv.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(GoStrconv.quote("\n\t\r\u0007\u000b\f\b")).isEqualTo("\"\\n\\t\\r\\a\\v\\f\\b\"");
    assertThat(GoStrconv.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
    assertThat(GoStrconv.quote("héllo µs")).isEqualTo("\"héllo µs\"");
    assertThat(GoStrconv.quote("\u00a0\u200b")).isEqualTo("\"\\u00a0\\u200b\"");
    assertThat(GoStrconv.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
  }
}
