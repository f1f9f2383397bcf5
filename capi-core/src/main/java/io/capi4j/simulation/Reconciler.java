package io.capi4j.simulation;

import java.time.Duration;
import java.util.Optional;

/**
 * A controller's reconcile of one object in a simulation: read the stores, run a planner, apply its plan to the
 * stores and the cloud. Returns when to reconcile the object again regardless of changes (empty: only on change).
 */
@FunctionalInterface
public interface Reconciler {
  Optional<Duration> reconcile(ObjectKey key);
}
