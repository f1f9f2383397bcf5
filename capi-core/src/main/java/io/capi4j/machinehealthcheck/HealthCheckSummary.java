package io.capi4j.machinehealthcheck;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/** Every target classified, in the order of the targets (upstream {@code healthCheckTargets}). */
@Value.Immutable
public abstract class HealthCheckSummary {
  public abstract List<TargetEvaluation> evaluations();

  public List<TargetEvaluation> healthy() {
    return of(TargetHealth.HEALTHY);
  }

  public List<TargetEvaluation> unhealthy() {
    return of(TargetHealth.UNHEALTHY);
  }

  public List<TargetEvaluation> pending() {
    return of(TargetHealth.PENDING);
  }

  /** The pending targets' next checks, in target order (upstream {@code nextCheckTimes}). */
  public List<Duration> nextCheckTimes() {
    return pending().stream().map(e -> e.result().nextCheck()).toList();
  }

  /** The earliest next check, or zero when nothing is pending (upstream {@code minDuration}). */
  public Duration minNextCheck() {
    return nextCheckTimes().stream().min(Duration::compareTo).orElse(Duration.ZERO);
  }

  private List<TargetEvaluation> of(TargetHealth h) {
    return evaluations().stream().filter(e -> e.health() == h).toList();
  }
}
