package io.capi4j.providers.aws.asg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ASG part of upstream's {@code reconcileNormal} (after the launch template): create the ASG, or copy an
 * external autoscaler's desired capacity back to the MachinePool, update the ASG when {@link AsgDiff} finds a
 * difference or the subnets changed, and suspend or resume processes. Nothing is suspended when the ASG is
 * created.
 */
public final class AsgPlanner {
  private AsgPlanner() {}

  /** The requeue after creating an ASG. */
  public static final Duration AFTER_CREATE_REQUEUE = Duration.ofSeconds(15);

  public static AsgPlan plan(AsgPlanInputs in) {
    ImmutableAsgPlan.Builder plan = AsgPlan.builder();
    if (in.asg().isEmpty()) {
      Outcome<AsgRequest> create = AsgRequests.create(in.asgName(), in.clusterName(), in.machinePoolKey(), in.replicas(),
          in.externallyManaged(), in.spec(), in.launchTemplateId(), in.subnetIds(), in.additionalTags());
      if (!create.isOk()) {
        return plan.error(create.error().get()).build();
      }
      return plan.create(create.get()).requeueAfter(AFTER_CREATE_REQUEUE).build();
    }
    ObservedAsg asg = in.asg().get();
    Optional<Integer> replicas = in.replicas();
    if (in.externallyManaged() && asg.desiredCapacity().isPresent() && !replicas.equals(asg.desiredCapacity())) {
      plan.copyReplicasToMachinePool(asg.desiredCapacity().get());
      replicas = asg.desiredCapacity();
    }
    AsgDiff diff = AsgDiff.between(replicas, in.externallyManaged(), in.spec(), asg);
    List<String> reasons = new ArrayList<>(diff.differences());
    if (AsgDiff.subnetsDiffer(in.subnetIds(), asg.subnets())) {
      reasons.add("subnets: " + in.subnetIds() + " != " + asg.subnets());
    }
    if (!reasons.isEmpty()) {
      plan.update(AsgRequests.update(in.asgName(), replicas, in.externallyManaged(), in.spec(), in.launchTemplateId(),
          in.subnetIds())).updateReasons(reasons);
    }
    SuspendProcessesPlan suspend = SuspendProcessesPlan.plan(in.spec().suspendProcesses(), asg.suspendedProcesses());
    if (suspend.hasChanges()) {
      plan.suspendProcesses(suspend);
    }
    return plan.build();
  }
}
