package io.capi4j.providers.aws.eks;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.ManagedMachinePoolScaling;
import io.capi4j.providers.aws.api.v1beta2.NodeRepairConfig;
import io.capi4j.providers.aws.api.v1beta2.Taint;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import io.capi4j.providers.aws.asg.AsgInstance;
import io.capi4j.providers.aws.asg.Outcome;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node group decisions of upstream's {@code pkg/cloud/services/eks/nodegroup.go}. */
class NodegroupDecisionsTest {
  static final ObservedNodegroup NG = ObservedNodegroup.builder().name("ng").status("ACTIVE").version("1.28")
      .releaseVersion("1.28.5-20240101").launchTemplateVersion("1").desiredSize(3).minSize(1).maxSize(5)
      .updateConfig(UpdateConfig.builder().maxUnavailable(1).build()).build();
  static final AWSManagedMachinePoolSpec SPEC = AWSManagedMachinePoolSpec.builder()
      .scaling(ManagedMachinePoolScaling.builder().minSize(1).maxSize(5).build())
      .updateConfig(UpdateConfig.builder().maxUnavailable(1).build()).build();

  static Optional<NodegroupVersionUpdate> version(Optional<String> spec, Optional<String> ami, Optional<String> ltVersion,
      ObservedNodegroup ng) {
    Outcome<Optional<NodegroupVersionUpdate>> o = NodegroupVersionUpdate.decide(spec, ami, Optional.of("lt-1"), ltVersion, ng);
    return o.get();
  }

  @Test
  void scalingConfig() {
    assertThat(ScalingConfig.of(Optional.empty(), Optional.empty())).isEqualTo(new ScalingConfig(1, Optional.empty(), Optional.empty()));
    assertThat(ScalingConfig.of(Optional.of(3), SPEC.scaling())).isEqualTo(new ScalingConfig(3, Optional.of(1), Optional.of(5)));
    // Upstream ignores minSize without maxSize and crashes on maxSize without minSize; capi4j copies what is set.
    assertThat(ScalingConfig.of(Optional.of(3), Optional.of(ManagedMachinePoolScaling.builder().minSize(2).build())))
        .isEqualTo(new ScalingConfig(3, Optional.of(2), Optional.empty()));
    assertThat(ScalingConfig.of(Optional.of(3), Optional.of(ManagedMachinePoolScaling.builder().maxSize(4).build())))
        .isEqualTo(new ScalingConfig(3, Optional.empty(), Optional.of(4)));
  }

  @Test
  void aNewLaunchTemplateVersionComesFirst() {
    NodegroupVersionUpdate u = version(Optional.of("v1.30.0"), Optional.of("other"), Optional.of("2"), NG).orElseThrow();
    assertThat(u.kind()).isEqualTo(NodegroupVersionUpdate.Kind.LAUNCH_TEMPLATE_VERSION);
    assertThat(u.launchTemplateVersion()).contains("2");
    assertThat(u.launchTemplateId()).contains("lt-1");
    assertThat(u.message()).isEqualTo("to launch template version 2");
  }

  @Test
  void kubernetesMovesOneMinorStepAtATime() {
    NodegroupVersionUpdate u = version(Optional.of("v1.30.2"), Optional.of("other"), Optional.of("1"), NG).orElseThrow();
    assertThat(u.kind()).isEqualTo(NodegroupVersionUpdate.Kind.KUBERNETES_VERSION);
    assertThat(u.kubernetesVersion()).contains("1.29");
    assertThat(u.message()).isEqualTo("to version 1.29");
  }

  @Test
  void thePatchVersionIsIgnored() {
    assertThat(version(Optional.of("v1.28.9"), Optional.empty(), Optional.of("1"), NG)).isEmpty();
    assertThat(version(Optional.of("v1.27.0"), Optional.empty(), Optional.of("1"), NG)).isEmpty();
  }

  @Test
  void theAmiReleaseComesLast() {
    NodegroupVersionUpdate u = version(Optional.of("v1.28.0"), Optional.of("1.28.5-20240301"), Optional.of("1"), NG).orElseThrow();
    assertThat(u.kind()).isEqualTo(NodegroupVersionUpdate.Kind.AMI_RELEASE_VERSION);
    assertThat(u.releaseVersion()).contains("1.28.5-20240301");
    assertThat(version(Optional.empty(), Optional.of("1.28.5-20240101"), Optional.of("1"), NG)).isEmpty();
  }

  @Test
  void aNodegroupWithoutLaunchTemplateGetsTheStatusVersionInsteadOfACrash() {
    assertThat(version(Optional.empty(), Optional.empty(), Optional.of("1"), NG.withLaunchTemplateVersion(Optional.empty())))
        .hasValueSatisfying(u -> assertThat(u.kind()).isEqualTo(NodegroupVersionUpdate.Kind.LAUNCH_TEMPLATE_VERSION));
  }

  @Test
  void anUnparsableVersionIsAnError() {
    assertThat(NodegroupVersionUpdate.decide(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        NG.withVersion("latest")).error()).contains("node group version latest is not a version");
  }

  @Test
  void nothingToUpdateWhenEverythingMatches() {
    NodegroupConfigUpdate u = NodegroupConfigUpdate.decide(Optional.of(3), false, SPEC, NG);
    assertThat(u.needed()).as(u.reasons().toString()).isFalse();
  }

  @Test
  void replicasDrivesTheDesiredSize() {
    NodegroupConfigUpdate u = NodegroupConfigUpdate.decide(Optional.of(4), false, SPEC, NG);
    assertThat(u.scalingConfig()).contains(new ScalingConfig(4, Optional.of(1), Optional.of(5)));
    assertThat(NodegroupConfigUpdate.decide(Optional.empty(), false, SPEC, NG).scalingConfig())
        .contains(new ScalingConfig(1, Optional.of(1), Optional.of(5)));
    assertThat(NodegroupConfigUpdate.decide(Optional.empty(), false, SPEC, NG.withDesiredSize(1)).needed()).isFalse();
    assertThat(NodegroupConfigUpdate.decide(Optional.of(4), true, SPEC, NG).needed()).isFalse();
  }

  @Test
  void scalingBoundsAndUpdateConfigDifferences() {
    NodegroupConfigUpdate bounds = NodegroupConfigUpdate.decide(Optional.of(3), false,
        SPEC.withScaling(ManagedMachinePoolScaling.builder().minSize(2).maxSize(5).build()), NG);
    assertThat(bounds.scalingConfig()).contains(new ScalingConfig(3, Optional.of(2), Optional.of(5)));
    NodegroupConfigUpdate config = NodegroupConfigUpdate.decide(Optional.of(3), false,
        SPEC.withUpdateConfig(UpdateConfig.builder().maxUnavailablePercentage(10).build()), NG);
    assertThat(config.updateConfig()).contains(UpdateConfig.builder().maxUnavailablePercentage(10).build());
    assertThat(config.scalingConfig()).isEmpty();
  }

  @Test
  void labelsTaintsAndNodeRepair() {
    Taint gpu = Taint.builder().key("gpu").value("true").effect("no-schedule").build();
    Taint old = Taint.builder().key("old").value("x").effect("no-execute").build();
    NodegroupConfigUpdate u = NodegroupConfigUpdate.decide(Optional.of(3), false,
        SPEC.withLabels(Map.of("a", "1", "b", "2")).withTaints(gpu).withNodeRepairConfig(NodeRepairConfig.builder().enabled(true).build()),
        NG.withLabels(Map.of("a", "0", "c", "3")).withTaints(old));
    assertThat(u.labelsToAddOrUpdate()).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(u.labelsToRemove()).containsExactly("c");
    assertThat(u.taintsToAdd()).containsExactly(gpu);
    assertThat(u.taintsToRemove()).containsExactly(old);
    assertThat(u.nodeRepairEnabled()).contains(true);
  }

  @Test
  void statusFromTheNodegroupState() {
    ObservedNodegroup active = NG.withInstances(AsgInstance.of("i-1", "us-east-1a"), AsgInstance.of("i-2", "us-east-1b"));
    NodegroupStatus s = NodegroupStatus.from(active);
    assertThat(s.ready()).isTrue();
    assertThat(s.clearFailureMessage()).isTrue();
    assertThat(s.replicas()).contains(2);
    assertThat(s.providerIdList()).containsExactly("aws:///us-east-1a/i-1", "aws:///us-east-1b/i-2");
    assertThat(NodegroupStatus.from(active.withStatus("UPDATING")).ready()).isTrue();
    assertThat(NodegroupStatus.from(active.withStatus("CREATING")).ready()).isFalse();
    assertThat(NodegroupStatus.from(active.withStatus("DELETING")).ready()).isFalse();
    assertThat(NodegroupStatus.from(active.withStatus("CREATE_FAILED")).failureMessage())
        .contains("EKS nodegroup in failed CREATE_FAILED status");
    assertThat(NodegroupStatus.from(active.withStatus("DEGRADED")).error()).isPresent();
  }
}
