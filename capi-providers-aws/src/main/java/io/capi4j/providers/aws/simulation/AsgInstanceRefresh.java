package io.capi4j.providers.aws.simulation;

import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.RollingReplacement;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.aws.asg.InstanceRefreshes;
import io.capi4j.providers.aws.asg.RefreshBatching;
import io.capi4j.testing.cloud.RollingReplacementStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An ASG instance refresh for a simulated cloud: each step is {@link RefreshBatching}'s, so a simulated ASG
 * replaces instances exactly as capi4j's reading of AWS's documentation says. Plugged into a
 * {@link io.capi4j.testing.cloud.SimulatedCloud} through {@code CloudProfile.rollingReplacement}.
 *
 * <p>Where it differs from the simulated cloud's generic replacement:
 *
 * <ul>
 *   <li>Every instance that existed when the refresh started is replaced, even one already built from the latest
 *       model: CAPA never sets {@code SkipMatching}, whose default is false. (The generic replacement replaces only
 *       instances of an older model.)
 *   <li>The next batch waits until every new instance of the previous one is in service and warmed up (the generic
 *       replacement terminates another instance as soon as one more is healthy).
 *   <li>A new instance that fails ends the refresh as {@code Failed} (AWS fails a refresh whose replacements do not
 *       become healthy; the generic replacement waits).
 * </ul>
 *
 * <p>Old instances are those created before the refresh started; the terminated ones are picked not running
 * first, then oldest. The step reports how many live instances may exceed the desired capacity (the launches a
 * maximum healthy percentage above 100 allows).
 */
public final class AsgInstanceRefresh implements RollingReplacementStrategy {

  @Override
  public Step next(ScalingGroup group, Instant now) {
    RollingReplacement r = group.rollingReplacement().orElseThrow();
    Duration warmup = Duration.ofSeconds(Math.max(0, r.instanceWarmupSeconds()));
    RefreshBatching.Limits limits = RefreshBatching.limits(group.capacity(), Optional.of(r.minHealthyPercentage()),
        Optional.of(r.maxHealthyPercentage()), warmup);
    List<Instance> old = new ArrayList<>();
    int newHealthy = 0;
    int newPending = 0;
    List<Instant> warming = new ArrayList<>();
    for (Instance i : group.instances()) {
      if (i.state() == InstanceState.DELETING) {
        continue;
      }
      if (i.createdAt().isBefore(r.startedAt())) {
        old.add(i);
        continue;
      }
      switch (i.state()) {
        case FAILED -> {
          return new Step(List.of(), 0, Optional.empty(), Optional.of(InstanceRefreshes.FAILED),
              "replacement instance " + i.id() + " failed");
        }
        case CREATING -> newPending++;
        default -> {
          Instant warm = i.runningSince().orElse(now).plus(warmup);
          if (warm.isAfter(now)) {
            warming.add(warm);
          } else {
            newHealthy++;
          }
        }
      }
    }
    RefreshBatching.Progress p = new RefreshBatching.Progress(old.size(), newHealthy, newPending, warming);
    RefreshBatching.Step s = RefreshBatching.next(limits, p, now);
    if (s.done()) {
      return new Step(List.of(), 0, Optional.empty(), Optional.of(InstanceRefreshes.SUCCESSFUL), s.reason());
    }
    old.sort(Comparator.comparing((Instance i) -> i.state() == InstanceState.RUNNING)
        .thenComparing(Instance::createdAt).thenComparing(Instance::id));
    List<String> terminate = old.stream().limit(s.terminate()).map(Instance::id).toList();
    int liveAfter = old.size() - terminate.size() + newHealthy + newPending + warming.size() + s.launch();
    return new Step(terminate, Math.max(0, liveAfter - group.capacity()), s.nextStepAt(), Optional.empty(), s.reason());
  }
}
