package io.capi4j.testing.rollout;

import java.util.Optional;

/**
 * The outcome of a simulation.
 *
 * @param text the trace, in upstream's sequence-test log format (ends with a newline)
 * @param converged whether the rollout reached the desired state within the iteration limit, with the bounds kept
 * @param iterations the iterations run
 * @param failure why it did not converge (bounds breached, iteration limit, a fake controller's inconsistency)
 */
public record RolloutTrace(String text, boolean converged, int iterations, Optional<String> failure) {}
