package io.capi4j.testing.cloud;

import io.capi4j.cloud.ScalingGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a {@link SimulatedCloud} group carries out a cloud-run rolling replacement
 * ({@link io.capi4j.cloud.ScalingGroups#startRollingReplacement}), when a provider knows its cloud's rules better
 * than the simulated cloud's generic ones (e.g. an ASG instance refresh). Set it with
 * {@link CloudProfile#rollingReplacement()}.
 *
 * <p>The simulated cloud asks for a step when the replacement starts and again when the step says (or after its
 * poll interval): it terminates the instances the step names and keeps {@code capacity + surge} live instances,
 * creating new ones from the group's current model. Implementations must be pure and deterministic: the group
 * snapshot holds all they need (the running replacement with its start time and preferences, and every instance
 * with its creation and running times).
 */
@FunctionalInterface
public interface RollingReplacementStrategy {

  /**
   * One step of a rolling replacement.
   *
   * @param terminate ids of instances to terminate now
   * @param surge how many live instances the group may keep above its capacity until the next step
   * @param nextStepAt when to take the next step; empty: at the cloud's poll interval
   * @param finished empty while the replacement runs; otherwise its final status ({@code Successful} or
   *     {@code Failed})
   * @param reason why, in one line
   */
  record Step(List<String> terminate, int surge, Optional<Instant> nextStepAt, Optional<String> finished,
      String reason) {
    public Step {
      terminate = List.copyOf(terminate);
    }
  }

  /** The next step for {@code group}, whose replacement is {@code InProgress}, at {@code now}. */
  Step next(ScalingGroup group, Instant now);
}
