package io.capi4j.providers.aws.asg;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How an ASG instance refresh replaces instances, as AWS documents it, for a simulated ASG: the healthy-capacity
 * window from the minimum and maximum healthy percentages, and, step by step, how many old instances to terminate
 * and new ones to launch, and when the next step may happen.
 *
 * <p>Semantics (AWS's documentation; the rounding of the maximum and the whole-batch wait are capi4j's reading):
 *
 * <ul>
 *   <li>At least {@code ceil(desired × min% / 100)} instances stay healthy (in service and warmed up); at most
 *       {@code floor(desired × max% / 100)} are in service or pending. Defaults: min 90%, max 100%.
 *   <li>A step terminates as many old instances as the minimum allows and launches as many new ones as the maximum
 *       allows, never more new ones than are still needed. With a maximum above 100% new instances are launched
 *       before old ones are terminated.
 *   <li>When that allows nothing (e.g. min 100% and max 100%), one instance is replaced at a time.
 *   <li>The next step waits until every new instance of the previous one is in service and its warm-up has passed.
 * </ul>
 */
public final class RefreshBatching {
  private RefreshBatching() {}

  /** AWS's default minimum healthy percentage. */
  public static final int DEFAULT_MIN_HEALTHY_PERCENTAGE = 90;
  /** AWS's default maximum healthy percentage (without an instance maintenance policy). */
  public static final int DEFAULT_MAX_HEALTHY_PERCENTAGE = 100;

  /**
   * The capacity window of a refresh.
   *
   * @param desiredCapacity the ASG's desired capacity
   * @param minHealthyInstances instances that must stay healthy
   * @param maxInServiceInstances instances that may be in service or pending at once
   * @param batchSize instances replaced per step at most ({@code max − min}, at least 1)
   * @param instanceWarmup how long a new instance warms up after entering service
   */
  public record Limits(int desiredCapacity, int minHealthyInstances, int maxInServiceInstances, int batchSize,
      Duration instanceWarmup) {}

  /**
   * The window for a refresh with these preferences.
   *
   * @param minHealthyPercentage {@code refreshPreferences.minHealthyPercentage}, default 90
   * @param maxHealthyPercentage {@code refreshPreferences.maxHealthyPercentage}, default 100
   * @param instanceWarmup the effective warm-up ({@link #effectiveWarmup})
   */
  public static Limits limits(int desiredCapacity, Optional<Integer> minHealthyPercentage, Optional<Integer> maxHealthyPercentage,
      Duration instanceWarmup) {
    int n = Math.max(0, desiredCapacity);
    int min = Math.max(0, Math.min(100, minHealthyPercentage.orElse(DEFAULT_MIN_HEALTHY_PERCENTAGE)));
    int max = Math.max(100, Math.min(200, maxHealthyPercentage.orElse(DEFAULT_MAX_HEALTHY_PERCENTAGE)));
    int minHealthy = (int) Math.ceil(n * (double) min / 100.0);
    int maxInService = Math.max(n, (int) Math.floor(n * (double) max / 100.0));
    return new Limits(n, minHealthy, maxInService, Math.max(1, maxInService - minHealthy), instanceWarmup);
  }

  /** The warm-up a refresh uses: {@code refreshPreferences.instanceWarmup} when set, else the ASG's default instance warm-up. */
  public static Duration effectiveWarmup(Optional<Long> instanceWarmupSeconds, Duration asgDefaultInstanceWarmup) {
    return instanceWarmupSeconds.map(Duration::ofSeconds).orElse(asgDefaultInstanceWarmup);
  }

  /**
   * Where a refresh stands.
   *
   * @param oldInService instances of the old launch template version still in service (not yet terminating)
   * @param newHealthy new instances in service whose warm-up has passed
   * @param newPending new instances launched but not yet in service
   * @param newWarmingUntil for each new instance in service but still warming up, when its warm-up ends
   */
  public record Progress(int oldInService, int newHealthy, int newPending, List<Instant> newWarmingUntil) {
    public Progress {
      newWarmingUntil = List.copyOf(newWarmingUntil);
    }

    /** A refresh about to start: every instance is old. */
    public static Progress start(int inService) {
      return new Progress(inService, 0, 0, List.of());
    }

    int newInFlight() {
      return newPending + newWarmingUntil.size();
    }

    int newTotal() {
      return newHealthy + newInFlight();
    }
  }

  /**
   * What to do now.
   *
   * @param terminate old instances to terminate now
   * @param launch new instances to launch now
   * @param nextStepAt when to decide again (a warm-up end); empty while waiting for a pending instance to enter
   *     service, or when done
   * @param done whether every old instance is replaced and every new one is healthy
   * @param reason why
   */
  public record Step(int terminate, int launch, Optional<Instant> nextStepAt, boolean done, String reason) {}

  /** The next step of a refresh under {@code limits}. */
  public static Step next(Limits limits, Progress p, Instant now) {
    if (p.oldInService() == 0 && p.newInFlight() == 0) {
      return new Step(0, 0, Optional.empty(), true, "every instance replaced");
    }
    if (p.newInFlight() > 0) {
      List<Instant> warming = p.newWarmingUntil().stream().filter(t -> t.isAfter(now)).sorted().toList();
      if (p.newPending() == 0 && warming.isEmpty()) {
        return new Step(0, 0, Optional.of(now), false, "warm-up over: decide again");
      }
      Optional<Instant> next = p.newPending() > 0 ? Optional.empty() : Optional.of(warming.get(warming.size() - 1));
      return new Step(0, 0, next, false,
          "waiting for " + p.newInFlight() + " new instance(s) to enter service and warm up");
    }
    int healthy = p.oldInService() + p.newHealthy();
    int needNew = Math.max(0, limits.desiredCapacity() - p.newTotal());
    int terminate = Math.min(p.oldInService(), Math.max(0, healthy - limits.minHealthyInstances()));
    int launch = Math.min(needNew, Math.max(0, limits.maxInServiceInstances() - (healthy - terminate)));
    if (terminate == 0 && launch == 0) {
      terminate = Math.min(1, p.oldInService());
      launch = Math.min(1, needNew);
      return new Step(terminate, launch, Optional.empty(), false,
          "the healthy window allows no replacement: one instance at a time");
    }
    return new Step(terminate, launch, Optional.empty(), false,
        "keep at least " + limits.minHealthyInstances() + " healthy and at most " + limits.maxInServiceInstances()
            + " in service");
  }
}
