package io.capi4j.providers.aws.asg;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.InstancesDistribution;
import io.capi4j.providers.aws.api.v1beta2.MixedInstancesPolicy;
import io.capi4j.providers.aws.api.v1beta2.Overrides;
import io.capi4j.providers.aws.api.v1beta2.Processes;
import io.capi4j.providers.aws.api.v1beta2.SuspendProcessesTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestDiffASG} ({@code exp/controllers/awsmachinepool_controller_test.go}), plus the subnet and suspend rules. */
class AsgDiffTest {

  /** A pool with Go's zero values, as upstream's test structs. */
  static final AWSMachinePoolSpec ZERO = AWSMachinePoolSpec.builder().minSize(0).maxSize(0).build();
  static final ObservedAsg ASG = ObservedAsg.builder().name("asg").build();

  static final InstancesDistribution PRIORITIZED = InstancesDistribution.builder().onDemandAllocationStrategy("prioritized").build();

  record Case(Optional<Integer> replicas, Map<String, String> annotations, AWSMachinePoolSpec spec, ObservedAsg asg) {}

  static Arguments c(String name, Optional<Integer> replicas, Map<String, String> annotations, AWSMachinePoolSpec spec,
      ObservedAsg asg, boolean wantDiff) {
    return Arguments.of(Named.of(name, new Case(replicas, annotations, spec, asg)), wantDiff);
  }

  static Stream<Arguments> cases() {
    MixedInstancesPolicy m6a = MixedInstancesPolicy.builder().addOverride(Overrides.builder().instanceType("m6a.32xlarge").build()).build();
    InstancesDistribution full = InstancesDistribution.builder().onDemandAllocationStrategy("prioritized")
        .spotAllocationStrategy("lowest-price").onDemandBaseCapacity(0L).onDemandPercentageAboveBaseCapacity(100L).build();
    return Stream.of(
        c("replicas != asg.desiredCapacity", Optional.of(0), Map.of(), ZERO, ASG.withDesiredCapacity(1), true),
        c("replicas (nil) != asg.desiredCapacity", Optional.empty(), Map.of(), ZERO, ASG.withDesiredCapacity(1), true),
        c("replicas != asg.desiredCapacity (nil)", Optional.of(0), Map.of(), ZERO, ASG, true),
        c("maxSize != asg.maxSize", Optional.of(1), Map.of(), ZERO.withMaxSize(1), ASG.withDesiredCapacity(1).withMaxSize(2), true),
        c("minSize != asg.minSize", Optional.of(1), Map.of(), ZERO.withMinSize(0).withMaxSize(2),
            ASG.withDesiredCapacity(1).withMinSize(1).withMaxSize(2), true),
        c("capacityRebalance != asg.capacityRebalance", Optional.of(1), Map.of(), ZERO.withMaxSize(2).withCapacityRebalance(true),
            ASG.withDesiredCapacity(1).withMaxSize(2).withCapacityRebalance(false), true),
        c("MixedInstancesPolicy != asg.MixedInstancesPolicy", Optional.of(1), Map.of(),
            ZERO.withMaxSize(2).withMixedInstancesPolicy(MixedInstancesPolicy.builder().instancesDistribution(PRIORITIZED).build()),
            ASG.withDesiredCapacity(1).withMaxSize(2).withMixedInstancesPolicy(MixedInstancesPolicy.builder().build()), true),
        c("MixedInstancesPolicy.InstancesDistribution != asg.MixedInstancesPolicy.InstancesDistribution", Optional.of(1), Map.of(),
            ZERO.withMaxSize(2).withMixedInstancesPolicy(m6a.withInstancesDistribution(full.withSpotAllocationStrategy("capacity-optimized"))),
            ASG.withDesiredCapacity(1).withMaxSize(2).withMixedInstancesPolicy(m6a.withInstancesDistribution(full)), true),
        c("MixedInstancesPolicy.InstancesDistribution unset", Optional.of(1), Map.of(),
            ZERO.withMaxSize(2).withMixedInstancesPolicy(m6a),
            ASG.withDesiredCapacity(1).withMaxSize(2).withMixedInstancesPolicy(m6a.withInstancesDistribution(full)), false),
        c("SuspendProcesses != asg.SuspendProcesses", Optional.of(1), Map.of(),
            ZERO.withMaxSize(2).withCapacityRebalance(true)
                .withMixedInstancesPolicy(MixedInstancesPolicy.builder().instancesDistribution(PRIORITIZED).build())
                .withSuspendProcesses(SuspendProcessesTypes.builder().processes(Processes.builder().launch(true).terminate(true).build()).build()),
            ASG.withDesiredCapacity(1).withMaxSize(2).withCapacityRebalance(true).withSuspendedProcesses("Launch", "Terminate")
                .withMixedInstancesPolicy(MixedInstancesPolicy.builder().build()), true),
        c("all matches", Optional.of(1), Map.of(),
            ZERO.withMaxSize(2).withCapacityRebalance(true).withMixedInstancesPolicy(MixedInstancesPolicy.builder().instancesDistribution(PRIORITIZED).build()),
            ASG.withDesiredCapacity(1).withMaxSize(2).withCapacityRebalance(true)
                .withMixedInstancesPolicy(MixedInstancesPolicy.builder().instancesDistribution(PRIORITIZED).build()), false),
        c("externally managed annotation ignores difference between desiredCapacity and replicas", Optional.of(0),
            Map.of("cluster.x-k8s.io/replicas-managed-by", ""), ZERO, ASG.withDesiredCapacity(1), false),
        c("without externally managed annotation ignores difference between desiredCapacity and replicas", Optional.of(0), Map.of(),
            ZERO, ASG.withDesiredCapacity(1), true),
        // capi4j: upstream dereferences a nil here and panics; a policy the ASG does not have is a difference.
        c("policy without distribution while the ASG has no policy", Optional.of(1), Map.of(),
            ZERO.withMaxSize(2).withMixedInstancesPolicy(m6a), ASG.withDesiredCapacity(1).withMaxSize(2), true),
        c("overrides are compared in order", Optional.of(1), Map.of(),
            ZERO.withMaxSize(2).withMixedInstancesPolicy(MixedInstancesPolicy.builder().addOverrides(Overrides.builder().instanceType("a").build(),
                Overrides.builder().instanceType("b").build()).build()),
            ASG.withDesiredCapacity(1).withMaxSize(2).withMixedInstancesPolicy(MixedInstancesPolicy.builder()
                .addOverrides(Overrides.builder().instanceType("b").build(), Overrides.builder().instanceType("a").build()).build()), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void diffAsg(Case c, boolean wantDiff) {
    AsgDiff diff = AsgDiff.between(c.replicas(), ExternalAutoscaler.replicasManagedExternally(c.annotations()), c.spec(), c.asg());
    assertThat(diff.hasDifferences()).as(diff.toString()).isEqualTo(wantDiff);
  }

  @Test
  void differencesNameTheFields() {
    AsgDiff diff = AsgDiff.between(Optional.of(3), false, ZERO.withMaxSize(5), ASG.withDesiredCapacity(2).withMaxSize(4));
    assertThat(diff.differences()).containsExactly("desiredCapacity: 3 != 2", "maxSize: 5 != 4");
  }

  @Test
  void subnetsAreComparedAsSets() {
    assertThat(AsgDiff.subnetsDiffer(List.of("subnet2", "subnet1"), List.of("subnet1", "subnet2"))).isFalse();
    assertThat(AsgDiff.subnetsDiffer(List.of("subnet1"), List.of("subnet1", "subnet2"))).isTrue();
    assertThat(AsgDiff.subnetsDiffer(List.of("subnet1", "subnet1"), List.of("subnet1"))).isFalse();
  }

  @Test
  void externalAutoscalerAnnotation() {
    String key = "cluster.x-k8s.io/replicas-managed-by";
    for (String truthy : List.of("", "truthy", "somehow-externally-managed", "anything-that-is-not-false")) {
      assertThat(ExternalAutoscaler.replicasManagedExternally(Map.of(key, truthy))).as(truthy).isTrue();
    }
    assertThat(ExternalAutoscaler.replicasManagedExternally(Map.of(key, "false"))).isFalse();
    assertThat(ExternalAutoscaler.replicasManagedExternally(Map.of())).isFalse();
  }

  @Test
  void suspendAllSuspendsEveryProcessExceptThoseSetFalse() {
    SuspendProcessesPlan all = SuspendProcessesPlan.plan(Optional.of(SuspendProcessesTypes.builder().all(true).build()), List.of());
    assertThat(all.suspend()).containsExactly("Launch", "Terminate", "AddToLoadBalancer", "AlarmNotification", "AZRebalance",
        "HealthCheck", "InstanceRefresh", "ReplaceUnhealthy", "ScheduledActions");
    assertThat(all.resume()).isEmpty();
    List<String> allButTerminate = SuspendProcessesPlan.desired(Optional.of(SuspendProcessesTypes.builder().all(true)
        .processes(Processes.builder().terminate(false).build()).build()));
    assertThat(allButTerminate).hasSize(8).doesNotContain("Terminate");
  }

  @Test
  void suspendAndResumeTheDifference() {
    SuspendProcessesPlan plan = SuspendProcessesPlan.plan(Optional.of(SuspendProcessesTypes.builder()
        .processes(Processes.builder().launch(true).terminate(true).build()).build()), List.of("Launch", "process3"));
    assertThat(plan.suspend()).containsExactly("Terminate");
    assertThat(plan.resume()).containsExactly("process3");
    assertThat(SuspendProcessesPlan.plan(Optional.empty(), List.of()).hasChanges()).isFalse();
    assertThat(SuspendProcessesPlan.plan(Optional.empty(), List.of("Launch")).resume()).containsExactly("Launch");
  }
}
