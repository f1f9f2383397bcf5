package io.capi4j.simulation;

import java.time.Duration;

/**
 * Lets a simulated controller say that its current reconcile spent time waiting (e.g. on a cloud API call), which
 * keeps its worker busy that much longer.
 */
@FunctionalInterface
public interface CostMeter {
  void charge(Duration d);

  /** A meter that ignores every charge. */
  CostMeter NONE = d -> {};
}
