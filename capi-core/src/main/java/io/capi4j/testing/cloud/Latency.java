package io.capi4j.testing.cloud;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long something takes, as a distribution sampled with the simulation's seeded random generator. Sampled
 * values are never negative.
 */
@FunctionalInterface
public interface Latency {
  /** One sample. */
  Duration sample(RandomGenerator random);

  /** Always {@code d}. */
  static Latency fixed(Duration d) {
    return r -> d;
  }

  /** Always zero. */
  static Latency none() {
    return r -> Duration.ZERO;
  }

  /** Uniform between {@code min} and {@code max}. */
  static Latency uniform(Duration min, Duration max) {
    long lo = min.toMillis();
    long hi = max.toMillis();
    return r -> Duration.ofMillis(hi <= lo ? lo : lo + r.nextLong(hi - lo + 1));
  }

  /** Normal with a mean and a standard deviation, cut at {@code min}. */
  static Latency normal(Duration mean, Duration stdDev, Duration min) {
    return r -> {
      double ms = mean.toMillis() + r.nextGaussian() * stdDev.toMillis();
      return Duration.ofMillis(Math.max(min.toMillis(), Math.round(ms)));
    };
  }

  /**
   * Log-normal given its median and 90th percentile, shifted by {@code offset}: a long right tail, as cloud
   * provisioning times have.
   */
  static Latency logNormal(Duration offset, Duration median, Duration p90) {
    double mu = Math.log(Math.max(1, median.toMillis()));
    double sigma = Math.max(1e-9, (Math.log(Math.max(2, p90.toMillis())) - mu) / 1.2815515655446004);
    return r -> Duration.ofMillis(offset.toMillis() + Math.round(Math.exp(mu + sigma * r.nextGaussian())));
  }

  /** This latency plus another, sampled independently. */
  default Latency plus(Latency other) {
    return r -> sample(r).plus(other.sample(r));
  }
}
