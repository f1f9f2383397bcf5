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
 * {@code spec} of an AWSMachine (upstream {@code AWSMachineSpec}): the EC2 instance to create. Only the
 * fields that capi4j's rules read are modelled; every other field is kept as an unknown field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSMachineSpec.class)
@JsonDeserialize(as = ImmutableAWSMachineSpec.class)
public abstract class AWSMachineSpec implements UnknownFields, WithAWSMachineSpec {
  public abstract Optional<String> providerID();

  public abstract Optional<String> instanceID();

  public abstract Optional<InstanceMetadataOptions> instanceMetadataOptions();

  public abstract Optional<AMIReference> ami();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String imageLookupFormat() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String imageLookupOrg() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String imageLookupBaseOS() {
    return "";
  }

  /** The instance type, e.g. {@code m5.large}; required, at least 2 characters. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String instanceType() {
    return "";
  }

  public abstract Map<String, String> additionalTags();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String iamInstanceProfile() {
    return "";
  }

  public abstract Optional<Boolean> publicIP();

  public abstract Optional<ElasticIPPool> elasticIpPool();

  public abstract List<AWSResourceReference> additionalSecurityGroups();

  public abstract Optional<AWSResourceReference> subnet();

  /** Absent: the cluster's default key; {@code ""}: no key. */
  public abstract Optional<String> sshKeyName();

  public abstract Optional<Volume> rootVolume();

  public abstract List<Volume> nonRootVolumes();

  public abstract List<String> networkInterfaces();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String networkInterfaceType() {
    return "";
  }

  public abstract Optional<CloudInit> cloudInit();

  public abstract Optional<Ignition> ignition();

  public abstract Optional<SpotMarketOptions> spotMarketOptions();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String placementGroupName() {
    return "";
  }

  public abstract Optional<Long> placementGroupPartition();

  /** {@code default}, {@code dedicated} or {@code host}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String tenancy() {
    return "";
  }

  public abstract Optional<PrivateDNSName> privateDnsName();

  public abstract Optional<String> capacityReservationId();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String capacityReservationPreference() {
    return "";
  }

  /** {@code OnDemand}, {@code Spot} or {@code CapacityBlock}; empty means OnDemand (Spot with spotMarketOptions). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String marketType() {
    return "";
  }

  public abstract Optional<String> hostID();

  /** {@code default} or {@code host}. */
  public abstract Optional<String> hostAffinity();

  public abstract Optional<DynamicHostAllocationSpec> dynamicHostAllocation();

  /** {@code cloudInit}, or an empty one. */
  public CloudInit cloudInitOrEmpty() {
    return cloudInit().orElse(CloudInit.builder().build());
  }

  public static ImmutableAWSMachineSpec.Builder builder() {
    return ImmutableAWSMachineSpec.builder();
  }
}
