package io.capi4j.providers.aws.webhooks;

import static io.capi4j.providers.aws.AwsTestSupport.meta;
import static io.capi4j.providers.aws.AwsTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.AwsTestSupport;
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSLifecycleHook;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSResourceReference;
import io.capi4j.providers.aws.api.v1beta2.Filter;
import io.capi4j.providers.aws.api.v1beta2.Ignition;
import io.capi4j.providers.aws.api.v1beta2.InstancesDistribution;
import io.capi4j.providers.aws.api.v1beta2.MixedInstancesPolicy;
import io.capi4j.providers.aws.api.v1beta2.Overrides;
import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import io.capi4j.providers.aws.api.v1beta2.SpotMarketOptions;
import io.capi4j.providers.aws.api.v1beta2.Volume;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.AdmissionResult;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code exp/webhooks/awsmachinepool_webhook_test.go} and the CRD rules of AWSMachinePool. */
class AWSMachinePoolWebhookTest {

  static final AWSLaunchTemplate LT = AWSLaunchTemplate.builder().instanceType("t3.large").build();

  static AWSMachinePool pool(UnaryOperator<AWSMachinePoolSpec> edit) {
    AWSMachinePoolSpec spec = AWSMachinePoolSpec.builder().minSize(1).maxSize(3).awsLaunchTemplate(LT).build();
    return AWSMachinePool.builder().metadata(meta("pool")).spec(edit.apply(spec)).build();
  }

  static UnaryOperator<AWSMachinePoolSpec> lt(UnaryOperator<AWSLaunchTemplate> edit) {
    return s -> s.withAwsLaunchTemplate(edit.apply(s.awsLaunchTemplateOrEmpty()));
  }

  static AWSLifecycleHook hook(UnaryOperator<AWSLifecycleHook> edit) {
    return edit.apply(AWSLifecycleHook.builder().name("hook").lifecycleTransition(AWSLifecycleHook.TRANSITION_TERMINATING).build());
  }

  static final AWSResourceReference ID_AND_FILTERS = AWSResourceReference.builder().id("sg-1")
      .addFilter(Filter.builder().name("sg-1").addValue("test").build()).build();
  static final MixedInstancesPolicy MIP = MixedInstancesPolicy.builder()
      .addOverride(Overrides.builder().instanceType("t3.medium").build()).build();
  static final SpotMarketOptions SPOT = SpotMarketOptions.builder().maxPrice("0.1").build();

  static Arguments c(String name, UnaryOperator<AWSMachinePoolSpec> edit, String expected) {
    return Arguments.of(Named.of(name, edit), expected);
  }

  static Stream<Arguments> createCases() {
    return Stream.of(
        c("valid tags", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "key-2", "value-2")), null),
        c("invalid tags are rejected", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "", "value-2",
            "CAPI".repeat(33), "value-3", "key-4", "CAPI".repeat(65))), "additionalTags"),
        c("should fail if additional security groups are provided with both ID and Filters",
            lt(l -> l.withAdditionalSecurityGroups(ID_AND_FILTERS)), "filter"),
        c("should fail if both subnet ID and filters passed in AWSMachinePool spec",
            s -> s.withSubnets(AWSResourceReference.builder().id("subnet-id")
                .addFilter(Filter.builder().name("filter_name").addValue("filter_value").build()).build()), "filter"),
        c("should pass if either subnetIDs or filters are passed in AWSMachinePool spec",
            s -> s.withSubnets(AWSResourceReference.builder().id("subnet-id").build()), null),
        c("Ensure root volume with device name works (for clusterctl move)",
            lt(l -> l.withRootVolume(Volume.builder().deviceName("name").type("gp2").size(8L).build())), null),
        c("Should fail if both spot market options or mixed instances policy are set",
            s -> lt(l -> l.withSpotMarketOptions(SPOT)).apply(s).withMixedInstancesPolicy(MIP), "spotMarketOptions"),
        c("Should fail if MaxHealthyPercentage is set, but MinHealthyPercentage is not set",
            s -> s.withRefreshPreferences(RefreshPreferences.builder().maxHealthyPercentage(100L).build()),
            "minHealthyPercentage"),
        c("Should fail if the difference between MaxHealthyPercentage and MinHealthyPercentage is greater than 100",
            s -> s.withRefreshPreferences(RefreshPreferences.builder().maxHealthyPercentage(150L).minHealthyPercentage(25L).build()),
            "minHealthyPercentage"),
        c("Should fail if lifecycle hook only has roleARN, but not notificationTargetARN",
            s -> s.withLifecycleHooks(hook(h -> h.withRoleARN("role-arn"))), "notificationTargetARN"),
        c("Should fail if lifecycle hook only has notificationTargetARN, but not roleARN",
            s -> s.withLifecycleHooks(hook(h -> h.withNotificationTargetARN("notification-target-arn"))), "roleARN"),
        c("Should fail if the lifecycle hook heartbeat timeout is less than 30 seconds",
            s -> s.withLifecycleHooks(hook(h -> h.withHeartbeatTimeout("29s"))), "heartbeatTimeout"),
        c("Should fail if the lifecycle hook heartbeat timeout is more than 172800 seconds",
            s -> s.withLifecycleHooks(hook(h -> h.withHeartbeatTimeout("172801s"))), "heartbeatTimeout"),
        c("Should succeed on correct lifecycle hook",
            s -> s.withLifecycleHooks(hook(h -> h.withHeartbeatTimeout("180s").withRoleARN("role-arn")
                .withNotificationTargetARN("notification-target-arn").withDefaultResult("CONTINUE"))), null),
        c("Should fail if MarketType is invalid", lt(l -> l.withMarketType("invalid")),
            "invalid: spec.awsLaunchTemplate.marketType"),
        c("Should pass if MarketType is empty", lt(l -> l.withMarketType("")), null),
        c("Should fail if MarketType is Spot and CapacityReservationID is set",
            lt(l -> l.withMarketType("Spot").withCapacityReservationId("cr-123")),
            "cannot be set to 'Spot' when CapacityReservationID is specified"),
        c("Should fail if spotMarketOptions is set and CapacityReservationID is set",
            lt(l -> l.withSpotMarketOptions(SPOT).withCapacityReservationId("cr-123")),
            "cannot be set to when CapacityReservationID is specified"),
        c("Should fail if CapacityReservationPreference is None and CapacityReservationID is set",
            lt(l -> l.withCapacityReservationPreference("None").withCapacityReservationId("cr-123")),
            "when capacityReservationId is specified, capacityReservationPreference may only be `CapacityReservationsOnly` or empty"),
        c("Should fail if MarketType is CapacityBlock and spotMarketOptions are set",
            lt(l -> l.withMarketType("CapacityBlock").withSpotMarketOptions(SPOT).withCapacityReservationId("cr-123")),
            "setting marketType to CapacityBlock and spotMarketOptions cannot be used together"),
        c("Should fail if MarketType is OnDemand and spotMarketOptions are set",
            lt(l -> l.withMarketType("OnDemand").withSpotMarketOptions(SPOT)),
            "setting marketType to OnDemand and spotMarketOptions cannot be used together"),
        c("Should fail if MarketType is CapacityBlock and CapacityReservationID is not set",
            lt(l -> l.withMarketType("CapacityBlock")),
            "capacityReservationID: Forbidden: is required when CapacityBlock is provided"),
        c("Should pass if MarketType is CapacityBlock and CapacityReservationID is set",
            lt(l -> l.withMarketType("CapacityBlock").withCapacityReservationId("cr-12345678901234567")), null),
        // Follow directly from the rules (not upstream test cases).
        c("max - min of exactly 100 is allowed",
            s -> s.withRefreshPreferences(RefreshPreferences.builder().maxHealthyPercentage(200L).minHealthyPercentage(100L).build()),
            null),
        c("maxHealthyPercentage above 200 is rejected by the CRD",
            s -> s.withRefreshPreferences(RefreshPreferences.builder().maxHealthyPercentage(201L).minHealthyPercentage(101L).build()),
            "spec.refreshPreferences.maxHealthyPercentage: Invalid value: 201: spec.refreshPreferences.maxHealthyPercentage in body should be less than or equal to 200"),
        c("maxHealthyPercentage below 100 is rejected by the CRD",
            s -> s.withRefreshPreferences(RefreshPreferences.builder().maxHealthyPercentage(99L).minHealthyPercentage(50L).build()),
            "should be greater than or equal to 100"),
        c("a negative default cool-down is rejected", s -> s.withDefaultCoolDown("-10s"), "DefaultCoolDown must be greater than zero"),
        c("an unparsable default cool-down is rejected", s -> s.withDefaultCoolDown("5 minutes"),
            "time: unknown unit \" minutes\" in duration \"5 minutes\""),
        c("a default warm-up that is no duration is rejected", s -> s.withDefaultInstanceWarmup("soon"),
            "spec.defaultInstanceWarmup: Invalid value: \"soon\": time: invalid duration \"soon\""),
        c("io1 root volume needs iops", lt(l -> l.withRootVolume(Volume.builder().type("io1").size(8L).build())),
            "spec.awsLaunchTemplate.rootVolume.iops: Required value: iops required if type is 'io1' or 'io2'"),
        c("root volume throughput must be within 125 to 2000",
            lt(l -> l.withRootVolume(Volume.builder().type("gp3").size(8L).throughput(100L).build())),
            "throughput must be between 125 Mib/s and 2000 MiB/s"),
        c("non-root volumes need a device name",
            lt(l -> l.withNonRootVolumes(Volume.builder().type("gp3").size(8L).build())),
            "spec.awsLaunchTemplate.nonRootVolumes[0].deviceName: Required value: non root volume should have device name"),
        c("a volume needs at least 8 GiB", lt(l -> l.withRootVolume(Volume.builder().type("gp3").size(4L).build())),
            "spec.awsLaunchTemplate.rootVolume.size in body should be greater than or equal to 8"),
        c("the launch template is required", s -> s.withAwsLaunchTemplate(java.util.Optional.empty()),
            "spec.awsLaunchTemplate: Required value"),
        c("a lifecycle hook needs a known transition", s -> s.withLifecycleHooks(hook(h -> h.withLifecycleTransition("launch"))),
            "LifecycleTransition must be either \"autoscaling:EC2_INSTANCE_LAUNCHING\" or \"autoscaling:EC2_INSTANCE_TERMINATING\""),
        c("a lifecycle hook needs a known default result", s -> s.withLifecycleHooks(hook(h -> h.withDefaultResult("RETRY"))),
            "DefaultResult must be either CONTINUE or ABANDON"),
        c("ignition needs the BootstrapFormatIgnition gate", s -> s.withIgnition(Ignition.builder().build()),
            "spec.ignition: Forbidden: can be set only if the BootstrapFormatIgnition feature gate is enabled"),
        c("an unknown spot allocation strategy is rejected by the CRD",
            s -> s.withMixedInstancesPolicy(MIP.withInstancesDistribution(InstancesDistribution.builder().spotAllocationStrategy("cheapest").build())),
            "spec.mixedInstancesPolicy.instancesDistribution.spotAllocationStrategy: Unsupported value: \"cheapest\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void validateCreate(UnaryOperator<AWSMachinePoolSpec> edit, String expected) {
    AdmissionResult r = AwsTestSupport.create(pool(edit));
    if (expected == null) {
      assertThat(r.errors()).isEmpty();
    } else {
      assertThat(render(r)).contains(expected);
    }
  }

  static Stream<Arguments> updateCases() {
    return Stream.of(
        c("adding valid tags", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "key-2", "value-2")), null),
        c("adding invalid tags", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "", "value-2",
            "CAPI".repeat(33), "value-3", "key-4", "CAPI".repeat(65))), "additionalTags"),
        c("should fail if both subnetIDs and filters passed during update",
            s -> s.withSubnets(AWSResourceReference.builder().id("subnet-id")
                .addFilter(Filter.builder().name("filter_name").addValue("filter_value").build()).build()), "filter"),
        c("should pass if either subnetIDs or filters are passed during update",
            s -> s.withSubnets(AWSResourceReference.builder().id("subnet-id").build()), null),
        c("Should fail update if both spec.awsLaunchTemplate.SpotMarketOptions and spec.MixedInstancesPolicy are passed",
            s -> lt(l -> l.withSpotMarketOptions(SPOT)).apply(s).withMixedInstancesPolicy(MIP), "spotMarketOptions"),
        c("Should fail if MaxHealthyPercentage is set, but MinHealthyPercentage is not set",
            s -> s.withRefreshPreferences(RefreshPreferences.builder().maxHealthyPercentage(100L).build()),
            "minHealthyPercentage"),
        c("Should fail if the difference between MaxHealthyPercentage and MinHealthyPercentage is greater than 100",
            s -> s.withRefreshPreferences(RefreshPreferences.builder().maxHealthyPercentage(150L).minHealthyPercentage(25L).build()),
            "minHealthyPercentage"),
        // Upstream runs fewer checks on update: market type, capacity reservation and volumes are not checked.
        c("an update does not check the market type", lt(l -> l.withMarketType("invalid")), null),
        c("an update does not check volumes", lt(l -> l.withRootVolume(Volume.builder().type("io1").size(8L).build())), null),
        c("an update still checks lifecycle hooks", s -> s.withLifecycleHooks(hook(h -> h.withHeartbeatTimeout("29s"))),
            "heartbeatTimeout"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void validateUpdate(UnaryOperator<AWSMachinePoolSpec> edit, String expected) {
    AWSMachinePool old = AwsTestSupport.admitted(pool(s -> s));
    AdmissionResult r = AwsTestSupport.update(old, pool(edit));
    if (expected == null) {
      assertThat(r.errors()).isEmpty();
    } else {
      assertThat(render(r)).contains(expected);
    }
  }

  @Test
  void defaultSetsCoolDownAndWarmupTo300Seconds() {
    AWSMachinePool p = new AWSMachinePoolWebhook().applyDefaults(pool(s -> s), AdmissionContext.create());
    assertThat(p.spec().defaultCoolDown()).isEqualTo("5m0s");
    assertThat(p.spec().defaultInstanceWarmup()).isEqualTo("5m0s");
    assertThat(p.spec().refreshPreferences()).isEmpty();
  }

  @Test
  void defaultKeepsNonZeroDurationsAndReplacesSubSecondOnes() {
    AWSMachinePool p = new AWSMachinePoolWebhook().applyDefaults(
        pool(s -> s.withDefaultCoolDown("10m").withDefaultInstanceWarmup("500ms")), AdmissionContext.create());
    assertThat(p.spec().defaultCoolDown()).isEqualTo("10m");
    assertThat(p.spec().defaultInstanceWarmup()).isEqualTo("5m0s");
  }

  @Test
  void defaultFillsTheInstancesDistributionAndIgnition() {
    AWSMachinePool p = new AWSMachinePoolWebhook().applyDefaults(
        pool(s -> s.withMixedInstancesPolicy(MIP.withInstancesDistribution(InstancesDistribution.builder().build()))
            .withIgnition(Ignition.builder().build())),
        AdmissionContext.create());
    InstancesDistribution d = p.spec().mixedInstancesPolicy().orElseThrow().instancesDistribution().orElseThrow();
    assertThat(d.onDemandAllocationStrategy()).isEqualTo("prioritized");
    assertThat(d.spotAllocationStrategy()).isEqualTo("lowest-price");
    assertThat(d.onDemandBaseCapacity()).contains(0L);
    assertThat(d.onDemandPercentageAboveBaseCapacity()).contains(100L);
    assertThat(p.spec().ignition().orElseThrow().storageType()).isEqualTo(Ignition.STORAGE_UNENCRYPTED_USER_DATA);
    assertThat(p.spec().ignition().orElseThrow().version()).isEmpty();
  }
}
