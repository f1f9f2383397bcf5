package io.capi4j.providers.aws.asg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an instance refresh replaces instances: AWS's documented semantics, simulated step by step. */
class RefreshBatchingTest {
  static final Duration WARMUP = Duration.ofSeconds(300);
  static final Duration BOOT = Duration.ofSeconds(60);
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** What a refresh did, observed from outside. */
  record Run(List<int[]> steps, int minHealthy, int maxInService, Instant end, List<Instant> stepTimes) {}

  /** Runs a refresh to the end: new instances enter service {@link #BOOT} after launch and then warm up. */
  static Run simulate(RefreshBatching.Limits limits) {
    int old = limits.desiredCapacity();
    int healthyNew = 0;
    List<Instant> pending = new ArrayList<>();
    List<Instant> warming = new ArrayList<>();
    Instant now = T0;
    int minHealthy = Integer.MAX_VALUE;
    int maxInService = 0;
    List<int[]> steps = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (int guard = 0; guard < 1000; guard++) {
      RefreshBatching.Step s = RefreshBatching.next(limits,
          new RefreshBatching.Progress(old, healthyNew, pending.size(), warming), now);
      if (s.done()) {
        return new Run(steps, minHealthy, maxInService, now, times);
      }
      if (s.terminate() > 0 || s.launch() > 0) {
        steps.add(new int[] {s.terminate(), s.launch()});
        times.add(now);
        old -= s.terminate();
        for (int i = 0; i < s.launch(); i++) {
          pending.add(now.plus(BOOT));
        }
      }
      minHealthy = Math.min(minHealthy, old + healthyNew);
      maxInService = Math.max(maxInService, old + healthyNew + pending.size() + warming.size());
      // Advance to the next event: an instance entering service or finishing its warm-up.
      Optional<Instant> next = pending.stream().min(Instant::compareTo);
      Optional<Instant> warm = warming.stream().min(Instant::compareTo);
      if (next.isEmpty() && warm.isEmpty()) {
        continue;
      }
      Instant event = next.isPresent() && (warm.isEmpty() || next.get().isBefore(warm.get())) ? next.get() : warm.get();
      now = event;
      Instant at = now;
      pending.removeIf(p -> {
        if (!p.isAfter(at)) {
          warming.add(at.plus(limits.instanceWarmup()));
          return true;
        }
        return false;
      });
      int before = warming.size();
      warming.removeIf(w -> !w.isAfter(at));
      healthyNew += before - warming.size();
    }
    throw new AssertionError("refresh did not finish");
  }

  @Test
  void tenInstancesWithMinHealthy80AreReplacedTwoAtATime() {
    RefreshBatching.Limits limits = RefreshBatching.limits(10, Optional.of(80), Optional.empty(), WARMUP);
    assertThat(limits.minHealthyInstances()).isEqualTo(8);
    assertThat(limits.maxInServiceInstances()).isEqualTo(10);
    assertThat(limits.batchSize()).isEqualTo(2);

    Run run = simulate(limits);
    assertThat(run.steps()).hasSize(5).allSatisfy(s -> assertThat(s).containsExactly(2, 2));
    assertThat(run.minHealthy()).isEqualTo(8);
    assertThat(run.maxInService()).isEqualTo(10);
    for (int i = 1; i < run.stepTimes().size(); i++) {
      assertThat(Duration.between(run.stepTimes().get(i - 1), run.stepTimes().get(i))).isEqualTo(BOOT.plus(WARMUP));
    }
  }

  @Test
  void theDefaultReplacesOneInstanceInTen() {
    RefreshBatching.Limits limits = RefreshBatching.limits(10, Optional.empty(), Optional.empty(), WARMUP);
    assertThat(limits.minHealthyInstances()).isEqualTo(9);
    Run run = simulate(limits);
    assertThat(run.steps()).hasSize(10);
    assertThat(run.minHealthy()).isEqualTo(9);
  }

  @Test
  void aMaximumAbove100LaunchesBeforeTerminating() {
    RefreshBatching.Limits limits = RefreshBatching.limits(10, Optional.of(100), Optional.of(110), WARMUP);
    Run run = simulate(limits);
    assertThat(run.minHealthy()).isEqualTo(10);
    assertThat(run.maxInService()).isEqualTo(11);
    assertThat(run.steps().get(0)).containsExactly(0, 1);
    assertThat(run.steps().get(1)).containsExactly(1, 1);
  }

  @Test
  void aWideWindowReplacesMoreAtOnce() {
    RefreshBatching.Limits limits = RefreshBatching.limits(10, Optional.of(90), Optional.of(120), WARMUP);
    assertThat(limits.batchSize()).isEqualTo(3);
    Run run = simulate(limits);
    assertThat(run.steps().get(0)).containsExactly(1, 3);
    assertThat(run.minHealthy()).isEqualTo(9);
    assertThat(run.maxInService()).isEqualTo(12);
  }

  @Test
  void minAndMax100ReplaceOneAtATime() {
    RefreshBatching.Limits limits = RefreshBatching.limits(4, Optional.of(100), Optional.of(100), WARMUP);
    Run run = simulate(limits);
    assertThat(run.steps()).hasSize(4).allSatisfy(s -> assertThat(s).containsExactly(1, 1));
  }

  @Test
  void minHealthyZeroReplacesEverythingAtOnce() {
    Run run = simulate(RefreshBatching.limits(6, Optional.of(0), Optional.empty(), WARMUP));
    assertThat(run.steps()).hasSize(1);
    assertThat(run.steps().get(0)).containsExactly(6, 6);
  }

  @Test
  void theNextStepWaitsForWarmUp() {
    RefreshBatching.Limits limits = RefreshBatching.limits(10, Optional.of(80), Optional.empty(), WARMUP);
    Instant until = T0.plusSeconds(360);
    RefreshBatching.Step waiting = RefreshBatching.next(limits, new RefreshBatching.Progress(8, 0, 0, List.of(until, until)), T0);
    assertThat(waiting.terminate()).isZero();
    assertThat(waiting.launch()).isZero();
    assertThat(waiting.nextStepAt()).contains(until);
    RefreshBatching.Step pending = RefreshBatching.next(limits, new RefreshBatching.Progress(8, 0, 2, List.of()), T0);
    assertThat(pending.nextStepAt()).isEmpty();
    assertThat(pending.done()).isFalse();
  }

  @Test
  void warmupComesFromThePreferencesOrTheAsgDefault() {
    assertThat(RefreshBatching.effectiveWarmup(Optional.of(100L), WARMUP)).isEqualTo(Duration.ofSeconds(100));
    assertThat(RefreshBatching.effectiveWarmup(Optional.empty(), WARMUP)).isEqualTo(WARMUP);
  }

  @Test
  void anEmptyGroupIsDoneAtOnce() {
    assertThat(RefreshBatching.next(RefreshBatching.limits(0, Optional.empty(), Optional.empty(), WARMUP),
        RefreshBatching.Progress.start(0), T0).done()).isTrue();
  }
}
