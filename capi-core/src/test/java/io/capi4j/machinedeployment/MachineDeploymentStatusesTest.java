package io.capi4j.machinedeployment;

import static io.capi4j.machineset.Fixtures.NOW;
import static io.capi4j.machineset.Fixtures.machine;
import static io.capi4j.machineset.Fixtures.withCondition;
import static io.capi4j.machineset.Fixtures.withCreationTimestamp;
import static io.capi4j.machineset.Fixtures.withStaleDeletion;
import static io.capi4j.machineset.Fixtures.withStaleDrain;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.StatusVersion;
import io.capi4j.conditions.Conditions;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code machinedeployment_status_test.go}. */
class MachineDeploymentStatusesTest {
  private static final String INTERNAL = "Please check controller logs for errors";
  private static final String DRAIN_MESSAGE =
      "Drain not completed yet (started at 2024-10-09T16:13:59Z):\n"
          + "* Pods pod-2-deletionTimestamp-set-1, pod-3-to-trigger-eviction-successfully-1: deletionTimestamp set,"
          + " but still not removed from the Node\n"
          + "* Pod pod-5-to-trigger-eviction-pdb-violated-1: cannot evict pod as it would violate the pod's disruption"
          + " budget. The disruption budget pod-5-pdb needs 20 healthy pods and has 20 currently\n"
          + "* Pod pod-6-to-trigger-eviction-some-other-error: failed to evict Pod, some other error 1\n"
          + "* Pod pod-9-wait-completed: waiting for completion\n"
          + "After above Pods have been removed from the Node, the following Pods will be evicted: pod-7-eviction-later,"
          + " pod-8-eviction-later";

  private static MachineDeployment md(Integer replicas, boolean deleting) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName("md").withNamespace("ns");
    if (deleting) {
      meta.withDeletionTimestamp(Conditions.format(NOW));
    }
    MachineSpec spec =
        MachineSpec.builder()
            .bootstrap(Bootstrap.builder()
                .configRef(ContractVersionedObjectReference.of(Capi.BOOTSTRAP_GROUP, "KubeadmBootstrapTemplate",
                    "some-name"))
                .build())
            .infrastructureRef(
                ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, "DockerMachineTemplate", "some-name"))
            .build();
    return MachineDeployment.builder()
        .metadata(meta.build())
        .spec(MachineDeploymentSpec.builder()
            .replicas(replicas)
            .template(MachineTemplateSpec.builder().spec(spec).build())
            .build())
        .build();
  }

  private static MachineDeployment rolling(MachineDeployment md, int maxSurge, int maxUnavailable) {
    return md.withSpec(md.spec().withRollout(MachineDeploymentRolloutSpec.builder()
        .strategy(MachineDeploymentRolloutStrategy.builder()
            .type(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)
            .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(
                IntOrPercent.of(maxSurge), IntOrPercent.of(maxUnavailable)))
            .build())
        .build()));
  }

  private static MachineSet ms(String name, Integer replicas, Integer ready, Integer available, Integer upToDate) {
    return ImmutableMachineSet.builder()
        .metadata(new ObjectMetaBuilder().withName(name).build())
        .status(MachineSetStatus.builder()
            .replicas(Optional.ofNullable(replicas))
            .readyReplicas(Optional.ofNullable(ready))
            .availableReplicas(Optional.ofNullable(available))
            .upToDateReplicas(Optional.ofNullable(upToDate))
            .build())
        .build();
  }

  private static MachineSet ms(String name, int replicas) {
    return ms(name, replicas, null, null, null);
  }

  private static MachineDeploymentStatuses.Observed observed(List<MachineSet> sets, List<Machine> machines) {
    return MachineDeploymentStatuses.Observed.of(sets, machines, NOW);
  }

  private static MachineDeploymentStatuses.Observed failed() {
    return new MachineDeploymentStatuses.Observed(List.of(), false, List.of(), false, false, false, NOW);
  }

  private static void assertCondition(Condition c, String type, String status, String reason, String message) {
    assertThat(c.getType()).isEqualTo(type);
    assertThat(c.getStatus()).isEqualTo(status);
    assertThat(c.getReason()).isEqualTo(reason);
    assertThat(c.getMessage()).isEqualTo(message);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setReplicas

  static Stream<Arguments> replicasCases() {
    return Stream.of(
        Arguments.of("No MachineSets", List.of(), null, null, null, null),
        Arguments.of("MachineSets without replicas set", List.of(ms("ms1", null, null, null, null)), null, null, null,
            null),
        Arguments.of("MachineSets with replicas set",
            List.of(ms("ms1", 6, 5, 3, 3), ms("ms2", 3, 2, 2, 1), ms("ms3", null, null, null, null)), 9, 7, 5, 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicasCases")
  void setReplicas(String name, List<MachineSet> sets, Integer replicas, Integer ready, Integer available,
      Integer upToDate) {
    MachineDeploymentStatus s = MachineDeploymentStatuses.compute(md(3, false), observed(sets, List.of()));
    assertThat(s.replicas()).isEqualTo(Optional.ofNullable(replicas));
    assertThat(s.readyReplicas()).isEqualTo(Optional.ofNullable(ready));
    assertThat(s.availableReplicas()).isEqualTo(Optional.ofNullable(available));
    assertThat(s.upToDateReplicas()).isEqualTo(Optional.ofNullable(upToDate));
  }

  @Test
  void setReplicasAggregatesVersions() {
    MachineSet a = ms("a", 2).withStatus(ms("a", 2).status().orElseThrow()
        .withVersions(StatusVersion.of("v1.30.0", 2)));
    MachineSet b = ms("b", 3).withStatus(ms("b", 3).status().orElseThrow()
        .withVersions(StatusVersion.of("v1.31.0", 1), StatusVersion.of("v1.30.0", 2)));
    MachineDeploymentStatus s = MachineDeploymentStatuses.compute(md(5, false), observed(List.of(a, b), List.of()));
    assertThat(s.versions()).containsExactly(StatusVersion.of("v1.30.0", 4), StatusVersion.of("v1.31.0", 1));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setAvailableCondition

  static Stream<Arguments> availableCases() {
    MachineDeployment surge1Unavailable0 = rolling(md(5, false), 1, 0);
    MachineDeployment surge1Unavailable1 = rolling(md(5, false), 1, 1);
    return Stream.of(
        Arguments.of("getAndAdoptMachineSetsForDeploymentSucceeded failed", md(null, false), null, false,
            "Unknown", "InternalError", INTERNAL),
        Arguments.of("spec.replicas not set", md(null, false), null, true, "Unknown", "WaitingForReplicasSet",
            "Waiting for spec.replicas set"),
        Arguments.of("status.v1beta2 not set", md(5, false), null, true, "Unknown", "WaitingForAvailableReplicasSet",
            "Waiting for status.availableReplicas set"),
        Arguments.of("all the expected replicas are available", surge1Unavailable0, 5, true, "True", "Available",
            ""),
        Arguments.of("some replicas are not available, but within MaxUnavailable range", surge1Unavailable1, 4,
            true, "True", "Available", ""),
        Arguments.of("some replicas are not available, more than MaxUnavailable", surge1Unavailable1, 3, true,
            "False", "NotAvailable",
            "3 available replicas, at least 4 required (spec.strategy.rollout.maxUnavailable is 1, spec.replicas is 5)"),
        Arguments.of("When deleting, don't show required replicas", rolling(md(5, true), 1, 1), 0, true, "False",
            "NotAvailable", "Deletion in progress"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("availableCases")
  void setAvailableCondition(String name, MachineDeployment md, Integer available, boolean listed, String status,
      String reason, String message) {
    assertCondition(MachineDeploymentStatuses.available(md, Optional.ofNullable(available), listed), "Available",
        status, reason, message);
  }

  @Test
  void maxUnavailable() {
    assertThat(MachineDeploymentStatuses.maxUnavailable(rolling(md(5, false), 1, 1))).isEqualTo(1);
    assertThat(MachineDeploymentStatuses.maxUnavailable(rolling(md(5, false), 0, 0))).as("both zero").isEqualTo(1);
    assertThat(MachineDeploymentStatuses.maxUnavailable(rolling(md(2, false), 1, 7))).as("capped").isEqualTo(2);
    assertThat(MachineDeploymentStatuses.maxUnavailable(rolling(md(0, false), 0, 0))).as("no replicas").isZero();
    assertThat(MachineDeploymentStatuses.maxUnavailable(md(5, false))).as("not RollingUpdate").isZero();
    MachineDeployment pct = md(10, false).withSpec(md(10, false).spec().withRollout(
        MachineDeploymentRolloutSpec.builder().strategy(MachineDeploymentRolloutStrategy.builder()
            .type("RollingUpdate")
            .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.of(IntOrPercent.of("0%"), IntOrPercent.of("25%")))
            .build()).build()));
    assertThat(MachineDeploymentStatuses.maxUnavailable(pct)).as("25% of 10 rounds down").isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setRollingOutCondition

  static Stream<Arguments> rollingOutCases() {
    String u = Capi.Conditions.UP_TO_DATE;
    return Stream.of(
        Arguments.of("no machines", List.of(), "False", "NotRollingOut", ""),
        Arguments.of("all machines are up to date",
            List.of(machine("machine-1", withCondition(u, "True", "UpToDate", "")),
                machine("machine-2", withCondition(u, "True", "UpToDate", ""))),
            "False", "NotRollingOut", ""),
        Arguments.of("one up-to-date, two not up-to-date, one reporting up-to-date unknown",
            List.of(machine("machine-1", withCondition(u, "True", "UpToDate", "")),
                machine("machine-2", withCondition(u, "Unknown", "InternalError", "")),
                machine("machine-4", withCondition(u, "False", "NotUpToDate",
                    "* Failure domain failure-domain1, failure-domain2 required\n* InfrastructureMachine is not"
                        + " up-to-date")),
                machine("machine-3", withCondition(u, "False", "NotUpToDate", "* Version v1.25.0, v1.26.0 required"))),
            "True", "RollingOut",
            "Rolling out 2 not up-to-date replicas\n* Version v1.25.0, v1.26.0 required\n* Failure domain"
                + " failure-domain1, failure-domain2 required\n* InfrastructureMachine is not up-to-date"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rollingOutCases")
  void setRollingOutCondition(String name, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineDeploymentStatuses.rollingOut(observed(List.of(), machines)), "RollingOut", status,
        reason, message);
  }

  @Test
  void setRollingOutConditionGetMachinesFailed() {
    assertCondition(MachineDeploymentStatuses.rollingOut(failed()), "RollingOut", "Unknown", "InternalError",
        INTERNAL);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setScalingUpCondition (+ setPhase)

  static Stream<Arguments> scalingUpCases() {
    MachineDeployment zero = md(0, false);
    MachineDeployment three = md(3, false);
    MachineDeployment deleting = md(3, true);
    return Stream.of(
        Arguments.of("getAndAdoptMachineSetsForDeploymentSucceeded failed", zero, List.of(), false, false, false,
            "Unknown", "InternalError", INTERNAL, "Unknown"),
        Arguments.of("replicas not set", md(null, false), List.of(), false, false, true, "Unknown",
            "WaitingForReplicasSet", "Waiting for spec.replicas set", "Unknown"),
        Arguments.of("not scaling up and no machines", zero, List.of(), false, false, true, "False", "NotScalingUp",
            "", "Running"),
        Arguments.of("not scaling up with machines", three, List.of(ms("ms1", 1), ms("ms2", 2)), false, false, true,
            "False", "NotScalingUp", "", "Running"),
        Arguments.of("not scaling up and no machines and bootstrapConfig object not found", zero, List.of(), true,
            false, true, "False", "NotScalingUp",
            "Scaling up would be blocked because KubeadmBootstrapTemplate does not exist", "Running"),
        Arguments.of("not scaling up and no machines and infrastructure object not found", zero, List.of(), false,
            true, true, "False", "NotScalingUp",
            "Scaling up would be blocked because DockerMachineTemplate does not exist", "Running"),
        Arguments.of("not scaling up and no machines and bootstrapConfig and infrastructure object not found", zero,
            List.of(), true, true, true, "False", "NotScalingUp",
            "Scaling up would be blocked because KubeadmBootstrapTemplate and DockerMachineTemplate do not exist",
            "Running"),
        Arguments.of("scaling up", three, List.of(), false, false, true, "True", "ScalingUp",
            "Scaling up from 0 to 3 replicas", "ScalingUp"),
        Arguments.of("scaling up with machines", three, List.of(ms("ms1", 1), ms("ms2", 1)), false, false, true,
            "True", "ScalingUp", "Scaling up from 2 to 3 replicas", "ScalingUp"),
        Arguments.of("scaling up and blocked by bootstrap object", three, List.of(), true, false, true, "True",
            "ScalingUp", "Scaling up from 0 to 3 replicas is blocked because KubeadmBootstrapTemplate does not exist",
            "ScalingUp"),
        Arguments.of("scaling up and blocked by infrastructure object", three, List.of(), false, true, true, "True",
            "ScalingUp", "Scaling up from 0 to 3 replicas is blocked because DockerMachineTemplate does not exist",
            "ScalingUp"),
        Arguments.of("deleting, don't show block message when templates are not found", deleting,
            List.of(ms("ms1", null, null, null, null), ms("ms2", null, null, null, null),
                ms("ms3", null, null, null, null)),
            true, true, true, "False", "NotScalingUp", "", "ScalingDown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalingUpCases")
  void setScalingUpCondition(String name, MachineDeployment md, List<MachineSet> sets, boolean bootstrapNotFound,
      boolean infraNotFound, boolean listed, String status, String reason, String message, String phase) {
    MachineDeploymentStatuses.Observed in =
        new MachineDeploymentStatuses.Observed(sets, listed, List.of(), true, bootstrapNotFound, infraNotFound, NOW);
    assertCondition(MachineDeploymentStatuses.scalingUp(md, in), "ScalingUp", status, reason, message);
    assertThat(MachineDeploymentStatuses.phase(md, in)).isEqualTo(phase);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setScalingDownCondition (+ setPhase)

  static Stream<Arguments> scalingDownCases() {
    Machine stale1 = machine("stale-machine-1", withStaleDeletion(),
        withCondition(Capi.Conditions.DELETING, "True", "DrainingNode", DRAIN_MESSAGE), withStaleDrain());
    return Stream.of(
        Arguments.of("getAndAdoptMachineSetsForDeploymentSucceeded failed", md(0, false), List.of(), List.of(),
            false, "Unknown", "InternalError", INTERNAL, "Unknown"),
        Arguments.of("replicas not set", md(null, false), List.of(), List.of(), true, "Unknown",
            "WaitingForReplicasSet", "Waiting for spec.replicas set", "Unknown"),
        Arguments.of("not scaling down and no machines", md(0, false), List.of(), List.of(), true, "False",
            "NotScalingDown", "", "Running"),
        Arguments.of("not scaling down because scaling up", md(1, false), List.of(), List.of(), true, "False",
            "NotScalingDown", "", "ScalingUp"),
        Arguments.of("scaling down to zero", md(0, false), List.of(ms("ms1", 1)), List.of(), true, "True",
            "ScalingDown", "Scaling down from 1 to 0 replicas", "ScalingDown"),
        Arguments.of("scaling down with 1 stale machine", md(1, false), List.of(ms("ms1", 1), ms("ms2", 1)),
            List.of(machine("m1"), stale1), true, "True", "ScalingDown",
            "Scaling down from 2 to 1 replicas\n* Machine stale-machine-1 is in deletion since more than 15m, delay"
                + " likely due to PodDisruptionBudgets, Pods not terminating, Pod eviction errors, Pods not completed"
                + " yet",
            "ScalingDown"),
        Arguments.of("scaling down with 3 stale machines", md(1, false), List.of(ms("ms1", 3), ms("ms2", 1)),
            List.of(machine("m1"), machine("stale-machine-1", withStaleDeletion()),
                machine("stale-machine-2", withStaleDeletion()), machine("stale-machine-3", withStaleDeletion())),
            true, "True", "ScalingDown",
            "Scaling down from 4 to 1 replicas\n* Machines stale-machine-1, stale-machine-2, stale-machine-3 are in"
                + " deletion since more than 15m",
            "ScalingDown"),
        Arguments.of("scaling down with 5 stale machines", md(1, false), List.of(ms("ms1", 5), ms("ms2", 1)),
            List.of(machine("m1"), machine("stale-machine-1", withStaleDeletion()),
                machine("stale-machine-2", withStaleDeletion()), machine("stale-machine-3", withStaleDeletion()),
                machine("stale-machine-4", withStaleDeletion()), machine("stale-machine-5", withStaleDeletion())),
            true, "True", "ScalingDown",
            "Scaling down from 6 to 1 replicas\n* Machines stale-machine-1, stale-machine-2, stale-machine-3, ... (2"
                + " more) are in deletion since more than 15m",
            "ScalingDown"),
        Arguments.of("deleting machine deployment without replicas", md(1, true), List.of(), List.of(), true,
            "False", "NotScalingDown", "", "ScalingDown"),
        Arguments.of("deleting machine deployment having 1 replica", md(1, true), List.of(ms("ms1", 1)), List.of(),
            true, "True", "ScalingDown", "Scaling down from 1 to 0 replicas", "ScalingDown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalingDownCases")
  void setScalingDownCondition(String name, MachineDeployment md, List<MachineSet> sets, List<Machine> machines,
      boolean listed, String status, String reason, String message, String phase) {
    MachineDeploymentStatuses.Observed in =
        new MachineDeploymentStatuses.Observed(sets, listed, machines, true, false, false, NOW);
    assertCondition(MachineDeploymentStatuses.scalingDown(md, in), "ScalingDown", status, reason, message);
    assertThat(MachineDeploymentStatuses.phase(md, in)).isEqualTo(phase);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setMachinesReadyCondition

  static Stream<Arguments> readyCases() {
    String r = Capi.Conditions.READY;
    return Stream.of(
        Arguments.of("no machines", List.of(), "True", "NoReplicas", ""),
        Arguments.of("all machines are ready",
            List.of(machine("machine-1", withCondition(r, "True", "Ready", "")),
                machine("machine-2", withCondition(r, "True", "Ready", ""))),
            "True", "Ready", ""),
        Arguments.of("one ready, one has nothing reported",
            List.of(machine("machine-1", withCondition(r, "True", "Ready", "")), machine("machine-2")),
            "Unknown", "ReadyUnknown", "* Machine machine-2: Condition Ready not yet reported"),
        Arguments.of("one ready, one reporting not ready, one reporting unknown, one reporting deleting",
            List.of(machine("machine-1", withCondition(r, "True", "Ready", "")),
                machine("machine-2", withCondition(r, "False", "SomeReason", "HealthCheckSucceeded: Some message")),
                machine("machine-3", withCondition(r, "Unknown", "SomeUnknownReason", "Some unknown message")),
                machine("machine-4", withCondition(r, "False", "Deleting",
                    "Deleting: Machine deletion in progress, stage: DrainingNode"))),
            "False", "NotReady",
            "* Machine machine-2: HealthCheckSucceeded: Some message\n* Machine machine-4: Deleting: Machine deletion"
                + " in progress, stage: DrainingNode\n* Machine machine-3: Some unknown message"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readyCases")
  void setMachinesReadyCondition(String name, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineDeploymentStatuses.machinesReady(observed(List.of(), machines)), "MachinesReady", status,
        reason, message);
  }

  @Test
  void setMachinesReadyConditionGetMachinesFailed() {
    assertCondition(MachineDeploymentStatuses.machinesReady(failed()), "MachinesReady", "Unknown", "InternalError",
        INTERNAL);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setMachinesUpToDateCondition

  static Stream<Arguments> upToDateCases() {
    String u = Capi.Conditions.UP_TO_DATE;
    return Stream.of(
        Arguments.of("no machines", List.of(), "True", "NoReplicas", ""),
        Arguments.of("One machine up-to-date",
            List.of(machine("up-to-date-1", withCondition(u, "True", "some-reason-1", ""))), "True", "UpToDate", ""),
        Arguments.of("One machine unknown",
            List.of(machine("unknown-1", withCondition(u, "Unknown", "some-unknown-reason-1", "some unknown message"))),
            "Unknown", "UpToDateUnknown", "* Machine unknown-1: some unknown message"),
        Arguments.of("One machine not up-to-date",
            List.of(machine("not-up-to-date-machine-1",
                withCondition(u, "False", "some-not-up-to-date-reason", "some not up-to-date message"))),
            "False", "NotUpToDate", "* Machine not-up-to-date-machine-1: some not up-to-date message"),
        Arguments.of("One machine without up-to-date condition, one new Machines without up-to-date condition",
            List.of(machine("no-condition-machine-1"),
                machine("no-condition-machine-2-new", withCreationTimestamp(NOW.minus(Duration.ofSeconds(5))))),
            "Unknown", "UpToDateUnknown", "* Machine no-condition-machine-1: Condition UpToDate not yet reported"),
        Arguments.of("Two machines not up-to-date, two up-to-date, two not reported",
            List.of(machine("up-to-date-1", withCondition(u, "True", "TestUpToDate", "")),
                machine("up-to-date-2", withCondition(u, "True", "TestUpToDate", "")),
                machine("not-up-to-date-machine-1",
                    withCondition(u, "False", "TestNotUpToDate", "This is not up-to-date message")),
                machine("not-up-to-date-machine-2",
                    withCondition(u, "False", "TestNotUpToDate", "This is not up-to-date message")),
                machine("no-condition-machine-1"), machine("no-condition-machine-2")),
            "False", "NotUpToDate",
            "* Machines not-up-to-date-machine-1, not-up-to-date-machine-2: This is not up-to-date message\n"
                + "* Machines no-condition-machine-1, no-condition-machine-2: Condition UpToDate not yet reported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upToDateCases")
  void setMachinesUpToDateCondition(String name, List<Machine> machines, String status, String reason,
      String message) {
    assertCondition(MachineDeploymentStatuses.machinesUpToDate(observed(List.of(), machines)), "MachinesUpToDate",
        status, reason, message);
  }

  @Test
  void setMachinesUpToDateConditionGetMachinesFailed() {
    assertCondition(MachineDeploymentStatuses.machinesUpToDate(failed()), "MachinesUpToDate", "Unknown",
        "InternalError", INTERNAL);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setRemediatingCondition

  private static final Condition HEALTHY = io.capi4j.machineset.Fixtures.condition(
      Capi.Conditions.HEALTH_CHECK_SUCCEEDED, "True", "", "");
  private static final Condition UNHEALTHY = io.capi4j.machineset.Fixtures.condition(
      Capi.Conditions.HEALTH_CHECK_SUCCEEDED, "False", "", "");
  private static final Condition OWNER_REMEDIATED = io.capi4j.machineset.Fixtures.condition(
      Capi.Conditions.OWNER_REMEDIATED, "False", "MachineDeleting", "Machine is deleting");

  static Stream<Arguments> remediatingCases() {
    return Stream.of(
        Arguments.of("Without unhealthy machines", List.of(machine("m1"), machine("m2")), "False", "NotRemediating",
            ""),
        Arguments.of("With machines to be remediated by MD/MS",
            List.of(machine("m1", withCondition(HEALTHY)), machine("m2", withCondition(UNHEALTHY)),
                machine("m3", withCondition(UNHEALTHY), withCondition(OWNER_REMEDIATED))),
            "True", "Remediating", "* Machine m3: Machine is deleting"),
        Arguments.of("With one unhealthy machine not to be remediated by MD/MS",
            List.of(machine("m1", withCondition(HEALTHY)), machine("m2", withCondition(UNHEALTHY)),
                machine("m3", withCondition(HEALTHY))),
            "False", "NotRemediating",
            "Machine m2 is not healthy (not to be remediated by MachineDeployment/MachineSet)"),
        Arguments.of("With two unhealthy machine not to be remediated by MD/MS",
            List.of(machine("m1", withCondition(UNHEALTHY)), machine("m2", withCondition(UNHEALTHY)),
                machine("m3", withCondition(HEALTHY))),
            "False", "NotRemediating",
            "Machines m1, m2 are not healthy (not to be remediated by MachineDeployment/MachineSet)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("remediatingCases")
  void setRemediatingCondition(String name, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineDeploymentStatuses.remediating(observed(List.of(), machines)), "Remediating", status,
        reason, message);
  }

  @Test
  void setRemediatingConditionGetMachinesFailed() {
    assertCondition(MachineDeploymentStatuses.remediating(failed()), "Remediating", "Unknown", "InternalError",
        INTERNAL);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setDeletingCondition

  static Stream<Arguments> deletingCases() {
    return Stream.of(
        Arguments.of("get machine sets failed", md(1, false), List.of(), List.of(), false, "Unknown",
            "InternalError", INTERNAL),
        Arguments.of("not deleting", md(1, false), List.of(), List.of(), true, "False", "NotDeleting", ""),
        Arguments.of("Deleting with still some machine", md(1, true), List.of(ms("ms1", 1)), List.of(machine("m1")),
            true, "True", "Deleting", "Deleting 1 Machine"),
        Arguments.of("Deleting with still some stale machine", md(1, true), List.of(ms("ms1", 1)),
            List.of(machine("m1", withStaleDeletion())), true, "True", "Deleting",
            "Deleting 1 Machine\n* Machine m1 is in deletion since more than 15m"),
        Arguments.of("Deleting with no machines and a machine set still around", md(1, true), List.of(ms("ms1", 1)),
            List.of(), true, "True", "Deleting", "Deleting 1 MachineSets"),
        Arguments.of("Deletion completed", md(1, true), List.of(), List.of(), true, "True", "Deleting",
            "Deletion completed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletingCases")
  void setDeletingCondition(String name, MachineDeployment md, List<MachineSet> sets, List<Machine> machines,
      boolean listed, String status, String reason, String message) {
    MachineDeploymentStatuses.Observed in =
        new MachineDeploymentStatuses.Observed(sets, listed, machines, true, false, false, NOW);
    assertCondition(MachineDeploymentStatuses.deleting(md, in), "Deleting", status, reason, message);
  }

  // ---------------------------------------------------------------------------------------------------------
  // The whole status.

  @Test
  void computeSetsEveryCondition() {
    MachineDeploymentStatus s = MachineDeploymentStatuses.compute(rolling(md(2, false), 1, 0),
        observed(List.of(ms("ms1", 2, 2, 2, 2)), List.of(
            machine("m1", withCondition("Ready", "True", "Ready", ""), withCondition("UpToDate", "True", "UpToDate", "")),
            machine("m2", withCondition("Ready", "True", "Ready", ""), withCondition("UpToDate", "True", "UpToDate", "")))));
    assertThat(s.phase()).isEqualTo("Running");
    assertThat(s.conditions()).extracting(Condition::getType).containsExactly("Available", "RollingOut", "ScalingUp",
        "ScalingDown", "MachinesReady", "MachinesUpToDate", "Remediating", "Deleting");
    assertThat(s.conditions()).extracting(Condition::getStatus).containsExactly("True", "False", "False", "False",
        "True", "True", "False", "False");
    assertThat(s.conditions()).allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2024-10-09T16:30:00Z"));
  }
}
