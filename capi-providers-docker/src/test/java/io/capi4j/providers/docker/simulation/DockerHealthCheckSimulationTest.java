package io.capi4j.providers.docker.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinehealthcheck.RemediationRetryLimit;
import io.capi4j.providers.docker.DockerProvider;
import io.capi4j.providers.docker.testing.HealthCheckScenarios;
import io.capi4j.providers.docker.testing.HealthCheckScenarios.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MachineHealthCheck remediation end to end on the simulated cloud with the Docker provider: capi4j's
 * MachineHealthCheck planner marks, the MachineSet planner or capi4j's MachinePool remediation planner deletes, and
 * the MachineSet or the pool replaces. Virtual time; every run takes well under a second of wall time.
 */
class DockerHealthCheckSimulationTest {
  static final String NS = "default";

  static MachineHealthCheck mhc(Result r) {
    return r.simulation().management().get(MachineHealthCheck.class, MachineHealthCheck.KIND, NS, "workers")
        .orElseThrow();
  }

  static List<Condition> conditions(Machine m) {
    return m.statusOrEmpty().conditions();
  }

  @Test
  void aNodeThatNeverJoinsIsRemediatedAfterTheStartupTimeoutAndReplaced() {
    Result r = HealthCheckScenarios.nodeNeverJoins(1);
    assertThat(r.completed()).as(String.join("\n", r.relativeTimeline())).isTrue();
    assertThat(r.simulation().runtime().failures()).isEmpty();
    // Never before nodeStartupTimeoutSeconds (120s), measured from the latest of creation and InfrastructureReady.
    Duration timeout = Duration.ofSeconds(120);
    assertThat(r.between("created", "marked")).isGreaterThanOrEqualTo(timeout);
    assertThat(r.between("infrastructureReady", "marked")).isGreaterThanOrEqualTo(timeout)
        .isLessThan(timeout.plusSeconds(5));
    assertThat(r.moments().get("deleting")).isAfterOrEqualTo(r.moments().get("marked"));
    assertThat(r.moments().get("replacementReady")).isAfter(r.moments().get("gone"));
    String victim = r.simulation().nodes().failedJoins().get(0).replace("docker:////sim-", "");
    assertThat(r.timeline()).anyMatch(l -> l.contains("MachineHealthCheck workers: Machine " + victim
        + ": unhealthy (NodeStartupTimeout)"));
    assertThat(r.timeline()).anyMatch(l -> l.contains("reconcileUnhealthyMachines: DELETE_MACHINE " + victim));
    // The MachineSet created exactly one replacement; three Ready Nodes, three Machines.
    assertThat(r.timeline().stream().filter(l -> l.contains("CREATE_MACHINE"))).hasSize(4);
    assertThat(r.simulation().readyNodes()).isEqualTo(3);
    assertThat(r.simulation().management().list(Machine.class, Machine.KIND)).hasSize(3)
        .noneMatch(m -> m.name().equals(victim));
  }

  @Test
  void threeOfFiveUnhealthyWithFortyPercentRemediatesNoneThenTwoOfFiveAreReplaced() {
    Result r = HealthCheckScenarios.maxUnhealthy(2);
    assertThat(r.completed()).as(String.join("\n", r.relativeTimeline())).isTrue();
    assertThat(r.simulation().runtime().failures()).isEmpty();
    // While three of five are NotReady: nothing deleted, the three marked HealthCheckSucceeded=False only.
    List<String> blocked = r.timelineBefore("recovered").stream().filter(l -> l.compareTo(
        r.moments().get("notReady").toString()) >= 0).toList();
    assertThat(blocked).noneMatch(l -> l.contains("DELETE_MACHINE") || l.contains("OwnerRemediated=False"));
    assertThat(blocked).anyMatch(l -> l.endsWith("RemediationAllowed=False (TooManyUnhealthy): Remediation is not"
        + " allowed, the number of not started or unhealthy machines exceeds maxUnhealthy (total: 5, unhealthy: 3,"
        + " maxUnhealthy: 40%)"));
    List<Machine> atCheck = r.snapshots().get("checked");
    assertThat(atCheck).hasSize(5).noneMatch(Machine::isDeleting);
    assertThat(atCheck.stream().filter(m -> Conditions.isFalse(conditions(m), Capi.Conditions.HEALTH_CHECK_SUCCEEDED)))
        .hasSize(3)
        .allMatch(m -> Conditions.get(conditions(m), Capi.Conditions.OWNER_REMEDIATED).isEmpty());
    assertThat(r.facts()).anyMatch(f -> f.contains("no Machine deleted; RemediationAllowed=False (TooManyUnhealthy)"));
    // After one recovers, the other two are remediated and replaced.
    assertThat(r.timeline().stream().filter(l -> l.contains("reconcileUnhealthyMachines: DELETE_MACHINE"))).hasSize(2);
    r.simulation().runFor(Duration.ofSeconds(30));
    var status = mhc(r).status().orElseThrow();
    assertThat(status.expectedMachines()).contains(5);
    assertThat(status.currentHealthy()).contains(5);
    assertThat(Conditions.isTrue(status.conditions(), Capi.Conditions.REMEDIATION_ALLOWED)).isTrue();
  }

  @Test
  void aPoolInstanceWhoseNodeIsNotReadyTooLongIsReplacedByThePool() {
    Result r = HealthCheckScenarios.poolInstanceNotReady(3);
    assertThat(r.completed()).as(String.join("\n", r.relativeTimeline())).isTrue();
    assertThat(r.simulation().runtime().failures()).isEmpty();
    assertThat(r.between("notReady", "marked")).isGreaterThanOrEqualTo(Duration.ofSeconds(60))
        .isLessThan(Duration.ofSeconds(65));
    assertThat(r.timeline()).anyMatch(l -> l.contains("MachinePool workers: delete Machine worker-0: remediate the"
        + " unhealthy MachinePool Machine"));
    assertThat(r.timeline()).anyMatch(l -> l.contains("DockerMachinePool workers: machines: DockerMachine worker-0 is"
        + " being deleted: delete its container"));
    // The old instance is gone, a new one runs and is Ready, replicas unchanged.
    var group = r.simulation().context().groups().getGroup(DockerProvider.poolGroupId("sim", "workers")).orElseThrow();
    assertThat(group.instances()).extracting(i -> i.providerID())
        .containsExactlyInAnyOrder("docker:////sim-worker-1", "docker:////sim-worker-2", "docker:////sim-worker-3");
    assertThat(r.simulation().workload().list(Node.class, "Node")).extracting(n -> n.getSpec().getProviderID())
        .doesNotContain("docker:////sim-worker-0").contains("docker:////sim-worker-3");
    assertThat(r.simulation().readyNodes()).isEqualTo(3);
    MachinePool mp = r.simulation().management().get(MachinePool.class, MachinePool.KIND, NS, "workers").orElseThrow();
    assertThat(mp.spec().replicas()).contains(3);
    assertThat(mp.spec().providerIDList()).doesNotContain("docker:////sim-worker-0").hasSize(3);
  }

  @Test
  void theRetryLimitStopsRemediatingAFailureThatRepeatsAndSaysSo() {
    Result r = HealthCheckScenarios.retryLimit(4);
    assertThat(r.completed()).as(String.join("\n", r.relativeTimeline())).isTrue();
    assertThat(r.simulation().runtime().failures()).isEmpty();
    // Three remediations (retry-limit 3), then none, even 15 minutes later.
    assertThat(r.timeline().stream().filter(l -> l.contains("reconcileUnhealthyMachines: DELETE_MACHINE"))).hasSize(3);
    assertThat(r.timeline().stream().filter(l -> l.contains("CREATE_MACHINE"))).hasSize(4);
    List<Machine> end = r.snapshots().get("end");
    assertThat(end).singleElement().satisfies(m -> {
      assertThat(Conditions.isFalse(conditions(m), Capi.Conditions.HEALTH_CHECK_SUCCEEDED)).isTrue();
      assertThat(Conditions.get(conditions(m), Capi.Conditions.OWNER_REMEDIATED)).isEmpty();
      assertThat(m.isDeleting()).isFalse();
    });
    assertThat(end).isEqualTo(r.snapshots().get("limitReached").stream()
        .map(m -> r.simulation().management().get(Machine.class, Machine.KIND, NS, m.name()).orElseThrow()).toList());
    MachineHealthCheck mhc = mhc(r);
    Condition c = Conditions.get(mhc.status().orElseThrow().conditions(), RemediationRetryLimit.CONDITION).orElseThrow();
    assertThat(c.getStatus()).isEqualTo("True");
    assertThat(c.getReason()).isEqualTo("RemediationRetryLimitReached");
    assertThat(c.getMessage()).startsWith("Remediation stopped by the retry limit (remediation.capi4j.io/retry-limit 3"
        + " within 1h0m0s):\n* Machine " + end.get(0).name() + ": MachineSet/")
        .contains(" had 3 remediation(s) since ");
    assertThat(RemediationRetryLimit.parse(mhc.annotations().get(RemediationRetryLimit.HISTORY_ANNOTATION)))
        .hasSize(3);
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    assertThat(HealthCheckScenarios.poolInstanceNotReady(9).timeline())
        .isEqualTo(HealthCheckScenarios.poolInstanceNotReady(9).timeline());
  }
}
