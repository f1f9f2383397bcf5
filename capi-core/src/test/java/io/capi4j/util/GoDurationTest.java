package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "0s,0", "30s,30000000000", "1m40s,100000000000", "5m0s,300000000000", "10m0s,600000000000",
      "1h0m0s,3600000000000", "1.5s,1500000000", "500ms,500000000", "1ns,1", "999ns,999", "1.5µs,1500",
      "1µs,1000", "1.000001ms,1000001", "1.000001s,1000001000", "-1m30s,-90000000000", "26h3m4.005s,93784005000000",
      "2562047h47m16.854775807s,9223372036854775807", "-2562047h47m16.854775808s,-9223372036854775808"})
  void format(String want, long nanos) {
    assertThat(GoDuration.format(nanos)).isEqualTo(want);
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(want);
  }

  @Test
  void durationsBeyondGoSaturate() {
    assertThat(GoDuration.format(Duration.ofDays(365L * 300))).isEqualTo("2562047h47m16.854775807s");
    assertThat(GoDuration.format(Duration.ofDays(-365L * 300))).isEqualTo("-2562047h47m16.854775808s");
  }

  @Test
  void fromJavaDurations() {
    assertThat(GoDuration.format(Duration.ofSeconds(600))).isEqualTo("10m0s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDuration.format(Duration.ofMillis(500))).isEqualTo("500ms");
  }
}
