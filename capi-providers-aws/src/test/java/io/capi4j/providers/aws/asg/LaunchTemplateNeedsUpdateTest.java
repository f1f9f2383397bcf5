package io.capi4j.providers.aws.asg;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.InstanceMetadataOptions;
import io.capi4j.providers.aws.api.v1beta2.PrivateDNSName;
import io.capi4j.providers.aws.api.v1beta2.SpotMarketOptions;
import io.capi4j.providers.aws.asg.LaunchTemplateNeedsUpdate.Reason;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestServiceLaunchTemplateNeedsUpdate} ({@code pkg/cloud/services/ec2/launchtemplate_test.go}). */
class LaunchTemplateNeedsUpdateTest {
  /** The cluster's core node security groups: node and load balancer. */
  static final List<String> CORE = List.of("sg-111", "sg-222");

  static final AWSLaunchTemplate SPEC = AWSLaunchTemplate.builder().iamInstanceProfile("common-role").instanceType("t3.micro").build();
  static final LaunchTemplateView EXISTING = LaunchTemplateView.builder().iamInstanceProfile("common-role").instanceType("t3.micro")
      .addSecurityGroupIds("sg-111", "sg-222").build();

  record Case(AWSLaunchTemplate incoming, List<String> resolvedSgs, Optional<Boolean> enclave, LaunchTemplateView existing) {}

  static Arguments c(String name, UnaryOperator<AWSLaunchTemplate> in, List<String> resolvedSgs, Optional<Boolean> enclave,
      UnaryOperator<LaunchTemplateView> ex, Reason want) {
    return Arguments.of(Named.of(name, new Case(in.apply(SPEC), resolvedSgs, enclave, ex.apply(EXISTING))), Optional.ofNullable(want));
  }

  static Arguments c(String name, UnaryOperator<AWSLaunchTemplate> in, UnaryOperator<LaunchTemplateView> ex, Reason want) {
    return c(name, in, List.of(), Optional.empty(), ex, want);
  }

  static final InstanceMetadataOptions IMDS = InstanceMetadataOptions.builder().httpPutResponseHopLimit(1L).httpTokens("required").build();

  static Stream<Arguments> cases() {
    return Stream.of(
        c("only core security groups, order doesn't matter", l -> l, List.of(), Optional.empty(),
            e -> e.withSecurityGroupIds("sg-222", "sg-111"), null),
        c("with additional security groups", l -> l, List.of("sg-999"), Optional.empty(),
            e -> e.withSecurityGroupIds("sg-111", "sg-222", "sg-999"), null),
        c("core security group removed externally", l -> l, List.of("sg-999"), Optional.empty(),
            e -> e.withSecurityGroupIds("sg-222", "sg-999"), Reason.ADDITIONAL_SECURITY_GROUP_IDS),
        c("new additional security group", l -> l, List.of("sg-999", "sg-000"), Optional.empty(),
            e -> e.withSecurityGroupIds("sg-111", "sg-222", "sg-999"), Reason.ADDITIONAL_SECURITY_GROUP_IDS),
        c("security group filters resolve to different groups", l -> l, List.of("sg-1234"), Optional.empty(),
            e -> e.withSecurityGroupIds("sg-111", "sg-222", "sg-999"), Reason.ADDITIONAL_SECURITY_GROUP_IDS),
        c("new IAM instance profile", l -> l.withIamInstanceProfile("new-role"), e -> e, Reason.IAM_INSTANCE_PROFILE),
        c("new instance type", l -> l.withInstanceType("t3.large"), e -> e, Reason.INSTANCE_TYPE),
        c("new instance metadata options", l -> l.withInstanceMetadataOptions(IMDS), e -> e, Reason.INSTANCE_METADATA_OPTIONS),
        c("instance metadata options removed", l -> l, e -> e.withInstanceMetadataOptions(IMDS), Reason.INSTANCE_METADATA_OPTIONS),
        c("nitro enclaves enabled", l -> l, List.of(), Optional.of(true), e -> e, Reason.ENCLAVE_OPTIONS),
        c("nitro enclaves removed", l -> l, List.of(), Optional.empty(), e -> e.withEnclaveEnabled(true), Reason.ENCLAVE_OPTIONS),
        c("new spot max price", l -> l.withSpotMarketOptions(SpotMarketOptions.builder().maxPrice("0.10").build()),
            e -> e.withSpotMarketOptions(SpotMarketOptions.builder().maxPrice("0.05").build()), Reason.SPOT_MARKET_OPTIONS),
        c("spot market options added", l -> l.withSpotMarketOptions(SpotMarketOptions.builder().maxPrice("0.10").build()), e -> e,
            Reason.SPOT_MARKET_OPTIONS),
        c("spot market options removed", l -> l, e -> e.withSpotMarketOptions(SpotMarketOptions.builder().maxPrice("0.05").build()),
            Reason.SPOT_MARKET_OPTIONS),
        c("new SSH key name", l -> l.withSshKeyName("new-key"), e -> e.withSshKeyName("old-key"), Reason.SSH_KEY_NAME),
        c("SSH key name added", l -> l.withSshKeyName("new-key"), e -> e, Reason.SSH_KEY_NAME),
        c("empty SSH key name equals none", l -> l.withSshKeyName(""), e -> e, null),
        c("new private DNS name", l -> l.withPrivateDnsName(PrivateDNSName.builder().hostnameType("resource-name").build()),
            e -> e.withPrivateDnsName(PrivateDNSName.builder().hostnameType("ip-name").build()), Reason.PRIVATE_DNS_NAME),
        c("private DNS name added", l -> l.withPrivateDnsName(PrivateDNSName.builder().enableResourceNameDnsARecord(true).build()),
            e -> e, Reason.PRIVATE_DNS_NAME),
        c("private DNS name removed", l -> l, e -> e.withPrivateDnsName(PrivateDNSName.builder().hostnameType("ip-name").build()),
            Reason.PRIVATE_DNS_NAME),
        c("new capacity reservation", l -> l.withCapacityReservationId("cr-new"), e -> e.withCapacityReservationId("cr-old"),
            Reason.CAPACITY_RESERVATION_ID),
        c("capacity reservation added", l -> l.withCapacityReservationId("cr-new"), e -> e, Reason.CAPACITY_RESERVATION_ID),
        c("first difference wins: IAM instance profile before instance type",
            l -> l.withIamInstanceProfile("new-role").withInstanceType("t3.large"), e -> e, Reason.IAM_INSTANCE_PROFILE),
        c("volumes and market type are not compared (upstream quirk)",
            l -> l.withMarketType("Spot").withCapacityReservationPreference("Open"), e -> e, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void launchTemplateNeedsUpdate(Case c, Optional<Reason> want) {
    LaunchTemplateView incoming = LaunchTemplateView.fromSpec(c.incoming(), c.resolvedSgs(), CORE, "", c.enclave());
    assertThat(LaunchTemplateNeedsUpdate.check(incoming, c.existing())).isEqualTo(want);
  }

  @Test
  void reasonsKeepUpstreamNames() {
    assertThat(Reason.ADDITIONAL_SECURITY_GROUP_IDS.upstreamName()).isEqualTo("AdditionalSecurityGroupIDs");
    assertThat(Reason.CAPACITY_RESERVATION_ID.upstreamName()).isEqualTo("CapacityReservationID");
    assertThat(LaunchTemplateView.instanceProfileNameFromArn("arn:aws:iam::123:instance-profile/nodes")).isEqualTo("nodes");
  }
}
