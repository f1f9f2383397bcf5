package io.capi4j.machinedeployment;

import static io.capi4j.machinedeployment.Fixtures.m;
import static io.capi4j.machinedeployment.Fixtures.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachineDeployment;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineNamingSpec;
import io.capi4j.api.core.v1beta2.MachineReadinessGate;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Upstream's {@code TestComputeDesiredNewMS}, {@code TestComputeDesiredOldMS}, {@code TestComputeDesiredMS}, plus
 * whole plans: steps and reasons, apply, cleanup, paused sync and errors.
 */
class RolloutPlannerTest {
  static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

  // ---------------------------------------------------------------------------------------------------------------
  // TestComputeDesiredNewMS / TestComputeDesiredOldMS

  static MachineSet withAnnotations(Map<String, String> a) {
    return ImmutableMachineSet.builder().metadata(new ObjectMetaBuilder().withAnnotations(a).build()).build();
  }

  static PlannerState stateWithOverride(MachineDeployment md, boolean returnCurrent) {
    PlannerState p = new PlannerState();
    p.md = md;
    p.overrideComputeDesiredMS = (d, current) -> returnCurrent ? current : ImmutableMachineSet.builder().build();
    return p;
  }

  @Test
  void computeDesiredNewMSWithNoOldMS() {
    PlannerState p = stateWithOverride(Fixtures.md("", 1), false);
    PlannedMachineSet ms = RolloutPlanner.computeDesiredNewMS(p, null, null);
    assertThat(ms.annotations).isEqualTo(Map.of(Capi.REVISION_ANNOTATION, "1", Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false"));
    assertThat(p.revision).isEqualTo("1");
  }

  @Test
  void computeDesiredNewMSUpdatesRevisionWhenRequired() {
    PlannerState p = stateWithOverride(Fixtures.md("", 1), true);
    p.oldMSs.add(PlannedMachineSet.of(withAnnotations(Map.of(Capi.REVISION_ANNOTATION, "2"))));
    PlannedMachineSet ms = RolloutPlanner.computeDesiredNewMS(p, withAnnotations(Map.of(Capi.REVISION_ANNOTATION, "1")), null);
    assertThat(ms.annotations).isEqualTo(Map.of(
        Capi.REVISION_ANNOTATION, "3", Capi.REVISION_HISTORY_ANNOTATION, "1", Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false"));
  }

  @Test
  void computeDesiredNewMSPreservesAnUpToDateRevision() {
    PlannerState p = stateWithOverride(Fixtures.md("", 1), true);
    p.oldMSs.add(PlannedMachineSet.of(withAnnotations(Map.of(Capi.REVISION_ANNOTATION, "2"))));
    PlannedMachineSet ms = RolloutPlanner.computeDesiredNewMS(
        p, withAnnotations(Map.of(Capi.REVISION_ANNOTATION, "3", Capi.REVISION_HISTORY_ANNOTATION, "1")), null);
    assertThat(ms.annotations).isEqualTo(Map.of(
        Capi.REVISION_ANNOTATION, "3", Capi.REVISION_HISTORY_ANNOTATION, "1", Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false"));
  }

  @Test
  void computeDesiredOldMSCarriesOverRevisions() {
    MachineSet current = withAnnotations(Map.of(Capi.REVISION_ANNOTATION, "4", Capi.REVISION_HISTORY_ANNOTATION, "1,3"));
    PlannedMachineSet ms = RolloutPlanner.computeDesiredOldMS(stateWithOverride(Fixtures.md("", 1), true), current);
    assertThat(ms.annotations).isEqualTo(Map.of(
        Capi.REVISION_ANNOTATION, "4", Capi.REVISION_HISTORY_ANNOTATION, "1,3", Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false"));
    PlannedMachineSet onDelete = RolloutPlanner.computeDesiredOldMS(stateWithOverride(Fixtures.mdOnDelete("", 1), true), current);
    assertThat(onDelete.annotations).isEqualTo(Map.of(
        Capi.REVISION_ANNOTATION, "4", Capi.REVISION_HISTORY_ANNOTATION, "1,3", Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "true"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestComputeDesiredMS

  static MachineDeployment md1() {
    return ImmutableMachineDeployment.builder()
        .metadata(new ObjectMetaBuilder().withNamespace("default").withName("md1").withUid("md1-uid")
            .withAnnotations(Map.of("top-level-annotation", "top-level-annotation-value")).build())
        .spec(
            MachineDeploymentSpec.builder()
                .clusterName("test-cluster")
                .replicas(3)
                .rollout(MachineDeploymentRolloutSpec.builder().strategy(MachineDeploymentRolloutStrategy.builder().type("RollingUpdate")
                    .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(IntOrPercent.of(1), IntOrPercent.of(0))).build()).build())
                .deletion(MachineDeploymentDeletionSpec.of("Random"))
                .machineNaming(MachineNamingSpec.of("{{ .machineSet.name }}test-{{ .random }}"))
                .selector(new LabelSelectorBuilder().withMatchLabels(Map.of("k1", "v1")).build())
                .template(
                    MachineTemplateSpec.builder()
                        .metadata(TemplateMeta.builder().putLabel("machine-label1", "machine-value1").putAnnotation("machine-annotation1", "machine-value1").build())
                        .spec(
                            MachineSpec.builder()
                                .version("v1.25.3")
                                .infrastructureRef(ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, "GenericInfrastructureMachineTemplate", "infra-template-1"))
                                .bootstrap(Bootstrap.builder().configRef(ContractVersionedObjectReference.of(Capi.BOOTSTRAP_GROUP, "GenericBootstrapConfigTemplate", "bootstrap-template-1")).build())
                                .minReadySeconds(3)
                                .addReadinessGate(MachineReadinessGate.of("foo"))
                                .deletion(MachineDeletionSpec.builder().nodeDrainTimeoutSeconds(10).nodeVolumeDetachTimeoutSeconds(10).nodeDeletionTimeoutSeconds(10).build())
                                .addTaint(MachineTaint.builder().key("taint-key").value("taint-value").effect("NoSchedule").propagation("Always").build())
                                .build())
                        .build())
                .build())
        .build();
  }

  static void assertCommon(MachineDeployment md, MachineSet ms) {
    assertThat(ms.namespace()).isEqualTo("default");
    assertThat(ms.metadata().getCreationTimestamp()).isNotEmpty();
    assertThat(MachineDeploymentUtil.isControlledBy(ms, Capi.GROUP, "MachineDeployment", "md1")).isTrue();
    assertThat(ms.metadata().getOwnerReferences().get(0).getBlockOwnerDeletion()).isTrue();
    assertThat(ms.spec().clusterName()).isEqualTo("test-cluster");
    assertThat(ms.labels()).containsEntry("machine-label1", "machine-value1").containsKey(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL)
        .containsEntry(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, "md1");
    assertThat(ms.spec().templateOrEmpty().metadataOrEmpty().labels()).containsEntry("machine-label1", "machine-value1")
        .containsKey(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL).doesNotContainKey(Capi.MACHINE_DEPLOYMENT_NAME_LABEL);
    assertThat(ms.spec().selector().orElseThrow().getMatchLabels()).containsEntry("k1", "v1")
        .containsEntry(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, ms.labels().get(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL));
    assertThat(ms.annotations()).containsEntry("top-level-annotation", "top-level-annotation-value")
        .containsEntry(Capi.DESIRED_REPLICAS_ANNOTATION, "3").containsEntry(Capi.MAX_REPLICAS_ANNOTATION, "4")
        .doesNotContainKeys(Capi.REVISION_ANNOTATION, Capi.REVISION_HISTORY_ANNOTATION, Capi.DISABLE_MACHINE_CREATE_ANNOTATION,
            Capi.LAST_APPLIED_CONFIGURATION_ANNOTATION, Capi.CONVERSION_DATA_ANNOTATION);
    assertThat(ms.spec().templateOrEmpty().metadataOrEmpty().annotations()).isEqualTo(Map.of("machine-annotation1", "machine-value1"));
    assertThat(ms.spec().deletion()).contains(MachineSetDeletionSpec.of("Random"));
    assertThat(ms.spec().machineNaming()).isEqualTo(md.spec().machineNaming());
  }

  @Test
  void computeDesiredMSForANewMachineSet() {
    MachineDeployment md = md1();
    MachineSet ms = RolloutPlanner.computeDesiredMS(md, null, new NewMachineSetName("md1-abcde", "abcde"), NOW);
    assertCommon(md, ms);
    assertThat(ms.name()).isEqualTo("md1-abcde");
    assertThat(ms.labels().get(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL)).matches("[0-9]+-abcde");
    assertThat(ms.metadata().getCreationTimestamp()).isEqualTo("2025-03-01T08:00:00Z");
    assertThat(ms.metadata().getFinalizers()).isNullOrEmpty();
    assertThat(ms.metadata().getUid()).isNull();
    assertThat(ms.spec().replicas()).contains(0);
    assertThat(ms.spec().templateOrEmpty().spec()).isEqualTo(md.spec().templateOrEmpty().spec());
    assertThat(ms.status()).isEmpty();
  }

  @Test
  void computeDesiredMSForAnExistingMachineSet() {
    MachineDeployment md = md1();
    MachineSet current =
        ImmutableMachineSet.builder()
            .metadata(new ObjectMetaBuilder().withNamespace("default").withName("foo").withUid("foo-uid")
                .withCreationTimestamp("2025-01-01T00:00:00Z").withFinalizers("pre-existing-finalizer")
                .withLabels(Map.of(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, "123", "foo", "bar"))
                .withAnnotations(Map.of("foo", "bar")).build())
            .spec(
                MachineSetSpec.builder()
                    .replicas(1)
                    .deletion(MachineSetDeletionSpec.of("Oldest"))
                    .machineNaming(MachineNamingSpec.of("foo"))
                    .selector(new LabelSelectorBuilder().withMatchLabels(Map.of("foo", "v1")).build())
                    .template(MachineTemplateSpec.builder()
                        .metadata(TemplateMeta.builder().putLabel("foo", "machine-value1").putAnnotation("foo", "machine-value1").build())
                        .spec(MachineSpec.builder().version("foo").minReadySeconds(5).addReadinessGate(MachineReadinessGate.of("bar")).build())
                        .build())
                    .build())
            .status(MachineSetStatus.builder().replicas(1).availableReplicas(1).build())
            .build();
    MachineSet ms = RolloutPlanner.computeDesiredMS(md, current, null, null);
    assertCommon(md, ms);
    assertThat(ms.name()).isEqualTo("foo");
    assertThat(ms.metadata().getUid()).isEqualTo("foo-uid");
    assertThat(ms.metadata().getFinalizers()).containsExactly("pre-existing-finalizer");
    assertThat(ms.metadata().getCreationTimestamp()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(ms.spec().replicas()).contains(1);
    assertThat(ms.labels()).containsEntry(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, "123").doesNotContainKey("foo");
    assertThat(ms.annotations()).doesNotContainKey("foo");
    assertThat(ms.spec().templateOrEmpty().metadataOrEmpty().labels())
        .isEqualTo(Map.of("machine-label1", "machine-value1", Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL, "123"));
    MachineSpec mdSpec = md.spec().templateOrEmpty().specOrEmpty();
    assertThat(ms.spec().templateOrEmpty().spec()).contains(
        MachineSpec.builder().version("foo").minReadySeconds(3).readinessGates(mdSpec.readinessGates())
            .deletion(mdSpec.deletion()).taints(mdSpec.taints()).build());
    assertThat(ms.status()).isEqualTo(current.status());
  }

  @Test
  void computeDesiredMSNeedsTheUniqueLabel() {
    MachineSet current = ms("ms1", "v1", 1).build();
    MachineSet noLabel = current.withMetadata(new ObjectMetaBuilder(current.metadata()).withLabels(Map.of()).build());
    assertThatThrownBy(() -> RolloutPlanner.computeDesiredMS(md1(), noLabel, null, null))
        .hasMessage("failed to compute desired MachineSet: failed to get unique identifier from \"machine-template-hash\" annotation");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Whole plans

  static ImmutableRolloutInput.Builder input(MachineDeployment md, List<MachineSet> sets) {
    return RolloutInput.builder().machineDeployment(md).machineSets(sets).now(NOW).random(new SplittableRandom(7));
  }

  static List<io.capi4j.api.core.v1beta2.Machine> machines(String ms, String fd, int from, int to) {
    List<io.capi4j.api.core.v1beta2.Machine> l = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      l.add(m("m" + i, ms, fd));
    }
    return l;
  }

  @Test
  void rollingUpdateCreatesTheNewMachineSetAndScalesDownTheOldOne() {
    MachineDeployment md = Fixtures.md("v2", 6, 3, 1);
    MachineSet ms1 = ms("ms1", "v1", 6).build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1)).machines(machines("ms1", "v1", 1, 6)).build());

    assertThat(plan.mode()).isEqualTo(RolloutPlan.Mode.ROLLING_UPDATE);
    assertThat(plan.newMachineSetCreated()).isTrue();
    MachineSet created = plan.newMachineSet().orElseThrow();
    assertThat(created.name()).matches("md-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(created.labels().get(Capi.MACHINE_DEPLOYMENT_UNIQUE_LABEL)).endsWith(created.name().substring(3));
    assertThat(created.annotations()).containsEntry(Capi.REVISION_ANNOTATION, "1")
        .containsEntry(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false")
        .containsEntry(Capi.DESIRED_REPLICAS_ANNOTATION, "6").containsEntry(Capi.MAX_REPLICAS_ANNOTATION, "9");
    assertThat(plan.revision()).isEqualTo("1");
    assertThat(plan.machineDeploymentRevision()).contains("1");
    assertThat(plan.createReason()).isEqualTo(
        "couldn't find MachineSet matching MachineDeployment spec template: MachineSet ms1 needs rollout: "
            + "spec.failureDomain v1, v2 required");
    assertThat(plan.scaleIntents()).isEqualTo(Map.of(created.name(), 3, "ms1", 5));
    assertThat(plan.steps()).containsExactly(
        new PlanStep(PlanStep.Action.CREATE, created.name(), "current", 0, 3, plan.createReason(), ""),
        new PlanStep(PlanStep.Action.SCALE, created.name(), "current", 0, 3,
            "6 current Machines < 6 MachineDeployment spec.replicas + 3 maxSurge", ""),
        new PlanStep(PlanStep.Action.SCALE, "ms1", "old", 6, 5, "6 available replicas > 5 minimum available replicas",
            "replicas 5,cluster.x-k8s.io/disable-machine-create: false"));
    assertThat(plan.steps().get(2).describe()).isEqualTo("Scaled down old MachineSet ms1 from 6 to 5 replicas (-1)");
    assertThat(plan.machineSetsToDelete()).isEmpty();

    AppliedRollout applied = RolloutPlanner.apply(plan);
    assertThat(applied.created()).containsExactly(created.name());
    assertThat(applied.machineSets()).extracting(MachineSet::name).containsExactly(created.name(), "ms1");
    assertThat(applied.machineSets()).extracting(s -> s.spec().replicas().orElseThrow()).containsExactly(3, 5);
    assertThat(applied.machineDeploymentRevision()).contains("1");
  }

  @Test
  void planIsDeterministicForTheSameRandomSeed() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    List<MachineSet> sets = List.of(ms("ms1", "v1", 3).build());
    assertThat(RolloutPlanner.plan(input(md, sets).build())).isEqualTo(RolloutPlanner.plan(input(md, sets).build()));
  }

  @Test
  void inPlaceAnnotationsNotSetAgainAreDroppedFromTheDesiredObjects() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    MachineSet ms1 = ms("ms1", "v1", 3).annotation(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, "ms2")
        .annotation(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false").build();
    MachineSet ms2 = ms("ms2", "v2", 0).annotation(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "ms1")
        .annotation(Capi.REVISION_ANNOTATION, "1").annotation(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "false").build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1, ms2)).build());
    assertThat(plan.newMachineSet().orElseThrow().annotations()).doesNotContainKey(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION);
    assertThat(plan.oldMachineSets().get(0).annotations()).doesNotContainKey(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION);
    assertThat(plan.steps()).contains(new PlanStep(PlanStep.Action.UPDATE, "ms1", "old", 3, 3, "",
        "in-place-updates.internal.cluster.x-k8s.io/move-machines-to-machineset removed"));
    assertThat(plan.steps()).contains(new PlanStep(PlanStep.Action.SCALE, "ms2", "current", 0, 1,
        "3 current Machines < 3 MachineDeployment spec.replicas + 1 maxSurge",
        "replicas 1,in-place-updates.internal.cluster.x-k8s.io/receive-machines-from-machinesets removed"));
  }

  @Test
  void inPlaceUpdatesMoveMachinesAndAcknowledgeThem() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    MachineSet ms1 = ms("ms1", "v1", 2).build();
    MachineSet ms2 = ms("ms2", "v2", 1).status(2).available(1).upToDate(1).annotation(Capi.REVISION_ANNOTATION, "1").build();
    List<io.capi4j.api.core.v1beta2.Machine> machines = new ArrayList<>(machines("ms1", "v1", 2, 3));
    machines.add(m("m1", "ms2", "v1", Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION, Capi.UPDATE_IN_PROGRESS_ANNOTATION));
    machines.add(m("m4", "ms2", "v2"));
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1, ms2)).machines(machines)
        .inPlaceUpdates(true).canUpdateMachineSetInPlace((o, n) -> true).build());
    assertThat(plan.acknowledgedMachineNames()).containsExactly("m1");
    MachineSet newMS = plan.newMachineSet().orElseThrow();
    assertThat(newMS.spec().replicas()).contains(2);
    assertThat(newMS.annotations()).containsEntry(Capi.ACKNOWLEDGED_MOVE_ANNOTATION, "m1")
        .containsEntry(Capi.RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION, "ms1");
    assertThat(plan.oldMachineSets().get(0).annotations()).containsEntry(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION, "ms2");
    assertThat(plan.reason("ms2")).isEqualTo("acknowledge Machines m1 moved from an old MachineSet");
    assertThat(plan.steps().get(0)).isEqualTo(new PlanStep(PlanStep.Action.SCALE, "ms2", "current", 1, 2,
        "acknowledge Machines m1 moved from an old MachineSet",
        "replicas 2,in-place-updates.internal.cluster.x-k8s.io/receive-machines-from-machinesets: ms1,"
            + "in-place-updates.internal.cluster.x-k8s.io/acknowledged-move: m1,cluster.x-k8s.io/disable-machine-create: false"));
    assertThat(plan.desiredReplicas("ms2")).contains(2);
  }

  @Test
  void onDeleteDisablesMachineCreationOnOldMachineSets() {
    MachineDeployment md = Fixtures.mdOnDelete("v2", 3);
    MachineSet ms1 = ms("ms1", "v1", 3).status(2).available(2).build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1)).build());
    assertThat(plan.mode()).isEqualTo(RolloutPlan.Mode.ON_DELETE);
    assertThat(plan.oldMachineSets().get(0).annotations()).containsEntry(Capi.DISABLE_MACHINE_CREATE_ANNOTATION, "true");
    assertThat(plan.scaleIntents()).containsEntry("ms1", 2);
    assertThat(plan.reason("ms1")).isEqualTo("scale down to align to existing Machines");
  }

  @Test
  void cleanupDeletesEmptyOldMachineSetsOnceTheRolloutIsComplete() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    MachineSet ms1 = ms("ms1", "v1", 0).annotation(Capi.REVISION_ANNOTATION, "1").build();
    MachineSet ms2 = ms("ms2", "v2", 3).upToDate(3).annotation(Capi.REVISION_ANNOTATION, "2").build();
    MachineSet ms3 = ms("ms3", "v0", 0).annotation(Capi.REVISION_ANNOTATION, "0").created("2020-01-01T00:00:00Z").build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1, ms2, ms3)).build());
    assertThat(plan.machineSetsToDelete()).containsExactly("ms1", "ms3");
    assertThat(plan.steps()).filteredOn(s -> s.action() == PlanStep.Action.DELETE).extracting(PlanStep::machineSet)
        .containsExactly("ms1", "ms3");
    assertThat(RolloutPlanner.apply(plan).deletions()).containsExactly("ms1", "ms3");

    MachineSet stale = ms1.withMetadata(new ObjectMetaBuilder(ms1.metadata()).withGeneration(2L).build())
        .withStatus(MachineSetStatus.builder().replicas(0).availableReplicas(0).observedGeneration(1L).build());
    assertThat(RolloutPlanner.plan(input(md, List.of(stale, ms2)).build()).machineSetsToDelete()).isEmpty();

    MachineSet notUpToDate = ms2.withStatus(MachineSetStatus.builder().replicas(3).availableReplicas(3).upToDateReplicas(2).build());
    assertThat(RolloutPlanner.plan(input(md, List.of(ms1, notUpToDate)).build()).machineSetsToDelete()).isEmpty();
  }

  @Test
  void rolloutAfterCreatesANewMachineSet() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    md = md.withSpec(md.spec().withRollout(md.spec().rolloutOrEmpty().withAfter("2025-02-01T00:00:00Z")));
    MachineSet ms1 = ms("ms1", "v2", 3).created("2025-01-01T00:00:00Z").annotation(Capi.REVISION_ANNOTATION, "1").build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1)).build());
    assertThat(plan.newMachineSetCreated()).isTrue();
    assertThat(plan.createReason())
        .isEqualTo("spec.rollout.after on MachineDeployment set to 2025-02-01T00:00:00Z, no MachineSet has been created afterwards");
    assertThat(plan.revision()).isEqualTo("2");
    assertThat(plan.upToDateResults().get("ms1").eligibleForInPlaceUpdate()).isFalse();
  }

  @Test
  void anOldMachineSetBecomingCurrentAgainGetsANewRevision() {
    MachineDeployment md = Fixtures.md("v1", 3, 1, 0);
    MachineSet ms1 = ms("ms1", "v1", 0).annotation(Capi.REVISION_ANNOTATION, "1").build();
    MachineSet ms2 = ms("ms2", "v2", 3).annotation(Capi.REVISION_ANNOTATION, "2").build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1, ms2)).build());
    assertThat(plan.newMachineSet().orElseThrow().annotations()).containsEntry(Capi.REVISION_ANNOTATION, "3")
        .containsEntry(Capi.REVISION_HISTORY_ANNOTATION, "1");
    assertThat(plan.notes().get("ms1")).startsWith("this is now the current MachineSet");
  }

  @Test
  void pausedSyncScalesTheOnlyActiveMachineSetAndNeverCreates() {
    MachineDeployment md = Fixtures.md("v2", 5, 1, 0);
    md = md.withSpec(md.spec().withPaused(true));
    MachineSet ms1 = ms("ms1", "v1", 3).annotation(Capi.REVISION_ANNOTATION, "4").build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1)).build());
    assertThat(plan.mode()).isEqualTo(RolloutPlan.Mode.PAUSED);
    assertThat(plan.newMachineSet()).isEmpty();
    assertThat(plan.scaleIntents()).isEqualTo(Map.of("ms1", 5));
    // QUIRK: with no current MachineSet the MachineDeployment revision annotation is set to "".
    assertThat(plan.revision()).isEmpty();
    MachineDeployment withRevision = md.withMetadata(new ObjectMetaBuilder(md.metadata()).withAnnotations(Map.of(Capi.REVISION_ANNOTATION, "4")).build());
    assertThat(RolloutPlanner.plan(input(withRevision, List.of(ms1)).build()).machineDeploymentRevision()).contains("");
    assertThat(plan.steps()).last().isEqualTo(new PlanStep(PlanStep.Action.SCALE, "ms1", "old", 3, 5,
        "only active (or latest) MachineSet follows MachineDeployment spec.replicas", "replicas 5"));
  }

  @Test
  void pausedSyncGivesTheWholeDifferenceToTheLargestMachineSet() {
    MachineDeployment md = Fixtures.md("v2", 8, 2, 0);
    md = md.withSpec(md.spec().withPaused(true));
    MachineSet ms1 = ms("ms1", "v1", 3).created("2025-01-01T00:00:00Z").build();
    MachineSet ms2 = ms("ms2", "v2", 4).created("2025-01-02T00:00:00Z").annotation(Capi.REVISION_ANNOTATION, "2").build();
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms1, ms2)).build());
    // allowed = 8 + 2 = 10, total 7, +3 all to the largest (ms2).
    assertThat(plan.scaleIntents()).isEqualTo(Map.of("ms2", 7));

    MachineDeployment shrink = md.withSpec(md.spec().withReplicas(2));
    RolloutPlan down = RolloutPlanner.plan(input(shrink, List.of(ms1, ms2)).build());
    // allowed = 2 + 2 = 4, total 7, -3 all from the largest (ms2).
    assertThat(down.scaleIntents()).isEqualTo(Map.of("ms2", 1));
  }

  @Test
  void pausedSyncScalesOldMachineSetsDownWhenTheCurrentOneIsSaturated() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    md = md.withSpec(md.spec().withPaused(true));
    RolloutPlan plan = RolloutPlanner.plan(input(md, List.of(ms("ms1", "v1", 1).build(), ms("ms2", "v2", 3).build())).build());
    assertThat(plan.scaleIntents()).isEqualTo(Map.of("ms1", 0));
  }

  @Test
  void errorsNameTheObjectAndRule() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    MachineDeployment noReplicas = md.withSpec(md.spec().withReplicas(java.util.Optional.empty()));
    assertThatThrownBy(() -> RolloutPlanner.plan(input(noReplicas, List.of()).build()))
        .isInstanceOf(RolloutPlanningException.class).hasMessage("spec.replicas for MachineDeployment md is nil, this is unexpected");
    MachineSet msNoReplicas = ms("ms1", "v1", 1).build();
    MachineSet bad = msNoReplicas.withSpec(msNoReplicas.spec().withReplicas(java.util.Optional.empty()));
    assertThatThrownBy(() -> RolloutPlanner.plan(input(md, List.of(bad)).build()))
        .hasMessage("spec.replicas for MachineSet ms1 is nil, this is unexpected");
    assertThatThrownBy(() -> RolloutPlanner.plan(input(Fixtures.mdWith("v2", 3,
        MachineDeploymentRolloutStrategy.builder().type("Recreate").build()), List.of()).build()))
        .hasMessage("unexpected deployment strategy type: Recreate");
    assertThatThrownBy(() -> RolloutPlanner.plan(input(md, List.of()).templatesExist(false).build()))
        .hasMessage("cannot create a MachineSet when templates do not exist");
    assertThatThrownBy(() -> RolloutPlanner.plan(RolloutInput.builder().machineDeployment(md).now(NOW).build()))
        .hasMessageContaining("neither a random source nor a MachineSet namer");
    MachineSet dup = ms("ms1", "v1", 1).build();
    assertThatThrownBy(() -> RolloutPlanner.plan(input(md, List.of(dup, dup)).build())).hasMessageContaining("listed twice");
    MachineSet badRevision = ms("ms1", "v2", 1).annotation(Capi.REVISION_ANNOTATION, "one").build();
    assertThatThrownBy(() -> RolloutPlanner.plan(input(md, List.of(badRevision)).build()))
        .isInstanceOf(RolloutPlanningException.class).hasMessage("failed to parse current revision on MachineSet ms1");
    MachineSet badTime = ms("ms1", "v2", 1).created("yesterday").build();
    assertThatThrownBy(() -> RolloutPlanner.plan(input(md, List.of(badTime)).build()))
        .isInstanceOf(RolloutPlanningException.class).hasMessageContaining("metadata.creationTimestamp");
    MachineDeployment noSurge = md.withSpec(md.spec().withRollout(MachineDeploymentRolloutSpec.builder()
        .strategy(MachineDeploymentRolloutStrategy.builder().type("RollingUpdate").build()).build()));
    assertThatThrownBy(() -> RolloutPlanner.plan(input(noSurge, List.of(ms("ms1", "v2", 1).build())).build()))
        .hasMessage("nil value for IntOrString");
  }

  @Test
  void aNamerReplacesRandomNames() {
    RolloutPlan plan = RolloutPlanner.plan(RolloutInput.builder().machineDeployment(Fixtures.md("v2", 1, 1, 0)).now(NOW)
        .machineSetNamer(d -> new NewMachineSetName(d.name() + "-fixed", "fixed")).build());
    assertThat(plan.newMachineSet().orElseThrow().name()).isEqualTo("md-fixed");
    assertThat(plan.createReason()).isEqualTo("no MachineSets exist for the MachineDeployment");
  }

  @Test
  void mdStatusObservedGenerationGatesCleanup() {
    MachineDeployment md = Fixtures.md("v2", 3, 1, 0);
    md = md.withMetadata(new ObjectMetaBuilder(md.metadata()).withGeneration(5L).build())
        .withStatus(MachineDeploymentStatus.builder().observedGeneration(4L).build());
    MachineSet ms1 = ms("ms1", "v1", 0).build();
    MachineSet ms2 = ms("ms2", "v2", 3).upToDate(3).annotation(Capi.REVISION_ANNOTATION, "1").build();
    assertThat(RolloutPlanner.plan(input(md, List.of(ms1, ms2)).build()).machineSetsToDelete()).isEmpty();
  }
}
