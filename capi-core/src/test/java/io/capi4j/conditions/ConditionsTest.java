package io.capi4j.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  @Test
  void parseTime() {
    assertThat(Conditions.parseTime("2024-10-09T16:13:59Z")).hasValue(Instant.parse("2024-10-09T16:13:59Z"));
    assertThat(Conditions.parseTime("2024-10-09T16:13:59.5Z")).hasValue(Instant.parse("2024-10-09T16:13:59.5Z"));
    assertThat(Conditions.parseTime("2024-10-09T18:13:59+02:00")).hasValue(Instant.parse("2024-10-09T16:13:59Z"));
    assertThat(Conditions.parseTime("2024-02-30T16:13:59Z")).isEmpty();
    assertThat(Conditions.parseTime("2024-1x-09T16:13:59Z")).isEmpty();
    assertThat(Conditions.parseTime("")).isEmpty();
    assertThat(Conditions.parseTime(null)).isEmpty();
  }
}
