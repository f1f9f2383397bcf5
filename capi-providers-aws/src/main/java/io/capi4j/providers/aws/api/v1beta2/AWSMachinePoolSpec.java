package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec} of an AWSMachinePool (upstream {@code AWSMachinePoolSpec}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachinePoolSpec.class)
@JsonDeserialize(as = ImmutableAWSMachinePoolSpec.class)
public abstract class AWSMachinePoolSpec implements UnknownFields, WithAWSMachinePoolSpec {
  /** The ARN of the ASG, written by the controller. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String providerID() {
    return "";
  }

  /** The ASG's minimum size; CRD default 1, minimum 0. */
  @Value.Default
  public int minSize() {
    return 1;
  }

  /** The ASG's maximum size; CRD default 1, minimum 1. */
  @Value.Default
  public int maxSize() {
    return 1;
  }

  public abstract List<String> availabilityZones();

  public abstract Optional<String> availabilityZoneSubnetType();

  public abstract List<AWSResourceReference> subnets();

  public abstract Map<String, String> additionalTags();

  /** Required. */
  public abstract Optional<AWSLaunchTemplate> awsLaunchTemplate();

  public abstract Optional<MixedInstancesPolicy> mixedInstancesPolicy();

  public abstract List<String> providerIDList();

  /** A Go duration ({@code 300s}, {@code 5m0s}); the webhook defaults 0 to 300s. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String defaultCoolDown() {
    return "";
  }

  /** A Go duration; the webhook defaults 0 to 300s. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String defaultInstanceWarmup() {
    return "";
  }

  public abstract Optional<RefreshPreferences> refreshPreferences();

  public abstract Optional<Boolean> capacityRebalance();

  public abstract Optional<SuspendProcessesTypes> suspendProcesses();

  public abstract Optional<Ignition> ignition();

  public abstract List<AWSLifecycleHook> lifecycleHooks();

  /** {@code awsLaunchTemplate}, or an empty one. */
  public AWSLaunchTemplate awsLaunchTemplateOrEmpty() {
    return awsLaunchTemplate().orElse(AWSLaunchTemplate.builder().build());
  }

  /** {@code capacityRebalance}, false when unset. */
  public boolean capacityRebalanceValue() {
    return capacityRebalance().orElse(false);
  }

  public static ImmutableAWSMachinePoolSpec.Builder builder() {
    return ImmutableAWSMachinePoolSpec.builder();
  }
}
