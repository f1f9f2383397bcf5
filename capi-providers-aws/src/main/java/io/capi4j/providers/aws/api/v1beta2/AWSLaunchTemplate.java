package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code awsLaunchTemplate}: the EC2 launch template of an AWSMachinePool or AWSManagedMachinePool.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSLaunchTemplate.class)
@JsonDeserialize(as = ImmutableAWSLaunchTemplate.class)
public abstract class AWSLaunchTemplate implements UnknownFields, WithAWSLaunchTemplate {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String iamInstanceProfile() {
    return "";
  }

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

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String instanceType() {
    return "";
  }

  public abstract Optional<Volume> rootVolume();

  public abstract List<Volume> nonRootVolumes();

  public abstract Optional<String> sshKeyName();

  public abstract Optional<Long> versionNumber();

  public abstract List<AWSResourceReference> additionalSecurityGroups();

  public abstract Optional<SpotMarketOptions> spotMarketOptions();

  public abstract Optional<InstanceMetadataOptions> instanceMetadataOptions();

  public abstract Optional<PrivateDNSName> privateDnsName();

  public abstract Optional<String> capacityReservationId();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String marketType() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String capacityReservationPreference() {
    return "";
  }

  public static ImmutableAWSLaunchTemplate.Builder builder() {
    return ImmutableAWSLaunchTemplate.builder();
  }
}
