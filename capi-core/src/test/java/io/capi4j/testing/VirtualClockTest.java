package io.capi4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  private final VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void runsEventsInTimeOrderThenInScheduleOrder() {
    List<String> log = new ArrayList<>();
    clock.schedule(Duration.ofSeconds(2), () -> log.add("b@" + clock.instant()));
    clock.schedule(Duration.ofSeconds(1), () -> log.add("a@" + clock.instant()));
    clock.schedule(Duration.ofSeconds(2), () -> log.add("c@" + clock.instant()));
    clock.advance(Duration.ofSeconds(5));
    assertThat(log).containsExactly("a@2026-01-01T00:00:01Z", "b@2026-01-01T00:00:02Z", "c@2026-01-01T00:00:02Z");
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
  }

  @Test
  void eventsScheduledByEventsRunInTheSameAdvance() {
    List<Instant> seen = new ArrayList<>();
    clock.schedule(Duration.ofSeconds(1), () -> clock.schedule(Duration.ofSeconds(1), () -> seen.add(clock.instant())));
    clock.advance(Duration.ofSeconds(3));
    assertThat(seen).containsExactly(Instant.parse("2026-01-01T00:00:02Z"));
  }

  @Test
  void timeNeverGoesBackAndPastEventsRunNow() {
    clock.advance(Duration.ofSeconds(10));
    List<Instant> seen = new ArrayList<>();
    clock.scheduleAt(Instant.parse("2026-01-01T00:00:01Z"), () -> seen.add(clock.instant()));
    clock.runNext();
    assertThat(seen).containsExactly(Instant.parse("2026-01-01T00:00:10Z"));
    assertThat(clock.pending()).isZero();
  }

  @Test
  void runUntilIdleStopsAtTheLimit() {
    clock.schedule(Duration.ofSeconds(1), () -> {});
    clock.schedule(Duration.ofSeconds(100), () -> {});
    assertThat(clock.runUntilIdle(Instant.parse("2026-01-01T00:00:50Z"))).isEqualTo(1);
    assertThat(clock.pending()).isEqualTo(1);
    assertThat(clock.nextEventTime()).contains(Instant.parse("2026-01-01T00:01:40Z"));
  }
}
