package io.capi4j.machinehealthcheck;

import static io.capi4j.machinehealthcheck.Fixtures.CLUSTER_NAME;
import static io.capi4j.machinehealthcheck.Fixtures.MHC_SELECTOR;
import static io.capi4j.machinehealthcheck.Fixtures.NAMESPACE;
import static io.capi4j.machinehealthcheck.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediation;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTemplateReference;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTriggerIf;
import io.capi4j.api.core.v1beta2.MachineHealthCheckStatus;
import io.capi4j.api.core.v1beta2.UnhealthyCondition;
import io.capi4j.conditions.Conditions;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconcile as a plan: upstream's integration expectations (TestMachineHealthCheck_Reconcile with envtest, whose
 * helper MHC has {@code unhealthyLessThanOrEqualTo: 100%}, node startup timeout 1s, and Ready=Unknown for 5m as the
 * unhealthy Node condition), then marking, external remediation, pause and requeue rules.
 */
class MachineHealthCheckPlannerTest {

  // --- fixtures ------------------------------------------------------------------------------------------------

  /** A MHC past the pause step (Paused=False for generation 1), as after its first reconcile. */
  private static MachineHealthCheck mhc(MachineHealthCheckRemediation remediation) {
    MachineHealthCheck m = Fixtures.mhc(MachineHealthCheckChecks.builder()
        .nodeStartupTimeoutSeconds(1)
        .addUnhealthyNodeCondition(UnhealthyCondition.of("Ready", "Unknown", 300))
        .build());
    Condition notPaused = new ConditionBuilder(
        Conditions.of("Paused", "False", "NotPaused", "", NOW.minusSeconds(3600))).withObservedGeneration(1L).build();
    return m.withSpec(m.spec().withRemediation(remediation))
        .withStatus(MachineHealthCheckStatus.builder().addCondition(notPaused).build());
  }

  private static MachineHealthCheck mhc(MachineHealthCheckRemediationTriggerIf triggerIf) {
    return mhc(MachineHealthCheckRemediation.builder().triggerIf(triggerIf).build());
  }

  private static MachineHealthCheck mhcMaxUnhealthy(String value) {
    return mhc(MachineHealthCheckRemediationTriggerIf.builder()
        .unhealthyLessThanOrEqualTo(IntOrPercent.of(value)).build());
  }

  private static MachineHealthCheck mhcRange(String range) {
    return mhc(MachineHealthCheckRemediationTriggerIf.builder().unhealthyInRange(range).build());
  }

  /** Machines and their Nodes, as upstream's {@code createMachinesWithNodes}: Ready changed 10 minutes ago. */
  private static final class World {
    final List<Machine> machines = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();

    World add(int count, String readyStatus) {
      return add(count, readyStatus, m -> m);
    }

    World add(int count, String readyStatus, java.util.function.UnaryOperator<Machine> edit) {
      for (int i = 0; i < count; i++) {
        String name = "machine-" + (machines.size() + 1);
        String node = "node-" + (machines.size() + 1);
        machines.add(edit.apply(Fixtures.created(
            Fixtures.machine(name, NAMESPACE, CLUSTER_NAME, node, MHC_SELECTOR), NOW.minusSeconds(3600))));
        nodes.add(Fixtures.node(node, "Ready", readyStatus, "", NOW, Duration.ofMinutes(10)));
      }
      return this;
    }

    MachineHealthCheckPlan plan(MachineHealthCheck mhc) {
      return plan(mhc, null, List.of());
    }

    MachineHealthCheckPlan plan(MachineHealthCheck mhc, GenericKubernetesResource template,
        List<GenericKubernetesResource> requests) {
      return MachineHealthCheckPlanner.plan(MachineHealthCheckInput.builder()
          .machineHealthCheck(mhc)
          .cluster(Fixtures.readyCluster())
          .machines(machines)
          .nodes(nodes)
          .now(NOW)
          .remediationTemplate(java.util.Optional.ofNullable(template))
          .remediationRequests(requests)
          .build());
    }
  }

  private static List<String> conditionTypes(MachineUpdate u) {
    return u.conditions().stream().map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason()).toList();
  }

  private static MachineUpdate update(MachineHealthCheckPlan p, String machine) {
    return p.machineUpdates().stream().filter(u -> u.machineName().equals(machine)).findFirst().orElseThrow();
  }

  private static Condition mhcCondition(MachineHealthCheckPlan p, String type) {
    return Conditions.get(p.status().conditions(), type).orElseThrow();
  }

  // --- upstream's integration expectations ----------------------------------------------------------------------

  @Test
  void twoHealthyOneUnhealthyAndOneDeletingUnhealthy() {
    World w = new World().add(2, "True").add(1, "Unknown")
        .add(1, "Unknown", m -> Fixtures.deleting(m, NOW.minusSeconds(5)));
    MachineHealthCheckPlan p = w.plan(mhcMaxUnhealthy("100%"));

    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_ALLOWED);
    assertThat(p.status().expectedMachines()).contains(4);
    assertThat(p.status().currentHealthy()).contains(2);
    assertThat(p.status().remediationsAllowed()).contains(2);
    assertThat(p.status().targets()).containsExactly("machine-1", "machine-2", "machine-3", "machine-4");
    assertThat(p.status().observedGeneration()).contains(1L);
    Condition allowed = mhcCondition(p, "RemediationAllowed");
    assertThat(List.of(allowed.getStatus(), allowed.getReason(), allowed.getMessage()))
        .containsExactly("True", "RemediationAllowed", "");

    // Both unhealthy Machines fail the check; only the one not deleting gets OwnerRemediated.
    assertThat(conditionTypes(update(p, "machine-3"))).containsExactly(
        "HealthCheckSucceeded=False/UnhealthyNode", "OwnerRemediated=False/WaitingForRemediation");
    assertThat(update(p, "machine-3").conditions().get(1).getMessage()).isEqualTo("Waiting for remediation");
    assertThat(conditionTypes(update(p, "machine-4"))).containsExactly("HealthCheckSucceeded=False/UnhealthyNode");
    assertThat(conditionTypes(update(p, "machine-1"))).containsExactly("HealthCheckSucceeded=True/HealthCheckSucceeded");
    assertThat(p.machineUpdates()).extracting(MachineUpdate::machineName)
        .containsExactly("machine-3", "machine-4", "machine-1", "machine-2");

    assertThat(p.unhealthy()).extracting(UnhealthyMachine::name, UnhealthyMachine::handling).containsExactly(
        org.assertj.core.groups.Tuple.tuple("machine-3", RemediationHandling.OWNER),
        org.assertj.core.groups.Tuple.tuple("machine-4", RemediationHandling.DELETING));
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::name).containsExactly("machine-3");
    assertThat(p.events()).containsExactly(
        "Normal MachineMarkedUnhealthy Machine test-mhc/machine-3 has been marked as unhealthy by test-mhc/test-mhc",
        "Normal MachineMarkedUnhealthy Machine test-mhc/machine-4 has been marked as unhealthy by test-mhc/test-mhc");
    assertThat(p.requeueAfter()).isEmpty();
    assertThat(p.errors()).isEmpty();
  }

  @Test
  void fortyPercentWithOneHealthyAndTwoUnhealthyIsBlocked() {
    MachineHealthCheckPlan p = new World().add(1, "True").add(2, "Unknown").plan(mhcMaxUnhealthy("40%"));

    String message = "Remediation is not allowed, the number of not started or unhealthy machines exceeds "
        + "maxUnhealthy (total: 3, unhealthy: 2, maxUnhealthy: 40%)";
    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_BLOCKED);
    assertThat(p.status().expectedMachines()).contains(3);
    assertThat(p.status().currentHealthy()).contains(1);
    assertThat(p.status().remediationsAllowed()).contains(0);
    Condition c = mhcCondition(p, "RemediationAllowed");
    assertThat(List.of(c.getStatus(), c.getReason(), c.getMessage()))
        .containsExactly("False", "TooManyUnhealthy", message);
    assertThat(p.blockedReason()).contains(message);
    assertThat(p.mhcEvents()).containsExactly("Warning RemediationRestricted " + message);
    // Only HealthCheckSucceeded is written, healthy first; no OwnerRemediated, no Machine events.
    assertThat(p.machineUpdates()).extracting(MachineUpdate::machineName)
        .containsExactly("machine-1", "machine-2", "machine-3");
    assertThat(p.machineUpdates()).allSatisfy(u -> {
      assertThat(u.conditions()).extracting(Condition::getType).containsExactly("HealthCheckSucceeded");
      assertThat(u.event()).isEmpty();
    });
    assertThat(p.toRemediate()).isEmpty();
    assertThat(p.events()).containsExactly("Warning RemediationRestricted " + message);
  }

  @Test
  void rangeOneToThreeWithTwoHealthyAndOneUnhealthyAllowsTwo() {
    MachineHealthCheckPlan p = new World().add(2, "True").add(1, "Unknown").plan(mhcRange("[1-3]"));
    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_ALLOWED);
    assertThat(p.status().expectedMachines()).contains(3);
    assertThat(p.status().currentHealthy()).contains(2);
    assertThat(p.status().remediationsAllowed()).contains(2);
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::name).containsExactly("machine-3");
  }

  @Test
  void rangeThreeToFiveWithOneHealthyAndTwoUnhealthyIsBlocked() {
    MachineHealthCheckPlan p = new World().add(1, "True").add(2, "Unknown").plan(mhcRange("[3-5]"));
    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_BLOCKED);
    assertThat(p.status().remediationsAllowed()).contains(0);
    assertThat(mhcCondition(p, "RemediationAllowed").getMessage()).isEqualTo(
        "Remediation is not allowed, the number of not started or unhealthy machines does not fall within the range "
            + "(total: 3, unhealthy: 2, unhealthyRange: [3-5])");
  }

  // --- the scenario of the issue ---------------------------------------------------------------------------------

  @Test
  void threeOfFiveUnhealthyWithFortyPercentRemediatesNoneAndSaysWhy() {
    MachineHealthCheckPlan p = new World().add(2, "True").add(3, "Unknown").plan(mhcMaxUnhealthy("40%"));

    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_BLOCKED);
    assertThat(p.toRemediate()).isEmpty();
    assertThat(p.unhealthy()).hasSize(3).allSatisfy(u -> {
      assertThat(u.handling()).isEqualTo(RemediationHandling.BLOCKED);
      assertThat(u.reason()).isEqualTo("UnhealthyNode");
    });
    assertThat(p.machineUpdates()).flatExtracting(MachineUpdate::conditions).extracting(Condition::getType)
        .doesNotContain("OwnerRemediated", "ExternallyRemediated");
    assertThat(p.remediationRequestsToCreate()).isEmpty();
    assertThat(p.blockedReason()).contains("Remediation is not allowed, the number of not started or unhealthy "
        + "machines exceeds maxUnhealthy (total: 5, unhealthy: 3, maxUnhealthy: 40%)");
    assertThat(p.gate().orElseThrow().maxUnhealthy()).contains(2);
    assertThat(p.steps()).anySatisfy(s -> assertThat(s).startsWith(
        "remediation blocked, nothing is remediated: 3 not healthy (5 expected - 2 healthy) is more than maxUnhealthy 2 "
            + "(unhealthyLessThanOrEqualTo 40%)"));
    assertThat(p.status().remediationsAllowed()).contains(0);
    assertThat(p.requeueAfter()).isEmpty();
  }

  // --- marking details -------------------------------------------------------------------------------------------

  @Test
  void ownerRemediatedIsSetWhenAbsentOrTrueAndLeftToTheOwnerWhenFalse() {
    Condition ownerTrue = Conditions.of("OwnerRemediated", "True", "", "", NOW.minusSeconds(60));
    Condition ownerFalse = Conditions.of("OwnerRemediated", "False", "RemediationDeferred", "later", NOW);
    World w = new World().add(1, "Unknown").add(1, "Unknown", m -> Fixtures.withConditions(m, ownerTrue))
        .add(1, "Unknown", m -> Fixtures.withConditions(m, ownerFalse));
    MachineHealthCheckPlan p = w.plan(mhcMaxUnhealthy("100%"));
    assertThat(conditionTypes(update(p, "machine-1"))).contains("OwnerRemediated=False/WaitingForRemediation");
    assertThat(conditionTypes(update(p, "machine-2"))).contains("OwnerRemediated=False/WaitingForRemediation");
    assertThat(conditionTypes(update(p, "machine-3"))).containsExactly("HealthCheckSucceeded=False/UnhealthyNode");
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::name)
        .containsExactly("machine-1", "machine-2", "machine-3");
  }

  @Test
  void applyingAnUpdateKeepsTheTransitionTimeOfAnUnchangedStatus() {
    Condition before = Conditions.of("HealthCheckSucceeded", "True", "HealthCheckSucceeded", "", NOW.minusSeconds(999));
    World w = new World().add(1, "True", m -> Fixtures.withConditions(m, before));
    MachineHealthCheckPlan p = w.plan(mhcMaxUnhealthy("100%"));
    Machine after = p.machineUpdates().get(0).applyTo(w.machines.get(0));
    assertThat(Conditions.get(after.status().orElseThrow().conditions(), "HealthCheckSucceeded").orElseThrow()
        .getLastTransitionTime()).isEqualTo(Conditions.format(NOW.minusSeconds(999)));
  }

  @Test
  void pendingTargetsRequeueWhenAllowedButNotWhenBlocked() {
    // Node Ready=Unknown for 200s of the 300s: pending, next check in 101s.
    World w = new World().add(1, "True");
    w.machines.add(Fixtures.created(Fixtures.machine("machine-2", NAMESPACE, CLUSTER_NAME, "node-2", MHC_SELECTOR),
        NOW.minusSeconds(3600)));
    w.nodes.add(Fixtures.node("node-2", "Ready", "Unknown", "", NOW, Duration.ofSeconds(200)));
    MachineHealthCheckPlan allowed = w.plan(mhcMaxUnhealthy("100%"));
    assertThat(allowed.requeueAfter()).contains(Duration.ofSeconds(101));
    assertThat(allowed.evaluations()).extracting(TargetEvaluation::health)
        .containsExactly(TargetHealth.HEALTHY, TargetHealth.PENDING);
    assertThat(allowed.machineUpdates()).extracting(MachineUpdate::machineName).containsExactly("machine-1");

    // The pending target counts as not healthy: 1 > 0 blocks, and the next check is dropped (QUIRK).
    MachineHealthCheckPlan blocked = w.plan(mhc(MachineHealthCheckRemediationTriggerIf.builder()
        .unhealthyLessThanOrEqualTo(IntOrPercent.of(0)).build()));
    assertThat(blocked.outcome()).isEqualTo(PlanOutcome.REMEDIATION_BLOCKED);
    assertThat(blocked.requeueAfter()).isEmpty();
    assertThat(blocked.mhcEvents()).isEmpty(); // no unhealthy target, no RemediationRestricted event
  }

  @Test
  void aMachinePoolMachineIsDescribedForItsPool() {
    World w = new World().add(1, "Unknown", m -> Fixtures.withMeta(
        m.withSpec(m.spec().withProviderID("azure:///vmss/0")
            .withInfrastructureRef(ContractVersionedObjectReference.of(
                "infrastructure.cluster.x-k8s.io", "AzureMachinePoolMachine", "pool-0"))),
        b -> b.addToLabels(Capi.MACHINE_POOL_NAME_LABEL, "pool")
            .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION)
                .withKind("MachinePool").withName("pool").withController(true).build())));
    UnhealthyMachine u = w.plan(mhcMaxUnhealthy("100%")).toRemediate().get(0);
    assertThat(u.ownedByMachinePool()).isTrue();
    assertThat(u.owner()).contains("MachinePool/pool");
    assertThat(u.poolLabel()).isEqualTo("pool");
    assertThat(u.providerID()).isEqualTo("azure:///vmss/0");
    assertThat(u.infrastructureKind()).isEqualTo("AzureMachinePoolMachine");
    assertThat(u.infrastructureName()).isEqualTo("pool-0");
    assertThat(u.nodeName()).isEqualTo("node-1");
    assertThat(u.message()).startsWith("Health check failed:\n  * Condition Ready on Node");
  }

  // --- external remediation --------------------------------------------------------------------------------------

  private static final String INFRA_V1 = "infrastructure.cluster.x-k8s.io/v1beta2";

  private static MachineHealthCheck externalMhc() {
    return mhc(MachineHealthCheckRemediation.builder()
        .templateRef(MachineHealthCheckRemediationTemplateReference.of(INFRA_V1, "DockerRemediationTemplate", "tmpl"))
        .build());
  }

  private static GenericKubernetesResource template() {
    GenericKubernetesResource t = new GenericKubernetesResourceBuilder()
        .withApiVersion(INFRA_V1)
        .withKind("DockerRemediationTemplate")
        .withMetadata(new ObjectMetaBuilder().withName("tmpl").withNamespace(NAMESPACE).build())
        .build();
    t.setAdditionalProperties(Map.of("spec", Map.of("template", Map.of("spec", Map.of("strategy", "Reboot")))));
    return t;
  }

  private static GenericKubernetesResource request(String name, boolean deleting) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE);
    if (deleting) {
      meta.withDeletionTimestamp(Conditions.format(NOW));
    }
    return new GenericKubernetesResourceBuilder().withApiVersion(INFRA_V1).withKind("DockerRemediation")
        .withMetadata(meta.build()).build();
  }

  @Test
  void externalRemediationCreatesRequestsNamedAfterTheMachinesAndCleansUpHealthyOnes() {
    World w = new World().add(1, "True").add(1, "True").add(2, "Unknown");
    MachineHealthCheckPlan p = w.plan(externalMhc(), template(),
        List.of(request("machine-1", false), request("machine-2", true)));

    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_ALLOWED);
    assertThat(p.remediationRequestsToCreate()).extracting(GenericKubernetesResource::getKind)
        .containsExactly("DockerRemediation", "DockerRemediation");
    GenericKubernetesResource created = p.remediationRequestsToCreate().get(0);
    assertThat(created.getMetadata().getName()).isEqualTo("machine-3");
    assertThat(created.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(created.getApiVersion()).isEqualTo(INFRA_V1);
    assertThat(created.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(List.of(o.getKind(), o.getName())).containsExactly("Machine", "machine-3"));
    assertThat(created.getMetadata().getLabels()).containsEntry(Capi.CLUSTER_NAME_LABEL, CLUSTER_NAME);
    assertThat(created.getAdditionalProperties()).containsEntry("spec", Map.of("strategy", "Reboot"));
    assertThat(conditionTypes(update(p, "machine-3"))).containsExactly(
        "HealthCheckSucceeded=False/UnhealthyNode", "ExternallyRemediated=False/WaitingForRemediation");
    // Healthy again: the request is deleted, unless it is already being deleted.
    assertThat(p.remediationRequestsToDelete()).extracting(r -> r.getMetadata().getName())
        .containsExactly("machine-1");
    assertThat(update(p, "machine-2").deleteRemediationRequest()).isEmpty();
    assertThat(p.toRemediate()).extracting(UnhealthyMachine::handling)
        .containsExactly(RemediationHandling.EXTERNAL, RemediationHandling.EXTERNAL);
  }

  @Test
  void quirkMarkingStopsAtTheFirstUnhealthyMachineWhoseRequestExists() {
    World w = new World().add(1, "True").add(3, "Unknown");
    MachineHealthCheckPlan p = w.plan(externalMhc(), template(), List.of(request("machine-3", false)));

    assertThat(p.outcome()).isEqualTo(PlanOutcome.REMEDIATION_ALLOWED);
    assertThat(p.unhealthy()).extracting(UnhealthyMachine::name, UnhealthyMachine::handling).containsExactly(
        org.assertj.core.groups.Tuple.tuple("machine-2", RemediationHandling.EXTERNAL),
        org.assertj.core.groups.Tuple.tuple("machine-3", RemediationHandling.EXTERNAL_IN_PROGRESS),
        org.assertj.core.groups.Tuple.tuple("machine-4", RemediationHandling.NOT_PROCESSED));
    // machine-3 and machine-4 are not patched at all; the healthy machine-1 still is.
    assertThat(p.machineUpdates()).extracting(MachineUpdate::machineName).containsExactly("machine-2", "machine-1");
    assertThat(p.remediationRequestsToCreate()).extracting(r -> r.getMetadata().getName())
        .containsExactly("machine-2");
    assertThat(p.steps()).anySatisfy(s -> assertThat(s).contains("QUIRK"));
  }

  @Test
  void aMissingTemplateFailsTheReconcileAndStopsMarking() {
    World w = new World().add(1, "True").add(2, "Unknown");
    MachineHealthCheckPlan p = w.plan(externalMhc(), null, List.of());

    assertThat(p.outcome()).isEqualTo(PlanOutcome.ERROR);
    assertThat(p.errors()).containsExactly("error retrieving remediation template "
        + "infrastructure.cluster.x-k8s.io/v1beta2, Kind=DockerRemediationTemplate \"tmpl\" for machine \"machine-2\" "
        + "in namespace \"test-mhc\" within cluster \"test-cluster\": not found");
    assertThat(p.machineUpdates()).extracting(MachineUpdate::machineName).containsExactly("machine-1");
    assertThat(p.requeueAfter()).isEmpty();
    assertThat(p.status().observedGeneration()).isEmpty();
    assertThat(p.status().remediationsAllowed()).contains(1); // 100% of 3 - 2 not healthy, written anyway
  }

  // --- pause, errors, purity -------------------------------------------------------------------------------------

  @Test
  void aPausedClusterStopsEverything() {
    World w = new World().add(2, "Unknown");
    MachineHealthCheckPlan p = MachineHealthCheckPlanner.plan(MachineHealthCheckInput.builder()
        .machineHealthCheck(mhcMaxUnhealthy("100%"))
        .cluster(Fixtures.readyCluster().withSpec(ClusterSpec.builder().paused(true).build()))
        .machines(w.machines).nodes(w.nodes).now(NOW)
        .build());
    assertThat(p.outcome()).isEqualTo(PlanOutcome.PAUSED);
    Condition paused = mhcCondition(p, "Paused");
    assertThat(List.of(paused.getStatus(), paused.getReason(), paused.getMessage()))
        .containsExactly("True", "Paused", "Cluster spec.paused is set to true");
    assertThat(p.machineUpdates()).isEmpty();
    assertThat(p.status().expectedMachines()).isEmpty();
  }

  @Test
  void aNewMachineHealthCheckFirstOnlyWritesPausedFalse() {
    World w = new World().add(2, "Unknown");
    MachineHealthCheck fresh = mhcMaxUnhealthy("100%").withStatus(java.util.Optional.empty());
    MachineHealthCheckPlan p = w.plan(fresh);
    assertThat(p.outcome()).isEqualTo(PlanOutcome.PAUSED_CONDITION_UPDATED);
    assertThat(mhcCondition(p, "Paused").getReason()).isEqualTo("NotPaused");
    assertThat(p.machineUpdates()).isEmpty();

    MachineHealthCheck annotated = fresh.withMetadata(new ObjectMetaBuilder(fresh.metadata())
        .addToAnnotations(Capi.PAUSED_ANNOTATION, "").build());
    assertThat(mhcCondition(w.plan(annotated), "Paused").getMessage())
        .isEqualTo("MachineHealthCheck has the cluster.x-k8s.io/paused annotation");
  }

  @Test
  void aGateErrorFailsTheReconcileWithoutTouchingMachines() {
    MachineHealthCheckPlan p = new World().add(1, "True").add(1, "Unknown").plan(mhcRange("[5-3]"));
    assertThat(p.outcome()).isEqualTo(PlanOutcome.ERROR);
    assertThat(p.errors()).containsExactly(
        "error checking if remediation is allowed: max value 3 cannot be less than min value 5 for unhealthyRange");
    assertThat(p.machineUpdates()).isEmpty();
    assertThat(p.status().expectedMachines()).contains(2);
    assertThat(p.status().currentHealthy()).contains(1);
    assertThat(p.status().remediationsAllowed()).isEmpty();
    assertThat(p.status().observedGeneration()).isEmpty();
  }

  @Test
  void theWrongClusterIsAnError() {
    World w = new World().add(1, "True");
    MachineHealthCheckPlan p = MachineHealthCheckPlanner.plan(MachineHealthCheckInput.builder()
        .machineHealthCheck(mhcMaxUnhealthy("100%"))
        .cluster(Fixtures.readyCluster().withMetadata(new ObjectMetaBuilder().withName("other")
            .withNamespace(NAMESPACE).build()))
        .machines(w.machines).nodes(w.nodes).now(NOW)
        .build());
    assertThat(p.outcome()).isEqualTo(PlanOutcome.ERROR);
    assertThat(p.errors()).singleElement().asString().contains("test-mhc/other");
  }

  @Test
  void planningIsPureAndRepeatable() {
    World w = new World().add(2, "True").add(2, "Unknown");
    MachineHealthCheck mhc = mhcMaxUnhealthy("100%");
    String before = w.machines.toString() + w.nodes + mhc;
    MachineHealthCheckPlan first = w.plan(mhc);
    MachineHealthCheckPlan second = w.plan(mhc);
    assertThat(first).isEqualTo(second);
    assertThat(w.machines.toString() + w.nodes + mhc).isEqualTo(before);
    assertThat(first.steps()).isNotEmpty();
  }
}
