package io.capi4j.providers.aws.asg;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.immutables.value.Value;

/** One instance of an observed ASG (or of an EKS node group's ASGs). */
@Value.Immutable
public abstract class AsgInstance implements WithAsgInstance {
  @Value.Parameter
  public abstract String instanceId();

  @Value.Parameter
  public abstract String availabilityZone();

  /** The ASG lifecycle state, e.g. {@code InService}, {@code Pending}, {@code Terminating}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String lifecycleState() {
    return "InService";
  }

  /** {@code aws:///<availabilityZone>/<instanceId>}, as Nodes' providerIDs name EC2 instances. */
  public String providerId() {
    return "aws:///" + availabilityZone() + "/" + instanceId();
  }

  public static AsgInstance of(String instanceId, String availabilityZone) {
    return ImmutableAsgInstance.of(instanceId, availabilityZone);
  }

  public static ImmutableAsgInstance.Builder builder() {
    return ImmutableAsgInstance.builder();
  }
}
