package io.capi4j.providers.aws.asg;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.MixedInstancesPolicy;
import io.capi4j.providers.aws.util.GoDurations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds CAPA's {@code CreateAutoScalingGroup} and {@code UpdateAutoScalingGroup} requests (upstream {@code CreateASG}, {@code UpdateASG}). */
public final class AsgRequests {
  private AsgRequests() {}

  /** Tag key prefix of CAPA-owned resources: {@code <prefix><cluster>=owned}. */
  public static final String CLUSTER_TAG_PREFIX = "sigs.k8s.io/cluster-api-provider-aws/cluster/";
  /** The cloud provider's ownership tag prefix. */
  public static final String CLOUD_PROVIDER_TAG_PREFIX = "kubernetes.io/cluster/";
  /** The role tag; {@code node} for pools. */
  public static final String ROLE_TAG = "sigs.k8s.io/cluster-api-provider-aws/role";

  /**
   * The create request. Errors: no launch template ID in the pool's status yet, no subnets, or replicas that do
   * not fit [minSize, maxSize] without an external autoscaler (see {@link DesiredCapacity#forCreate}).
   *
   * @param asgName the ASG name (the AWSMachinePool's name)
   * @param clusterName the Cluster's name, for the ownership tags
   * @param machinePoolKey {@code namespace/name} of the MachinePool, for messages
   * @param replicas the MachinePool's {@code spec.replicas}
   * @param externallyManaged {@link ExternalAutoscaler#replicasManagedExternally} of the MachinePool
   * @param spec the AWSMachinePool spec (defaulted by admission)
   * @param launchTemplateId the AWSMachinePool's {@code status.launchTemplateID}
   * @param subnetIds the resolved subnet IDs
   * @param additionalTags the cluster's additional tags merged with the pool's (the pool's win)
   */
  public static Outcome<AsgRequest> create(
      String asgName,
      String clusterName,
      String machinePoolKey,
      Optional<Integer> replicas,
      boolean externallyManaged,
      AWSMachinePoolSpec spec,
      String launchTemplateId,
      List<String> subnetIds,
      Map<String, String> additionalTags) {
    if (launchTemplateId.isEmpty()) {
      return Outcome.failed("AWSMachinePool has no LaunchTemplateID for some reason");
    }
    DesiredCapacity desired =
        DesiredCapacity.forCreate(replicas, spec.minSize(), spec.maxSize(), externallyManaged, machinePoolKey);
    if (desired.isError()) {
      return Outcome.failed(desired.error().get());
    }
    if (subnetIds.isEmpty()) {
      return Outcome.failed("expected at least 1 subnet but got 0");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Name", asgName);
    tags.putAll(additionalTags);
    tags.put(CLOUD_PROVIDER_TAG_PREFIX + clusterName, "owned");
    tags.put(CLUSTER_TAG_PREFIX + clusterName, "owned");
    tags.put(ROLE_TAG, "node");
    ImmutableAsgRequest.Builder b = AsgRequest.builder()
        .autoScalingGroupName(asgName)
        .minSize(spec.minSize())
        .maxSize(spec.maxSize())
        .desiredCapacity(desired.value())
        .vpcZoneIdentifier(String.join(", ", subnetIds))
        .capacityRebalance(spec.capacityRebalanceValue())
        .defaultCooldownSeconds(seconds(spec.defaultCoolDown()))
        .defaultInstanceWarmupSeconds(seconds(spec.defaultInstanceWarmup()))
        .tags(tags)
        .lifecycleHooks(spec.lifecycleHooks());
    launchTemplate(b, asgName, launchTemplateId, spec.mixedInstancesPolicy());
    return Outcome.ok(b.build());
  }

  /**
   * The update request: sizes, subnets, capacity rebalance, the launch template, and the desired capacity only when
   * the replicas are set and not managed externally. It never carries the cool-down or warm-up (a CAPA quirk kept:
   * see AWS.md).
   */
  public static AsgRequest update(
      String asgName,
      Optional<Integer> replicas,
      boolean externallyManaged,
      AWSMachinePoolSpec spec,
      String launchTemplateId,
      List<String> subnetIds) {
    ImmutableAsgRequest.Builder b = AsgRequest.builder()
        .autoScalingGroupName(asgName)
        .minSize(spec.minSize())
        .maxSize(spec.maxSize())
        .desiredCapacity(DesiredCapacity.forUpdate(replicas, externallyManaged).value())
        .vpcZoneIdentifier(String.join(",", subnetIds))
        .capacityRebalance(spec.capacityRebalanceValue());
    launchTemplate(b, asgName, launchTemplateId, spec.mixedInstancesPolicy());
    return b.build();
  }

  private static void launchTemplate(
      ImmutableAsgRequest.Builder b, String asgName, String launchTemplateId, Optional<MixedInstancesPolicy> mip) {
    if (mip.isPresent()) {
      b.mixedInstancesLaunchTemplateName(asgName)
          .mixedInstancesOverrides(mip.get().overrides())
          .instancesDistribution(mip.get().instancesDistribution());
    } else {
      b.launchTemplateId(launchTemplateId);
    }
  }

  /** Whole seconds of a Go duration string; unset or unparsable counts as 0 (admission rejects the latter). */
  static long seconds(String duration) {
    if (duration.isEmpty()) {
      return 0;
    }
    try {
      return GoDurations.wholeSeconds(GoDurations.parse(duration));
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
