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
 * {@code spec} of an AWSManagedMachinePool (upstream {@code AWSManagedMachinePoolSpec}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSManagedMachinePoolSpec.class)
@JsonDeserialize(as = ImmutableAWSManagedMachinePoolSpec.class)
public abstract class AWSManagedMachinePoolSpec implements UnknownFields, WithAWSManagedMachinePoolSpec {
  /** The node group's name in EKS; defaulted from namespace and name. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String eksNodegroupName() {
    return "";
  }

  public abstract List<String> availabilityZones();

  public abstract Optional<String> availabilityZoneSubnetType();

  public abstract List<String> subnetIDs();

  public abstract Map<String, String> additionalTags();

  public abstract List<String> roleAdditionalPolicies();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String roleName() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String rolePath() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String rolePermissionsBoundary() {
    return "";
  }

  /** The AMI release version; at least 2 characters. */
  public abstract Optional<String> amiVersion();

  /** One of {@link Aws#AMI_TYPES}; CRD default {@code AL2_x86_64}. */
  public abstract Optional<String> amiType();

  public abstract Map<String, String> labels();

  public abstract List<Taint> taints();

  public abstract Optional<Integer> diskSize();

  public abstract Optional<String> instanceType();

  public abstract Optional<ManagedMachinePoolScaling> scaling();

  public abstract Optional<ManagedRemoteAccess> remoteAccess();

  public abstract List<String> providerIDList();

  /** {@code onDemand} (CRD default) or {@code spot}. */
  public abstract Optional<String> capacityType();

  public abstract Optional<UpdateConfig> updateConfig();

  public abstract Optional<AWSLaunchTemplate> awsLaunchTemplate();

  public abstract List<AWSLifecycleHook> lifecycleHooks();

  public abstract Optional<NodeRepairConfig> nodeRepairConfig();

  public static ImmutableAWSManagedMachinePoolSpec.Builder builder() {
    return ImmutableAWSManagedMachinePoolSpec.builder();
  }
}
