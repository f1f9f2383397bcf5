package io.capi4j.providers.aws.asg;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.providers.aws.api.v1beta2.AWSLifecycleHook;
import io.capi4j.providers.aws.api.v1beta2.InstancesDistribution;
import io.capi4j.providers.aws.api.v1beta2.Overrides;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code CreateAutoScalingGroup} or {@code UpdateAutoScalingGroup} request as CAPA builds it. Either a mixed
 * instances policy (launch template by name) or a launch template by ID, both at version {@code $Latest}.
 */
@Value.Immutable
public abstract class AsgRequest {
  /** The launch template version an ASG always points at. */
  public static final String LATEST = "$Latest";

  public abstract String autoScalingGroupName();

  public abstract int minSize();

  public abstract int maxSize();

  public abstract Optional<Integer> desiredCapacity();

  /** Subnet IDs joined with {@code ", "} on create and {@code ","} on update, as upstream. */
  public abstract String vpcZoneIdentifier();

  public abstract boolean capacityRebalance();

  /** Create only: seconds. */
  public abstract Optional<Long> defaultCooldownSeconds();

  /** Create only: seconds. */
  public abstract Optional<Long> defaultInstanceWarmupSeconds();

  /** The launch template ID, when no mixed instances policy is used. */
  public abstract Optional<String> launchTemplateId();

  /** The launch template name, inside the mixed instances policy. */
  public abstract Optional<String> mixedInstancesLaunchTemplateName();

  public abstract List<Overrides> mixedInstancesOverrides();

  public abstract Optional<InstancesDistribution> instancesDistribution();

  /** The launch template version ({@link #LATEST}). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String launchTemplateVersion() {
    return LATEST;
  }

  /** Create only: tags, each with {@code PropagateAtLaunch=false} and resource type {@code auto-scaling-group}. */
  public abstract Map<String, String> tags();

  /** Create only. */
  public abstract List<AWSLifecycleHook> lifecycleHooks();

  public boolean usesMixedInstancesPolicy() {
    return mixedInstancesLaunchTemplateName().isPresent();
  }

  public static ImmutableAsgRequest.Builder builder() {
    return ImmutableAsgRequest.builder();
  }
}
