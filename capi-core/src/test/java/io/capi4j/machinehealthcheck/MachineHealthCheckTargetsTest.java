package io.capi4j.machinehealthcheck;

import static io.capi4j.machinehealthcheck.Fixtures.CLUSTER_NAME;
import static io.capi4j.machinehealthcheck.Fixtures.MHC_SELECTOR;
import static io.capi4j.machinehealthcheck.Fixtures.NAMESPACE;
import static io.capi4j.machinehealthcheck.Fixtures.NOW;
import static io.capi4j.machinehealthcheck.Fixtures.annotated;
import static io.capi4j.machinehealthcheck.Fixtures.created;
import static io.capi4j.machinehealthcheck.Fixtures.machine;
import static io.capi4j.machinehealthcheck.Fixtures.node;
import static io.capi4j.machinehealthcheck.Fixtures.withConditions;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code machinehealthcheck_targets_test.go}. */
class MachineHealthCheckTargetsTest {

  /** TestGetTargetsFromMHC. */
  @Nested
  class GetTargetsFromMHC {
    // Upstream's test passes a client for the workload cluster, which the reconciler only has once the control plane
    // is initialized; this Cluster says so.
    final Cluster cluster = Fixtures.readyCluster();
    final MachineHealthCheck mhc = Fixtures.mhc(MachineHealthCheckChecks.builder()
        .addUnhealthyNodeCondition(io.capi4j.api.core.v1beta2.UnhealthyCondition.of("Ready", "Unknown", 300))
        .addUnhealthyMachineCondition(
            io.capi4j.api.core.v1beta2.UnhealthyCondition.of("EtcdPodHealthy", "Unknown", 300))
        .build());

    final Node node1 = node("node1");
    final Machine machine1 = machine("machine1", NAMESPACE, CLUSTER_NAME, "node1", MHC_SELECTOR);
    final Machine machine2 = machine("machine2", NAMESPACE, CLUSTER_NAME, "node2", Map.of("cluster", CLUSTER_NAME));
    final Node node3 = node("node3");
    final Machine machine3 = machine("machine3", NAMESPACE, CLUSTER_NAME, "node3", MHC_SELECTOR);
    final Node node4 = node("node4");
    final Machine machine4 = machine("machine4", NAMESPACE, "other-cluster", "node4", MHC_SELECTOR);
    final Machine machine5 = annotated(machine("machine5", NAMESPACE, CLUSTER_NAME, "node5", MHC_SELECTOR),
        Capi.MACHINE_SKIP_REMEDIATION_ANNOTATION);
    final Machine machine6 = annotated(machine("machine6", NAMESPACE, CLUSTER_NAME, "node6", MHC_SELECTOR),
        Capi.PAUSED_ANNOTATION);

    private TargetSelection select(List<Machine> machines, List<Node> nodes) {
      TargetSelection s = MachineHealthCheckTargets.select(mhc, machines, nodes, cluster);
      assertThat(s.error()).isEmpty();
      return s;
    }

    @Test
    void withNoMatchingMachines() {
      assertThat(select(List.of(), List.of()).targets()).isEmpty();
    }

    @Test
    void whenAMachinesNodeIsMissing() {
      assertThat(select(List.of(machine1), List.of()).targets())
          .containsExactly(HealthCheckTarget.nodeDeleted(machine1));
    }

    @Test
    void whenAMachinesLabelsDoNotMatchTheSelector() {
      assertThat(select(List.of(machine1, machine2), List.of(node1)).targets())
          .containsExactly(HealthCheckTarget.of(machine1, node1));
    }

    @Test
    void withMultipleMachinesShouldMatchCorrectNodes() {
      assertThat(select(List.of(machine1, machine3, machine4), List.of(node1, node3, node4)).targets())
          .containsExactly(HealthCheckTarget.of(machine1, node1), HealthCheckTarget.of(machine3, node3));
    }

    @Test
    void withMachinesHavingSkipRemediationOrPausedAnnotation() {
      TargetSelection s = select(List.of(machine1, machine5, machine6), List.of(node1));
      assertThat(s.targets()).containsExactly(HealthCheckTarget.of(machine1, node1));
      assertThat(s.skipped()).containsExactly(
          SkippedMachine.of("machine5", "machine has \"cluster.x-k8s.io/skip-remediation\" annotation"),
          SkippedMachine.of("machine6", "machine has \"cluster.x-k8s.io/paused\" annotation"));
    }

    // capi4j cases.

    @Test
    void nodesAreNotReadBeforeTheControlPlaneIsInitialized() {
      TargetSelection s = MachineHealthCheckTargets.select(
          mhc, List.of(machine1, machine3), List.of(node1), Fixtures.cluster(true, false, NOW));
      assertThat(s.targets())
          .containsExactly(HealthCheckTarget.withoutNode(machine1), HealthCheckTarget.withoutNode(machine3));
    }

    @Test
    void machinesOfOtherNamespacesAreIgnoredAndTargetsAreSortedInStatus() {
      Machine other = machine("machine0", "elsewhere", CLUSTER_NAME, "node1", MHC_SELECTOR);
      TargetSelection s = select(List.of(machine3, other, machine1), List.of(node1, node3));
      assertThat(s.targets()).extracting(HealthCheckTarget::name).containsExactly("machine3", "machine1");
      assertThat(s.sortedNames()).containsExactly("machine1", "machine3");
    }

    @Test
    void anInvalidSelectorIsAnError() {
      MachineHealthCheck bad = mhc.withSpec(mhc.spec().withSelector(new io.fabric8.kubernetes.api.model.LabelSelector(
          List.of(new io.fabric8.kubernetes.api.model.LabelSelectorRequirement("k", "Bogus", List.of())), Map.of())));
      TargetSelection s = MachineHealthCheckTargets.select(bad, List.of(machine1), List.of(node1), cluster);
      assertThat(s.targets()).isEmpty();
      assertThat(s.error()).contains("error getting machines from MachineHealthCheck: failed to build selector: "
          + "\"Bogus\" is not a valid label selector operator");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TestHealthCheckTargets.

  static final Duration TIMEOUT_FOR_MACHINE_TO_HAVE_NODE = Duration.ofMinutes(10);
  static final MachineHealthCheck TEST_MHC = Fixtures.mhc(Fixtures.targetTestChecks());
  static final MachineHealthCheck TEST_MHC_EMPTY_CONDITIONS =
      TEST_MHC.withSpec(TEST_MHC.spec().withChecks(Optional.empty()));
  static final Machine TEST_MACHINE = machine("machine1", NAMESPACE, CLUSTER_NAME, "node1", MHC_SELECTOR);

  record Case(
      String desc,
      MachineHealthCheck mhc,
      List<HealthCheckTarget> targets,
      Duration timeoutForMachineToHaveNode,
      List<HealthCheckTarget> expectedHealthy,
      List<HealthCheckTarget> expectedNeedsRemediation,
      List<String[]> expectedConditions,
      List<Duration> expectedNextCheckTimes) {
    @Override
    public String toString() {
      return desc;
    }
  }

  private static Node readyFalseNode() {
    return new NodeBuilder().withNewStatus()
        .withConditions(new NodeConditionBuilder().withType("Ready").withStatus("False").build())
        .endStatus()
        .build();
  }

  static Stream<Arguments> healthCheckTargetsCases() {
    Machine machineWithInfraReady = created(TEST_MACHINE, NOW.minusSeconds(100));
    machineWithInfraReady = withConditions(machineWithInfraReady, Conditions.of(Capi.Conditions.INFRASTRUCTURE_READY,
        Conditions.TRUE, "", "", NOW.minusSeconds(100).plusSeconds(50)));
    HealthCheckTarget nodeNotYetStartedTargetAndInfraReady = HealthCheckTarget.withoutNode(machineWithInfraReady);
    HealthCheckTarget nodeNotYetStartedTarget1200s =
        HealthCheckTarget.withoutNode(created(TEST_MACHINE, NOW.minusSeconds(1200)));
    HealthCheckTarget nodeNotYetStartedTarget400s =
        HealthCheckTarget.withoutNode(created(TEST_MACHINE, NOW.minusSeconds(400)));
    HealthCheckTarget nodeGoneAway = HealthCheckTarget.of(TEST_MACHINE, Optional.of(new Node()), true);
    HealthCheckTarget nodeGoneAwayEmptyConditions =
        HealthCheckTarget.of(TEST_MACHINE, Optional.of(readyFalseNode()), true);
    HealthCheckTarget nodeEmptyConditions = HealthCheckTarget.of(TEST_MACHINE, readyFalseNode());
    HealthCheckTarget nodeUnknown200 = HealthCheckTarget.of(TEST_MACHINE,
        node("node1", "Ready", "Unknown", "NodeStatusUnknown", NOW, Duration.ofSeconds(200)));
    HealthCheckTarget nodeUnknown100 = HealthCheckTarget.of(TEST_MACHINE,
        node("node1", "Ready", "Unknown", "NodeStatusUnknown", NOW, Duration.ofSeconds(100)));
    HealthCheckTarget nodeUnknown400 = HealthCheckTarget.of(TEST_MACHINE,
        node("node1", "Ready", "Unknown", "NodeStatusUnknown", NOW, Duration.ofSeconds(400)));
    Node testNodeHealthy = new NodeBuilder(node("node1")).editMetadata().withUid("12345").endMetadata().build();
    HealthCheckTarget nodeHealthy = HealthCheckTarget.of(TEST_MACHINE, testNodeHealthy);
    HealthCheckTarget machineUnhealthy200 = HealthCheckTarget.of(
        Fixtures.unhealthyMachine("machine1", "node1", "EtcdPodHealthy", "False", "Failed", NOW,
            Duration.ofSeconds(200)),
        testNodeHealthy);
    HealthCheckTarget machineUnhealthy400 = HealthCheckTarget.of(
        Fixtures.unhealthyMachine("machine1", "node1", "EtcdPodHealthy", "False", "Failed", NOW,
            Duration.ofSeconds(400)),
        testNodeHealthy);
    HealthCheckTarget machineAnnotationRemediation =
        HealthCheckTarget.withoutNode(annotated(TEST_MACHINE, Capi.REMEDIATE_MACHINE_ANNOTATION));

    String[] nodeStartupTimeout = {"NodeStartupTimeout", "Health check failed:\n  * Node failed to report startup in 10m0s"};
    String[] nodeGone = {"NodeDeleted", "Health check failed:\n  * Node node1 has been deleted"};
    String[] nodeUnknown400Condition = {"UnhealthyNode",
        "Health check failed:\n  * Condition Ready on Node is reporting status Unknown with reason NodeStatusUnknown "
            + "for more than 5m0s"};
    String[] machineUnhealthy400Condition = {"UnhealthyMachine",
        "Health check failed:\n  * Condition EtcdPodHealthy on Machine is reporting status False with reason Failed "
            + "for more than 5m0s"};
    String[] annotationCondition = {"HasRemediateAnnotation",
        "Health check failed: marked for remediation via cluster.x-k8s.io/remediate-machine annotation"};

    Duration d = TIMEOUT_FOR_MACHINE_TO_HAVE_NODE;
    return Stream.of(
        new Case("when the node has not yet started for shorter than the timeout", TEST_MHC,
            List.of(nodeNotYetStartedTarget400s), d, List.of(), List.of(), List.of(),
            List.of(Duration.ofSeconds(600 - 400 + 1))),
        new Case("when the node has not yet started for shorter than the timeout, and infra is ready", TEST_MHC,
            List.of(nodeNotYetStartedTargetAndInfraReady), d, List.of(), List.of(), List.of(),
            List.of(Duration.ofSeconds(600 - 50 + 1))),
        new Case("when the node has not yet started for longer than the timeout", TEST_MHC,
            List.of(nodeNotYetStartedTarget1200s), d, List.of(), List.of(nodeNotYetStartedTarget1200s),
            List.<String[]>of(nodeStartupTimeout), List.of()),
        new Case("when the node has gone away", TEST_MHC, List.of(nodeGoneAway), d, List.of(),
            List.of(nodeGoneAway), List.<String[]>of(nodeGone), List.of()),
        new Case("when the node has been in an unknown state for shorter than the timeout", TEST_MHC,
            List.of(nodeUnknown200), d, List.of(), List.of(), List.of(), List.of(Duration.ofSeconds(101))),
        new Case("when the node has been in an unknown state for longer than the timeout", TEST_MHC,
            List.of(nodeUnknown400), d, List.of(), List.of(nodeUnknown400),
            List.<String[]>of(nodeUnknown400Condition), List.of()),
        new Case("when the machine condition has been unhealthy for shorter than the timeout", TEST_MHC,
            List.of(machineUnhealthy200), d, List.of(), List.of(), List.of(), List.of(Duration.ofSeconds(101))),
        new Case("when the machine condition has been unhealthy for longer than the timeout", TEST_MHC,
            List.of(machineUnhealthy400), d, List.of(), List.of(machineUnhealthy400),
            List.<String[]>of(machineUnhealthy400Condition), List.of()),
        new Case("when the node is healthy", TEST_MHC, List.of(nodeHealthy), d, List.of(nodeHealthy), List.of(),
            List.of(), List.of()),
        new Case("with a mix of healthy and unhealthy nodes", TEST_MHC,
            List.of(nodeUnknown100, nodeUnknown200, nodeUnknown400, nodeHealthy), d, List.of(nodeHealthy),
            List.of(nodeUnknown400), List.<String[]>of(nodeUnknown400Condition),
            List.of(Duration.ofSeconds(201), Duration.ofSeconds(101))),
        new Case("when the node has not started for a long time but the startup timeout is disabled", TEST_MHC,
            List.of(nodeNotYetStartedTarget400s), Duration.ZERO, List.of(), List.of(), List.of(), List.of()),
        new Case("when the machine is manually marked for remediation", TEST_MHC,
            List.of(machineAnnotationRemediation), d, List.of(), List.of(machineAnnotationRemediation),
            List.<String[]>of(annotationCondition), List.of()),
        new Case("health check with empty unhealthy conditions and missing node", TEST_MHC_EMPTY_CONDITIONS,
            List.of(nodeGoneAwayEmptyConditions), d, List.of(), List.of(nodeGoneAwayEmptyConditions),
            List.<String[]>of(nodeGone), List.of()),
        new Case("health check with empty unhealthy conditions and node", TEST_MHC_EMPTY_CONDITIONS,
            List.of(nodeEmptyConditions), d, List.of(nodeEmptyConditions), List.of(), List.of(), List.of()))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("healthCheckTargetsCases")
  void healthCheckTargets(Case tc) {
    HealthCheckSummary s = MachineHealthCheckTargets.healthCheck(
        tc.targets(), tc.mhc(), Fixtures.readyCluster(), NOW, tc.timeoutForMachineToHaveNode());

    assertThat(s.healthy()).extracting(TargetEvaluation::target)
        .containsExactlyInAnyOrderElementsOf(tc.expectedHealthy());
    assertThat(s.unhealthy()).extracting(TargetEvaluation::target)
        .containsExactlyInAnyOrderElementsOf(tc.expectedNeedsRemediation());
    assertThat(s.nextCheckTimes()).containsExactlyInAnyOrderElementsOf(tc.expectedNextCheckTimes());
    for (int i = 0; i < tc.expectedConditions().size(); i++) {
      Condition c = s.unhealthy().get(i).healthCheckSucceeded().orElseThrow();
      assertThat(c.getType()).isEqualTo("HealthCheckSucceeded");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo(tc.expectedConditions().get(i)[0]);
      assertThat(c.getMessage()).isEqualTo(tc.expectedConditions().get(i)[1]);
      assertThat(c.getLastTransitionTime()).isEqualTo("2026-08-21T10:00:00Z");
    }
    for (TargetEvaluation e : s.healthy()) {
      Condition c = e.healthCheckSucceeded().orElseThrow();
      assertThat(List.of(c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
          .containsExactly("HealthCheckSucceeded", "True", "HealthCheckSucceeded", "");
    }
    for (TargetEvaluation e : s.evaluations()) {
      if (e.health() == TargetHealth.PENDING || e.health() == TargetHealth.UNDETERMINED) {
        assertThat(e.healthCheckSucceeded()).isEmpty();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // needsRemediation details (capi4j), from upstream's rules.

  @Nested
  class NeedsRemediation {
    private HealthCheckResult check(HealthCheckTarget t, Cluster c, Duration timeout) {
      return MachineHealthCheckTargets.needsRemediation(t, TEST_MHC, c, NOW, timeout);
    }

    @Test
    void machineAndNodeFailuresAreCombinedMachineFirst() {
      Machine m = Fixtures.unhealthyMachine("machine1", "node1", "EtcdPodHealthy", "Unknown", "Lost", NOW,
          Duration.ofSeconds(301));
      HealthCheckResult r = check(HealthCheckTarget.of(m,
          node("node1", "Ready", "False", "KubeletNotReady", NOW, Duration.ofSeconds(3600))),
          Fixtures.readyCluster(), TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(r.unhealthy()).isTrue();
      assertThat(r.reason()).isEqualTo("UnhealthyMachine");
      assertThat(r.message()).isEqualTo("Health check failed:\n"
          + "  * Condition EtcdPodHealthy on Machine is reporting status Unknown with reason Lost for more than 5m0s\n"
          + "  * Condition Ready on Node is reporting status False with reason KubeletNotReady for more than 5m0s");
      assertThat(r.nextCheck()).isZero();
    }

    @Test
    void exactlyAtTheTimeoutIsNotYetUnhealthy() {
      HealthCheckResult r = check(HealthCheckTarget.of(TEST_MACHINE,
          node("node1", "Ready", "Unknown", "NodeStatusUnknown", NOW, Duration.ofSeconds(300))),
          Fixtures.readyCluster(), TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(r.unhealthy()).isFalse();
      assertThat(r.nextCheck()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void notEvaluatedBeforeTheControlPlaneIsInitializedExceptForControlPlaneMachines() {
      Cluster notInitialized = Fixtures.cluster(true, false, NOW.minusSeconds(3600));
      HealthCheckTarget worker = HealthCheckTarget.withoutNode(created(TEST_MACHINE, NOW.minusSeconds(7200)));
      HealthCheckResult r = check(worker, notInitialized, TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(r.unhealthy()).isFalse();
      assertThat(r.nextCheck()).isZero();

      HealthCheckTarget cp = HealthCheckTarget.withoutNode(Fixtures.withMeta(
          created(TEST_MACHINE, NOW.minusSeconds(7200)), b -> b.addToLabels(Capi.MACHINE_CONTROL_PLANE_LABEL, "")));
      HealthCheckResult cpResult = check(cp, notInitialized, TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(cpResult.unhealthy()).isTrue();
      assertThat(cpResult.reason()).isEqualTo("NodeStartupTimeout");
    }

    @Test
    void notEvaluatedWhileTheClusterInfrastructureIsNotReady() {
      HealthCheckTarget t = HealthCheckTarget.nodeDeleted(TEST_MACHINE);
      HealthCheckResult r = check(t, Fixtures.cluster(false, true, NOW), TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(r.unhealthy()).isFalse();
      assertThat(r.nextCheck()).isZero();
    }

    @Test
    void remediateAnnotationWinsEvenBeforeTheClusterIsReady() {
      HealthCheckTarget t = HealthCheckTarget.withoutNode(annotated(TEST_MACHINE, Capi.REMEDIATE_MACHINE_ANNOTATION));
      HealthCheckResult r = check(t, Fixtures.cluster(false, false, NOW), TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(r.unhealthy()).isTrue();
      assertThat(r.reason()).isEqualTo("HasRemediateAnnotation");
    }

    @Test
    void startupTimeoutRunsFromTheLatestReadyTransition() {
      // Created 2h ago, but the cluster infrastructure became ready only 100s ago.
      Cluster c = Fixtures.cluster(true, true, NOW.minusSeconds(100));
      HealthCheckTarget t = HealthCheckTarget.withoutNode(created(TEST_MACHINE, NOW.minusSeconds(7200)));
      HealthCheckResult r = check(t, c, Duration.ofSeconds(600));
      assertThat(r.unhealthy()).isFalse();
      assertThat(r.nextCheck()).isEqualTo(Duration.ofSeconds(501));
    }

    @Test
    void deletingMachinesCanBeUnhealthyButNeverHealthy() {
      Machine deleting = Fixtures.deleting(TEST_MACHINE, NOW.minusSeconds(10));
      HealthCheckSummary s = MachineHealthCheckTargets.healthCheck(
          List.of(HealthCheckTarget.nodeDeleted(deleting), HealthCheckTarget.of(deleting, node("node1"))),
          TEST_MHC, Fixtures.readyCluster(), NOW, TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(s.evaluations()).extracting(TargetEvaluation::health)
          .containsExactly(TargetHealth.UNHEALTHY, TargetHealth.UNDETERMINED);
    }

    @Test
    void aNegativeTimeoutIsPrintedAsGoDoes() {
      HealthCheckTarget t = HealthCheckTarget.withoutNode(created(TEST_MACHINE, NOW.minusSeconds(1)));
      HealthCheckResult r = check(t, Fixtures.readyCluster(), Duration.ofSeconds(-30));
      assertThat(r.message()).isEqualTo("Health check failed:\n  * Node failed to report startup in -30s");
    }

    @Test
    void theInputIsNotChanged() {
      HealthCheckTarget t = HealthCheckTarget.of(TEST_MACHINE,
          node("node1", "Ready", "Unknown", "NodeStatusUnknown", NOW, Duration.ofSeconds(400)));
      String before = t.toString();
      MachineHealthCheckTargets.healthCheck(List.of(t), TEST_MHC, Fixtures.readyCluster(), NOW,
          TIMEOUT_FOR_MACHINE_TO_HAVE_NODE);
      assertThat(t.toString()).isEqualTo(before);
      assertThat(TEST_MACHINE.status().orElseThrow().conditions()).isEmpty();
    }

    @Test
    void nodeStartupTimeoutDefaultsTo600s() {
      assertThat(MachineHealthCheckTargets.nodeStartupTimeout(TEST_MHC)).isEqualTo(Duration.ofSeconds(600));
    }
  }
}
