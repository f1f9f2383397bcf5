package io.capi4j.testing.cloud;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * The latencies and failure rates of a simulated cloud. Every figure is a distribution sampled with the
 * simulation's seed; {@link #name()} names the profile in reports.
 */
@Value.Immutable
public abstract class CloudProfile {
  public abstract String name();

  /** From a standalone VM create call until the VM runs. */
  @Value.Default
  public Latency vmCreate() {
    return Latency.fixed(Duration.ofSeconds(60));
  }

  /** From a standalone VM delete call until it is gone. */
  @Value.Default
  public Latency vmDelete() {
    return Latency.fixed(Duration.ofSeconds(30));
  }

  /** From a scaling-group capacity or model change until the group starts provisioning instances. */
  @Value.Default
  public Latency groupOperation() {
    return Latency.none();
  }

  /** From the start of provisioning until one group instance runs. */
  @Value.Default
  public Latency groupInstanceCreate() {
    return Latency.fixed(Duration.ofSeconds(60));
  }

  /** From a group instance delete until it is gone. */
  @Value.Default
  public Latency groupInstanceDelete() {
    return Latency.fixed(Duration.ofSeconds(30));
  }

  /**
   * How many group instances the cloud provisions at once; 0 means all at once. Later instances start as earlier
   * ones finish.
   */
  @Value.Default
  public int groupParallelism() {
    return 0;
  }

  /**
   * The probability that an instance's provisioning attempt fails instead of running (for a group instance with
   * {@link #failedInstanceRetry()}, its first attempt; the retry always succeeds).
   */
  @Value.Default
  public double failureRate() {
    return 0.0;
  }

  /** How {@link #failureRate()} picks the attempts that fail. */
  public enum FailureSampling {
    /** Each attempt fails independently with probability {@code failureRate}: the number of failures varies. */
    INDEPENDENT,
    /**
     * Systematic sampling: a running sum of {@code failureRate} per attempt, started at a seeded uniform offset in
     * [0, 1); an attempt fails when the sum crosses an integer. Any {@code n} consecutive attempts then hold
     * {@code floor(n * rate)} or {@code ceil(n * rate)} failures; the seed only picks which attempts fail. Use it
     * when a profile stands for "about one in k instances fails" and runs must keep that shape across seeds.
     */
    EVEN
  }

  /** How failing attempts are picked (default {@link FailureSampling#INDEPENDENT}). */
  @Value.Default
  public FailureSampling failureSampling() {
    return FailureSampling.INDEPENDENT;
  }

  /**
   * When present, a scaling group re-provisions an instance whose first attempt failed, in place (same id): after
   * this delay the instance is CREATING again and queues for the group's parallelism like any new instance, with a
   * fresh {@link #groupInstanceCreate()} sample; the retry does not fail. Empty (the default): a failed instance
   * stays FAILED until someone deletes it. Standalone VMs are never retried.
   */
  public abstract java.util.Optional<Latency> failedInstanceRetry();

  /**
   * How groups carry out a rolling replacement ({@code startRollingReplacement}); empty: the simulated cloud's
   * generic one (see {@link SimulatedCloud}).
   */
  public abstract java.util.Optional<RollingReplacementStrategy> rollingReplacement();

  @Value.Check
  protected void check() {
    if (failureRate() < 0 || failureRate() > 1) {
      throw new IllegalStateException("failureRate must be within [0, 1]");
    }
    if (groupParallelism() < 0) {
      throw new IllegalStateException("groupParallelism must not be negative");
    }
  }

  /** A profile where everything takes the given time and nothing fails. */
  public static CloudProfile uniform(String name, Duration create, Duration delete) {
    return builder()
        .name(name)
        .vmCreate(Latency.fixed(create))
        .vmDelete(Latency.fixed(delete))
        .groupInstanceCreate(Latency.fixed(create))
        .groupInstanceDelete(Latency.fixed(delete))
        .build();
  }

  public static ImmutableCloudProfile.Builder builder() {
    return ImmutableCloudProfile.builder();
  }
}
