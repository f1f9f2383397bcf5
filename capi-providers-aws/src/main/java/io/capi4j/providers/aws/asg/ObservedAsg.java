package io.capi4j.providers.aws.asg;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.providers.aws.api.v1beta2.MixedInstancesPolicy;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Auto Scaling group as observed in AWS, in CAPA's terms (upstream {@code expinfrav1.AutoScalingGroup}): the
 * caller converts from the SDK or from a simulated cloud.
 */
@Value.Immutable
public abstract class ObservedAsg implements WithObservedAsg {
  /** Upstream's {@code ASGStatusDeleteInProgress}. */
  public static final String STATUS_DELETE_IN_PROGRESS = "Delete in progress";

  public abstract String name();

  /** The ASG's ARN, which becomes the AWSMachinePool's {@code spec.providerID}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String arn() {
    return "";
  }

  public abstract Optional<Integer> desiredCapacity();

  @Value.Default
  public int minSize() {
    return 0;
  }

  @Value.Default
  public int maxSize() {
    return 0;
  }

  @Value.Default
  public boolean capacityRebalance() {
    return false;
  }

  /** The policy as CAPA converts it back from AWS (with AWS's filled-in distribution). */
  public abstract Optional<MixedInstancesPolicy> mixedInstancesPolicy();

  /** Subnet IDs ({@code VPCZoneIdentifier} split on commas). */
  public abstract List<String> subnets();

  /** Names of the currently suspended processes, in AWS's order. */
  public abstract List<String> suspendedProcesses();

  public abstract List<AsgInstance> instances();

  /** The ASG status; empty unless AWS reports one ({@link #STATUS_DELETE_IN_PROGRESS}). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String status() {
    return "";
  }

  public static ImmutableObservedAsg.Builder builder() {
    return ImmutableObservedAsg.builder();
  }
}
