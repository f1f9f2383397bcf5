package io.capi4j.providers.aws.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Go durations and BLAKE2b, against Go's and the reference implementation's outputs. */
class UtilTest {

  @Test
  void goDurations() {
    assertThat(GoDurations.parse("300s")).isEqualTo(Duration.ofSeconds(300));
    assertThat(GoDurations.parse("5m0s")).isEqualTo(Duration.ofMinutes(5));
    assertThat(GoDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDurations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(GoDurations.parse("-2m")).isEqualTo(Duration.ofMinutes(-2));
    assertThat(GoDurations.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDurations.parse("10µs")).isEqualTo(Duration.ofNanos(10_000));
    assertThatThrownBy(() -> GoDurations.parse("")).hasMessage("time: invalid duration \"\"");
    assertThatThrownBy(() -> GoDurations.parse("10")).hasMessage("time: missing unit in duration \"10\"");
    assertThatThrownBy(() -> GoDurations.parse("3d")).hasMessage("time: unknown unit \"d\" in duration \"3d\"");
    assertThat(GoDurations.wholeSeconds(Duration.ofMillis(-500))).isZero();
    assertThat(GoDurations.wholeSeconds(Duration.ofMillis(1500))).isEqualTo(1);
  }

  @Test
  void blake2bMatchesTheReference() {
    HexFormat hex = HexFormat.of();
    assertThat(hex.formatHex(Blake2b.digest("abc", 64))).isEqualTo(
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    assertThat(hex.formatHex(Blake2b.digest("", 27))).isEqualTo("b41793f77a58236ee36d36570bcd14cf00ba6a443c6c5bd4bb9eaf");
    assertThat(hex.formatHex(Blake2b.digest("abc", 27))).isEqualTo("16860687639dccdf803400fcc3b9893798d5e03e92545d3ae10665");
    assertThat(hex.formatHex(Blake2b.digest("a".repeat(128).getBytes(StandardCharsets.UTF_8), 27)))
        .isEqualTo("6d5200f4975d5fd0705df306efc7a6b7eaf18eb3398f602f14a480");
    assertThat(hex.formatHex(Blake2b.digest("a".repeat(129).getBytes(StandardCharsets.UTF_8), 27)))
        .isEqualTo("bc09a4e8d9d0e3256328d52971a2da8e478f406f6e52a1c48b98a3");
  }
}
