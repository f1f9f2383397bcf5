package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolDeprecatedStatus;
import io.capi4j.api.core.v1beta2.MachinePoolInitializationStatus;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.api.core.v1beta2.MachinePoolV1Beta1DeprecatedStatus;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Upstream's {@code TestReconcileMachinePoolPhases}, as decision cases: one plan per case (two where upstream
 * reconciles twice).
 */
class ReconcileMachinePoolPhasesTest {
  static final String ID = "test://id-1";

  static ImmutableMachinePoolInput.Builder in(MachinePool mp) {
    return Fixtures.input(mp);
  }

  static MachinePool withStatus(MachinePool mp, int replicas, int ready, boolean infraOk, String... nodeRefs) {
    return mp.withStatus(MachinePoolStatus.builder()
        .replicas(replicas)
        .initialization(MachinePoolInitializationStatus.builder().infrastructureProvisioned(infraOk)
            .bootstrapDataSecretCreated(true).build())
        .nodeRefs(List.of(nodeRefs).stream().map(n -> new ObjectReferenceBuilder().withKind("Node").withName(n)
            .withUid(n + "-uid").build()).toList())
        .deprecated(MachinePoolDeprecatedStatus.of(MachinePoolV1Beta1DeprecatedStatus.builder().readyReplicas(ready).build()))
        .build());
  }

  @Test
  void shouldSetPendingWithANewMachinePool() {
    MachinePool mp = Fixtures.machinePool("mp", 1);
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", false, null))
        .infraMachinePool(Fixtures.infraPool("mp", false, List.of(), null, null)).build());
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_PENDING);
    assertThat(plan.errors()).isEmpty();
  }

  @Test
  void shouldSetProvisioningWhenBootstrapIsReady() {
    MachinePool mp = Fixtures.machinePool("mp", 1);
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", false, List.of(), null, null)).build());
    MachinePool out = plan.machinePool();
    assertThat(out.status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_PROVISIONING);
    assertThat(out.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().dataSecretName()).contains("secret-data");
    assertThat(out.status().orElseThrow().initialization().orElseThrow().bootstrapDataSecretCreated()).contains(true);
  }

  @Test
  void shouldSetRunningWhenBootstrapAndInfraIsReady() {
    MachinePool mp = Fixtures.machinePool("mp", 1);
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
        .addNodes(Fixtures.readyNode("node-1", ID)).build());
    MachinePoolStatus st = plan.machinePool().status().orElseThrow();
    assertThat(st.phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    assertThat(st.replicas()).contains(1);
    assertThat(st.nodeRefs()).extracting(r -> r.getName()).containsExactly("node-1");
    assertThat(plan.machinePool().spec().providerIDList()).containsExactly(ID);
    assertThat(plan.requeueAfter()).isEmpty();
  }

  @Test
  void shouldSetProvisionedWhenThereIsANodeRefButInfraIsNotReady() {
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 1), 1, 0, false, "node-1");
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", false, List.of(), null, null)).build());
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_PROVISIONED);
  }

  @Test
  void shouldSetScalingUpWhenInfraIsScalingUp() {
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 2), 1, 1, true, "node-1");
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
        .addNodes(Fixtures.readyNode("node-1", ID)).build());
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_UP);
  }

  @Test
  void shouldSetScalingDownWhenInfraIsScalingDown() {
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 1), 2, 2, true, "node-1", "node-2");
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID, "test://id-2"), 2, null))
        .addNodes(Fixtures.readyNode("node-1", ID), Fixtures.readyNode("node-2", "test://id-2")).build());
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_DOWN);
  }

  @Test
  void shouldSetDeletingWhenMachinePoolIsBeingDeleted() {
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 1), 1, 1, true, "node-1");
    mp = mp.withMetadata(new ObjectMetaBuilder(mp.metadata()).withDeletionTimestamp("2026-03-01T11:00:00Z").build());
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
        .addNodes(Fixtures.readyNode("node-1", ID)).build());
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_DELETING);
    assertThat(plan.externalObjectsToDelete()).extracting(MachinePoolPlan.ExternalDeletion::kind)
        .containsExactly("KubeadmConfig", "FakeMachinePool");
    assertThat(plan.removeFinalizer()).isFalse();
  }

  @Test
  void deletingMachinePoolReleasesItsFinalizerOnceTheExternalObjectsAreGone() {
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 1), 1, 1, true, "node-1");
    mp = mp.withMetadata(new ObjectMetaBuilder(mp.metadata()).withDeletionTimestamp("2026-03-01T11:59:00Z").build())
        .withSpec(mp.spec().withProviderIDList(List.of()));
    MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp).addNodes(Fixtures.readyNode("node-1", ID)).build());
    assertThat(plan.nodesToDelete()).extracting(MachinePoolPlan.NodeDeletion::nodeName).containsExactly("node-1");
    assertThat(plan.removeFinalizer()).isTrue();
    assertThat(plan.machinePool().metadata().getFinalizers()).isEmpty();
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_DELETING);
  }

  @Nested
  class BootstrapConfigChanges {
    MachinePool runningWithSecret(String configName) {
      MachinePool mp = withStatus(Fixtures.machinePool("mp", 1), 1, 1, true, "node-1")
          .withSpec(Fixtures.machinePool("mp", 1).spec().withProviderIDList(ID));
      MachineTemplateSpec t = mp.spec().templateOrEmpty();
      var b = t.specOrEmpty().bootstrapOrEmpty();
      b = b.withConfigRef(b.configRef().orElseThrow().withName(configName)).withDataSecretName("old-secret");
      mp = mp.withSpec(mp.spec().withTemplate(t.withSpec(t.specOrEmpty().withBootstrap(b))));
      return mp.withStatus(mp.status().orElseThrow().withPhase(MachinePoolStatus.PHASE_RUNNING));
    }

    @Test
    void shouldKeepRunningWhenMachinePoolBootstrapConfigIsChangedToAnotherReadyOne() {
      MachinePool mp = runningWithSecret("new-config");
      MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
          .bootstrapConfig(Fixtures.bootstrapConfig("new-config", true, "new-secret"))
          .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
          .addNodes(Fixtures.readyNode("node-1", ID)).build());
      MachinePool out = plan.machinePool();
      assertThat(out.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().dataSecretName()).contains("new-secret");
      assertThat(out.status().orElseThrow().initialization().orElseThrow().bootstrapDataSecretCreated()).contains(true);
      assertThat(out.status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    }

    @Test
    void shouldKeepRunningWhenMachinePoolBootstrapConfigIsChangedToANonReadyOne() {
      MachinePool mp = runningWithSecret("new-config");
      MachinePoolPlan plan = MachinePoolPlanner.plan(in(mp)
          .bootstrapConfig(Fixtures.bootstrapConfig("new-config", false, null))
          .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
          .addNodes(Fixtures.readyNode("node-1", ID)).build());
      MachinePool out = plan.machinePool();
      assertThat(out.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().dataSecretName()).contains("old-secret");
      assertThat(out.status().orElseThrow().initialization().orElseThrow().bootstrapDataSecretCreated()).contains(false);
      assertThat(out.status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    }
  }

  @Test
  void shouldSetScalingDownWhenScalingToZeroThenRunningOnceRetiredNodesAreDeleted() {
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 0), 1, 1, true, "node-1")
        .withSpec(Fixtures.machinePool("mp", 0).spec().withProviderIDList(ID));
    // The infrastructure still reports the instance.
    MachinePoolPlan first = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
        .addNodes(Fixtures.readyNode("node-1", ID)).build());
    assertThat(first.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_DOWN);
    assertThat(first.nodesToDelete()).isEmpty();

    // The infrastructure removed it: the retired Node goes, and the pool runs with zero replicas.
    MachinePoolPlan second = MachinePoolPlanner.plan(in(first.machinePool())
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(), 0, null))
        .addNodes(Fixtures.readyNode("node-1", ID)).build());
    assertThat(second.nodesToDelete()).extracting(MachinePoolPlan.NodeDeletion::nodeName).containsExactly("node-1");
    MachinePoolStatus st = second.machinePool().status().orElseThrow();
    assertThat(st.nodeRefs()).isEmpty();
    assertThat(st.phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
  }

  @Test
  void shouldSetScalingUpFromZeroToOneThenRunning() {
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 1), 0, 0, true)
        .withStatus(withStatus(Fixtures.machinePool("mp", 1), 0, 0, true).status().orElseThrow()
            .withPhase(MachinePoolStatus.PHASE_RUNNING));
    MachinePoolPlan first = MachinePoolPlanner.plan(in(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(), 0, null)).build());
    assertThat(first.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_UP);

    MachinePoolPlan second = MachinePoolPlanner.plan(in(first.machinePool())
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret-data"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
        .addNodes(Fixtures.readyNode("node-1", ID)).build());
    assertThat(second.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
  }

  @Test
  void phaseRulesRunInOrderAndTheLastApplicableWins() {
    // Bootstrap ready, infra not ready, but a nodeRef exists: Provisioned beats Provisioning.
    MachinePool mp = withStatus(Fixtures.machinePool("mp", 1), 0, 0, false, "node-1");
    assertThat(MachinePoolPlanner.phaseOf(mp)).isEqualTo(MachinePoolStatus.PHASE_PROVISIONED);
    // Infra ready and replicas match: Running beats Provisioned.
    assertThat(MachinePoolPlanner.phaseOf(withStatus(Fixtures.machinePool("mp", 1), 1, 1, true, "node-1")))
        .isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    // The phase is never cleared: an unknown phase stays when no rule applies.
    MachinePool odd = Fixtures.machinePool("mp", null).withStatus(MachinePoolStatus.builder().phase("Failed").build());
    assertThat(MachinePoolPlanner.phaseOf(odd)).isEqualTo("Failed");
  }
}
