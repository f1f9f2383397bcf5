package io.capi4j.providers.aws.asg;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSResourceReference;
import io.capi4j.providers.aws.api.v1beta2.InstancesDistribution;
import io.capi4j.providers.aws.api.v1beta2.MixedInstancesPolicy;
import io.capi4j.providers.aws.api.v1beta2.Overrides;
import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Upstream's {@code TestServiceCreateASG} and {@code TestServiceUpdateASG} ({@code autoscalinggroup_test.go}). */
class AsgRequestsTest {

  /** Upstream's {@code getMachinePoolScope} fixture. */
  static final AWSMachinePoolSpec FIXTURE = AWSMachinePoolSpec.builder()
      .minSize(1).maxSize(2)
      .addSubnet(AWSResourceReference.builder().id("subnet1").build())
      .refreshPreferences(RefreshPreferences.builder().strategy("Rolling").instanceWarmup(100L).minHealthyPercentage(80L)
          .maxHealthyPercentage(100L).build())
      .mixedInstancesPolicy(MixedInstancesPolicy.builder()
          .instancesDistribution(InstancesDistribution.builder().onDemandAllocationStrategy("prioritized")
              .onDemandBaseCapacity(0L).onDemandPercentageAboveBaseCapacity(100L).build())
          .addOverride(Overrides.builder().instanceType("t1.large").build()).build())
      .build();
  static final String ASG = "runningMachinePool";
  static final List<String> SUBNETS = List.of("subnet1");

  static Outcome<AsgRequest> create(AWSMachinePoolSpec spec, Optional<Integer> replicas, Map<String, String> annotations,
      String launchTemplateId, List<String> subnets) {
    return AsgRequests.create(ASG, "test", "default/" + ASG, replicas, ExternalAutoscaler.replicasManagedExternally(annotations),
        spec, launchTemplateId, subnets, Map.of());
  }

  @Test
  void shouldCreateAsgSuccessfully() {
    AsgRequest r = create(FIXTURE, Optional.of(1), Map.of(), "launchTemplateID", SUBNETS).get();
    assertThat(r.autoScalingGroupName()).isEqualTo(ASG);
    assertThat(r.capacityRebalance()).isFalse();
    assertThat(r.defaultCooldownSeconds()).contains(0L);
    assertThat(r.defaultInstanceWarmupSeconds()).contains(0L);
    assertThat(r.desiredCapacity()).contains(1);
    assertThat(r.maxSize()).isEqualTo(2);
    assertThat(r.minSize()).isEqualTo(1);
    assertThat(r.vpcZoneIdentifier()).isEqualTo("subnet1");
    assertThat(r.usesMixedInstancesPolicy()).isTrue();
    assertThat(r.mixedInstancesLaunchTemplateName()).contains(ASG);
    assertThat(r.launchTemplateVersion()).isEqualTo("$Latest");
    assertThat(r.mixedInstancesOverrides()).extracting(Overrides::instanceType).containsExactly("t1.large");
    assertThat(r.instancesDistribution().orElseThrow().spotAllocationStrategy()).isEmpty();
    assertThat(r.instancesDistribution().orElseThrow().onDemandAllocationStrategy()).isEqualTo("prioritized");
    assertThat(r.tags()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "kubernetes.io/cluster/test", "owned",
        "sigs.k8s.io/cluster-api-provider-aws/cluster/test", "owned",
        "sigs.k8s.io/cluster-api-provider-aws/role", "node",
        "Name", ASG));
  }

  @Test
  void withoutPolicyTheLaunchTemplateIsReferencedById() {
    AsgRequest r = create(FIXTURE.withMixedInstancesPolicy(Optional.empty()), Optional.of(1), Map.of(), "lt-123", SUBNETS).get();
    assertThat(r.launchTemplateId()).contains("lt-123");
    assertThat(r.usesMixedInstancesPolicy()).isFalse();
  }

  @Test
  void shouldNotFailIfMachinePoolReplicasAreOutsideRangeWhenManagedExternally() {
    Outcome<AsgRequest> low = create(FIXTURE.withMinSize(2).withMaxSize(5), Optional.of(1),
        Map.of("cluster.x-k8s.io/replicas-managed-by", ""), "launchTemplateID", SUBNETS);
    assertThat(low.isOk()).isTrue();
    assertThat(low.get().desiredCapacity()).isEmpty();
    Outcome<AsgRequest> high = create(FIXTURE.withMinSize(2).withMaxSize(5), Optional.of(6),
        Map.of("cluster.x-k8s.io/replicas-managed-by", "truthy"), "launchTemplateID", SUBNETS);
    assertThat(high.isOk()).isTrue();
    assertThat(high.get().desiredCapacity()).isEmpty();
  }

  @Test
  void shouldReturnErrorIfMachinePoolReplicasAreOutsideRange() {
    assertThat(create(FIXTURE.withMinSize(2).withMaxSize(3), Optional.of(1), Map.of(), "launchTemplateID", SUBNETS).error())
        .contains("incorrect number of replicas 1 in MachinePool default/" + ASG);
    assertThat(create(FIXTURE.withMinSize(2).withMaxSize(3), Optional.of(4), Map.of(), "launchTemplateID", SUBNETS).error())
        .contains("incorrect number of replicas 4 in MachinePool default/" + ASG);
  }

  @Test
  void shouldReturnErrorIfSubnetsAreNotAvailable() {
    assertThat(create(FIXTURE, Optional.of(1), Map.of(), "launchTemplateID", List.of()).error())
        .contains("expected at least 1 subnet but got 0");
  }

  @Test
  void shouldReturnErrorIfLaunchTemplateIdIsNotSet() {
    assertThat(create(FIXTURE.withMixedInstancesPolicy(Optional.empty()), Optional.of(1), Map.of(), "", SUBNETS).error())
        .contains("AWSMachinePool has no LaunchTemplateID for some reason");
  }

  @Test
  void unsetReplicasAreAnError() {
    assertThat(create(FIXTURE, Optional.empty(), Map.of(), "launchTemplateID", SUBNETS).isOk()).isFalse();
  }

  @Test
  void createSendsTheDefaultedDurationsInSeconds() {
    AsgRequest r = create(FIXTURE.withDefaultCoolDown("5m0s").withDefaultInstanceWarmup("90s"), Optional.of(1), Map.of(),
        "launchTemplateID", List.of("subnet1", "subnet2")).get();
    assertThat(r.defaultCooldownSeconds()).contains(300L);
    assertThat(r.defaultInstanceWarmupSeconds()).contains(90L);
    assertThat(r.vpcZoneIdentifier()).isEqualTo("subnet1, subnet2");
  }

  @Test
  void updateAsgWithReplicas() {
    AsgRequest r = AsgRequests.update(ASG, Optional.of(3), false, FIXTURE.withMinSize(2).withMaxSize(5), "launchTemplateID",
        List.of("subnet1", "subnet2"));
    assertThat(r.minSize()).isEqualTo(2);
    assertThat(r.maxSize()).isEqualTo(5);
    assertThat(r.desiredCapacity()).contains(3);
    assertThat(r.vpcZoneIdentifier()).isEqualTo("subnet1,subnet2");
    assertThat(r.defaultCooldownSeconds()).isEmpty();
    assertThat(r.defaultInstanceWarmupSeconds()).isEmpty();
  }

  @Test
  void updateAsgWithExternallyManagedReplicasOmitsTheDesiredCapacity() {
    AsgRequest r = AsgRequests.update(ASG, Optional.of(40),
        ExternalAutoscaler.replicasManagedExternally(Map.of("cluster.x-k8s.io/replicas-managed-by", "anything-that-is-not-false")),
        FIXTURE.withMinSize(20).withMaxSize(50), "launchTemplateID", SUBNETS);
    assertThat(r.minSize()).isEqualTo(20);
    assertThat(r.maxSize()).isEqualTo(50);
    assertThat(r.desiredCapacity()).isEmpty();
  }
}
