package io.capi4j.machinehealthcheck;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.Optional;
import org.immutables.value.Value;

/** One target after the health check: its class, the check's result, and the condition to write, if any. */
@Value.Immutable
public abstract class TargetEvaluation {
  public abstract HealthCheckTarget target();

  public abstract TargetHealth health();

  public abstract HealthCheckResult result();

  /** Why the target got its class. */
  public abstract String explanation();

  /**
   * The v1beta2 {@code HealthCheckSucceeded} condition for a healthy (True) or unhealthy (False) target, with
   * {@code lastTransitionTime} = now; merge it with {@link io.capi4j.conditions.Conditions#set}, which keeps the old
   * time when the status does not change. Empty for the other classes.
   */
  public abstract Optional<Condition> healthCheckSucceeded();

  /** The Machine's name. */
  public String name() {
    return target().name();
  }
}
