package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IntOrPercentTest {

  @ParameterizedTest(name = "{0} of {1}: down {2}, up {3}")
  @CsvSource({"50%,10,5,5", "25%,10,2,3", "33%,3,0,1", "0%,10,0,0", "100%,7,7,7", "150%,10,15,15", "-10%,10,-1,-1",
      "-15%,10,-2,-1", "1%,1,0,1", "10%,0,0,0"})
  void scaledPercent(String value, int total, int down, int up) {
    assertThat(IntOrPercent.scaled(IntOrPercent.of(value), total, false)).isEqualTo(down);
    assertThat(IntOrPercent.scaled(IntOrPercent.of(value), total, true)).isEqualTo(up);
  }

  @Test
  void intsAreNeverScaledOrCapped() {
    assertThat(IntOrPercent.scaled(IntOrPercent.of(5), 3, true)).isEqualTo(5);
    assertThat(IntOrPercent.scaled(IntOrPercent.of(-2), 10, false)).isEqualTo(-2);
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> IntOrPercent.scaled(null, 10, false)).hasMessage("nil value for IntOrString");
    assertThatThrownBy(() -> IntOrPercent.scaled(IntOrPercent.of("10"), 10, false))
        .hasMessage("invalid value for IntOrString: invalid type: string is not a percentage");
    assertThatThrownBy(() -> IntOrPercent.scaled(IntOrPercent.of("abc%"), 10, false))
        .hasMessage("invalid value for IntOrString: invalid value \"abc%\": strconv.Atoi: parsing \"abc\": invalid syntax");
    assertThatThrownBy(() -> IntOrPercent.scaled(IntOrPercent.of("%"), 10, false))
        .hasMessage("invalid value for IntOrString: invalid value \"%\": strconv.Atoi: parsing \"\": invalid syntax");
    assertThatThrownBy(() -> IntOrPercent.scaled(IntOrPercent.of(" 5%"), 10, false))
        .hasMessage("invalid value for IntOrString: invalid value \" 5%\": strconv.Atoi: parsing \" 5\": invalid syntax");
    assertThatThrownBy(() -> IntOrPercent.scaled(new IntOrString(), 10, false))
        .hasMessage("invalid value for IntOrString: invalid type: neither int nor percentage");
  }

  @Test
  void parseLikeIntstrParse() {
    assertThat(IntOrPercent.parse("10").getIntVal()).isEqualTo(10);
    assertThat(IntOrPercent.parse("+5").getIntVal()).isEqualTo(5);
    assertThat(IntOrPercent.parse("-3").getIntVal()).isEqualTo(-3);
    assertThat(IntOrPercent.parse("10%").getStrVal()).isEqualTo("10%");
    assertThat(IntOrPercent.parse("abcdef").getStrVal()).isEqualTo("abcdef");
    assertThat(IntOrPercent.parse("٣").getStrVal()).isEqualTo("٣");
    // Outside int32: Go would truncate; capi4j keeps the text.
    assertThat(IntOrPercent.parse("99999999999").getStrVal()).isEqualTo("99999999999");
  }

  @Test
  void toStringAndPredicates() {
    assertThat(IntOrPercent.toString(IntOrPercent.of(3))).isEqualTo("3");
    assertThat(IntOrPercent.toString(IntOrPercent.of("3%"))).isEqualTo("3%");
    assertThat(IntOrPercent.toString(null)).isEqualTo("<nil>");
    assertThat(IntOrPercent.isInt(IntOrPercent.of(3))).isTrue();
    assertThat(IntOrPercent.isInt(IntOrPercent.of("3"))).isFalse();
    assertThat(IntOrPercent.isValid(IntOrPercent.of("3%"))).isTrue();
    assertThat(IntOrPercent.isValid(IntOrPercent.of("3"))).isFalse();
    assertThat(IntOrPercent.isNegative(IntOrPercent.of(-1))).isTrue();
    assertThat(IntOrPercent.isNegative(IntOrPercent.of("-1%"))).isTrue();
    assertThat(IntOrPercent.isNegative(IntOrPercent.of("-0%"))).isFalse();
    assertThat(IntOrPercent.isNegative(IntOrPercent.of("-1"))).isFalse();
  }
}
