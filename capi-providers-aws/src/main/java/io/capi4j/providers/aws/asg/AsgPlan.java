package io.capi4j.providers.aws.asg;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@link AsgPlanner} decided for the ASG itself. */
@Value.Immutable
public abstract class AsgPlan {
  /** {@code CreateAutoScalingGroup}, when the ASG does not exist. */
  public abstract Optional<AsgRequest> create();

  /** {@code UpdateAutoScalingGroup}, when it exists and differs. */
  public abstract Optional<AsgRequest> update();

  /** Why the update: the {@link AsgDiff} differences and a subnet change. */
  public abstract List<String> updateReasons();

  /** Set {@code MachinePool.spec.replicas} to this (an external autoscaler changed the ASG's desired capacity). */
  public abstract Optional<Integer> copyReplicasToMachinePool();

  /** Processes to suspend and resume, when they differ. */
  public abstract Optional<SuspendProcessesPlan> suspendProcesses();

  /** Come back after this long (15s after creating the ASG). */
  public abstract Optional<Duration> requeueAfter();

  /** Why the ASG cannot be created ({@code ASGReady=False, ASGProvisionFailed}). */
  public abstract Optional<String> error();

  public static ImmutableAsgPlan.Builder builder() {
    return ImmutableAsgPlan.builder();
  }
}
