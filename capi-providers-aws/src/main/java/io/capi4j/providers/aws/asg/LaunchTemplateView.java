package io.capi4j.providers.aws.asg;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.InstanceMetadataOptions;
import io.capi4j.providers.aws.api.v1beta2.PrivateDNSName;
import io.capi4j.providers.aws.api.v1beta2.SpotMarketOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The launch template fields {@link LaunchTemplateNeedsUpdate} compares, for either side: the one the spec asks
 * for ({@link #fromSpec}) and the latest version that exists in EC2 (built by the caller from
 * {@code DescribeLaunchTemplateVersions}, as upstream's {@code SDKToLaunchTemplate}).
 */
@Value.Immutable
public abstract class LaunchTemplateView implements WithLaunchTemplateView {
  /** The IAM instance profile's name (for an existing template: the part of the ARN after {@code instance-profile/}). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String iamInstanceProfile() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String instanceType() {
    return "";
  }

  public abstract Optional<InstanceMetadataOptions> instanceMetadataOptions();

  /** Nitro enclave options: present with the enabled flag when set. */
  public abstract Optional<Boolean> enclaveEnabled();

  /** Spot options; for an existing template, present (possibly empty) exactly when the market type is spot. */
  public abstract Optional<SpotMarketOptions> spotMarketOptions();

  public abstract Optional<String> capacityReservationId();

  public abstract Optional<PrivateDNSName> privateDnsName();

  /** Absent and {@code ""} both mean no key. */
  public abstract Optional<String> sshKeyName();

  /** All security group IDs: for the spec side, the resolved additional groups plus the core node groups. */
  public abstract List<String> securityGroupIds();

  /** The AMI ID (existing side) or the resolved AMI ID (spec side). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String amiId() {
    return "";
  }

  /**
   * The spec side of the comparison: the pool's {@code awsLaunchTemplate}, with the additional security groups
   * already resolved to IDs and the cluster's core node security groups (node and load balancer) added.
   */
  public static LaunchTemplateView fromSpec(
      AWSLaunchTemplate lt, List<String> resolvedAdditionalSecurityGroupIds, List<String> coreSecurityGroupIds,
      String resolvedAmiId, Optional<Boolean> enclaveEnabled) {
    List<String> sgs = new ArrayList<>(resolvedAdditionalSecurityGroupIds);
    sgs.addAll(coreSecurityGroupIds);
    return builder()
        .iamInstanceProfile(lt.iamInstanceProfile())
        .instanceType(lt.instanceType())
        .instanceMetadataOptions(lt.instanceMetadataOptions().map(o -> o.withUnknownFields(Map.of())))
        .enclaveEnabled(enclaveEnabled)
        .spotMarketOptions(lt.spotMarketOptions().map(o -> o.withUnknownFields(Map.of())))
        .capacityReservationId(lt.capacityReservationId())
        .privateDnsName(lt.privateDnsName().map(o -> o.withUnknownFields(Map.of())))
        .sshKeyName(lt.sshKeyName())
        .securityGroupIds(sgs)
        .amiId(resolvedAmiId)
        .build();
  }

  /** The instance profile name in an instance profile ARN ({@code arn:aws:iam::1:instance-profile/name} gives {@code name}). */
  public static String instanceProfileNameFromArn(String arn) {
    int i = arn.indexOf("instance-profile/");
    return i < 0 ? arn : arn.substring(i + "instance-profile/".length());
  }

  public static ImmutableLaunchTemplateView.Builder builder() {
    return ImmutableLaunchTemplateView.builder();
  }
}
