package io.capi4j.machineset;

import static io.capi4j.machineset.Fixtures.NOW;
import static io.capi4j.machineset.Fixtures.machine;
import static io.capi4j.machineset.Fixtures.withAnnotation;
import static io.capi4j.machineset.Fixtures.withCondition;
import static io.capi4j.machineset.Fixtures.withCreationTimestamp;
import static io.capi4j.machineset.Fixtures.withDeletionTimestamp;
import static io.capi4j.machineset.Fixtures.withStaleDeletion;
import static io.capi4j.machineset.Fixtures.withStaleDrain;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.StatusVersion;
import io.capi4j.conditions.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code machineset_controller_status_test.go}. */
class MachineSetStatusesTest {
  static final String DRAIN_MESSAGE =
      "Drain not completed yet (started at 2024-10-09T16:13:59Z):\n"
          + "* Pods pod-2-deletionTimestamp-set-1, pod-3-to-trigger-eviction-successfully-1: deletionTimestamp set,"
          + " but still not removed from the Node\n"
          + "* Pod pod-5-to-trigger-eviction-pdb-violated-1: cannot evict pod as it would violate the pod's disruption"
          + " budget. The disruption budget pod-5-pdb needs 20 healthy pods and has 20 currently\n"
          + "* Pod pod-6-to-trigger-eviction-some-other-error: failed to evict Pod, some other error 1\n"
          + "* Pod pod-9-wait-completed: waiting for completion\n"
          + "After above Pods have been removed from the Node, the following Pods will be evicted: pod-7-eviction-later,"
          + " pod-8-eviction-later";

  static MachineSet machineSet(Integer replicas, boolean deleting) {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName("ms").withNamespace("ns");
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
    return ImmutableMachineSet.builder()
        .metadata(meta.build())
        .spec(MachineSetSpec.builder()
            .replicas(replicas)
            .template(MachineTemplateSpec.builder().spec(spec).build())
            .build())
        .build();
  }

  private static MachineSetStatuses.Observed observed(List<Machine> machines) {
    return MachineSetStatuses.Observed.of(machines, NOW);
  }

  private static MachineSetStatuses.Observed notListed() {
    return new MachineSetStatuses.Observed(List.of(), false, false, false, List.of(), NOW);
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
    String r = Capi.Conditions.READY;
    String a = Capi.Conditions.AVAILABLE;
    String u = Capi.Conditions.UP_TO_DATE;
    return Stream.of(
        Arguments.of("no machines", List.of(), 0, 0, 0, 0),
        Arguments.of("should count only ready machines",
            List.of(machine("m1", withCondition(r, "True")), machine("m2", withCondition(r, "False")),
                machine("m3", withCondition(r, "Unknown"))), 3, 1, 0, 0),
        Arguments.of("should count only available machines",
            List.of(machine("m1", withCondition(a, "True")), machine("m2", withCondition(a, "False")),
                machine("m3", withCondition(a, "Unknown"))), 3, 0, 1, 0),
        Arguments.of("should count only up-to-date machines",
            List.of(machine("m1", withCondition(u, "True")), machine("m2", withCondition(u, "False")),
                machine("m3", withCondition(u, "Unknown"))), 3, 0, 0, 1),
        Arguments.of("should count all conditions from a machine",
            List.of(machine("m1", withCondition(r, "True"), withCondition(a, "True"), withCondition(u, "True"))),
            1, 1, 1, 1),
        Arguments.of("In-place updating machines should not be counted",
            List.of(
                machine("m1", withCondition(r, "True"), withCondition(a, "True"), withCondition(u, "True"),
                    withAnnotation(Capi.UPDATE_IN_PROGRESS_ANNOTATION, "")),
                machine("m2", withCondition(r, "True"), withCondition(a, "True"), withCondition(u, "True"),
                    withAnnotation(Capi.UPDATE_IN_PROGRESS_ANNOTATION, ""),
                    withAnnotation(Capi.PENDING_HOOKS_ANNOTATION, "UpdateMachine")),
                machine("m3", withCondition(r, "True"), withCondition(a, "True"), withCondition(u, "True"),
                    withAnnotation(Capi.PENDING_HOOKS_ANNOTATION, "UpdateMachine"))),
            3, 0, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicasCases")
  void setReplicas(String name, List<Machine> machines, int replicas, int ready, int available, int upToDate) {
    MachineSetStatus s = MachineSetStatuses.compute(machineSet(3, false), observed(machines));
    assertThat(s.replicas()).hasValue(replicas);
    assertThat(s.readyReplicas()).hasValue(ready);
    assertThat(s.availableReplicas()).hasValue(available);
    assertThat(s.upToDateReplicas()).hasValue(upToDate);
  }

  @Test
  void setReplicasGetAndAdoptMachinesFailed() {
    MachineSetStatus s = MachineSetStatuses.compute(machineSet(3, false), notListed());
    assertThat(s.replicas()).isEmpty();
    assertThat(s.readyReplicas()).isEmpty();
    assertThat(s.availableReplicas()).isEmpty();
    assertThat(s.upToDateReplicas()).isEmpty();
    for (Condition c : s.conditions()) {
      assertThat(c.getStatus()).isEqualTo("Unknown");
      assertThat(c.getReason()).isEqualTo("InternalError");
      assertThat(c.getMessage()).isEqualTo("Please check controller logs for errors");
    }
    assertThat(s.conditions()).hasSize(6);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setScalingUpCondition

  static Stream<Arguments> scalingUpCases() {
    String preflight = "MachineSet version (1.25.5) and ControlPlane version (1.26.2) do not conform to kubeadm version"
        + " skew policy as kubeadm only supports joining with the same major+minor version as the control plane"
        + " (\"KubeadmVersionSkew\" preflight check failed)";
    List<Machine> three = List.of(machine("m1"), machine("m2"), machine("m3"));
    return Stream.of(
        Arguments.of("not scaling up and no machines", machineSet(0, false), List.of(), false, false, List.of(),
            "False", "NotScalingUp", ""),
        Arguments.of("not scaling up and no machines and bootstrapConfig object not found", machineSet(0, false),
            List.of(), true, false, List.of(), "False", "NotScalingUp",
            "Scaling up would be blocked because KubeadmBootstrapTemplate does not exist"),
        Arguments.of("not scaling up and no machines and infrastructure object not found", machineSet(0, false),
            List.of(), false, true, List.of(), "False", "NotScalingUp",
            "Scaling up would be blocked because DockerMachineTemplate does not exist"),
        Arguments.of("not scaling up and no machines and bootstrapConfig and infrastructure object not found",
            machineSet(0, false), List.of(), true, true, List.of(), "False", "NotScalingUp",
            "Scaling up would be blocked because KubeadmBootstrapTemplate and DockerMachineTemplate do not exist"),
        Arguments.of("scaling up", machineSet(3, false), List.of(), false, false, List.of(), "True", "ScalingUp",
            "Scaling up from 0 to 3 replicas"),
        Arguments.of("scaling up and blocked by bootstrap object", machineSet(3, false), List.of(), true, false,
            List.of(), "True", "ScalingUp",
            "Scaling up from 0 to 3 replicas is blocked because:\n* KubeadmBootstrapTemplate does not exist"),
        Arguments.of("scaling up and blocked by infrastructure object", machineSet(3, false), List.of(), false, true,
            List.of(), "True", "ScalingUp",
            "Scaling up from 0 to 3 replicas is blocked because:\n* DockerMachineTemplate does not exist"),
        Arguments.of("scaling up and blocked by bootstrap and infrastructure object and preflight checks",
            machineSet(3, false), List.of(), true, true, List.of(preflight), "True", "ScalingUp",
            "Scaling up from 0 to 3 replicas is blocked because:\n* " + preflight
                + "\n* KubeadmBootstrapTemplate and DockerMachineTemplate do not exist"),
        Arguments.of("deleting, don't show block message when templates are not found", machineSet(3, true), three,
            true, true, List.of(), "False", "NotScalingUp", ""),
        Arguments.of("replicas not set", machineSet(null, false), List.of(), false, false, List.of(), "Unknown",
            "WaitingForReplicasSet", "Waiting for spec.replicas set"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalingUpCases")
  void setScalingUpCondition(
      String name, MachineSet ms, List<Machine> machines, boolean bootstrapNotFound, boolean infraNotFound,
      List<String> preflight, String status, String reason, String message) {
    Condition c = MachineSetStatuses.scalingUp(ms,
        new MachineSetStatuses.Observed(machines, true, bootstrapNotFound, infraNotFound, preflight, NOW));
    assertCondition(c, "ScalingUp", status, reason, message);
  }

  @Test
  void setScalingUpConditionGetAndAdoptMachinesFailed() {
    assertCondition(MachineSetStatuses.scalingUp(machineSet(0, false), notListed()), "ScalingUp", "Unknown",
        "InternalError", "Please check controller logs for errors");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setScalingDownCondition

  static Machine staleDraining(String name) {
    return machine(name, withStaleDeletion(),
        withCondition(Capi.Conditions.DELETING, "True", "DrainingNode", DRAIN_MESSAGE), withStaleDrain());
  }

  static Stream<Arguments> scalingDownCases() {
    return Stream.of(
        Arguments.of("not scaling down and no machines", machineSet(0, false), List.of(), "False", "NotScalingDown",
            ""),
        Arguments.of("not scaling down because scaling up", machineSet(1, false), List.of(), "False",
            "NotScalingDown", ""),
        Arguments.of("scaling down to zero", machineSet(0, false), List.of(machine("machine-1")), "True",
            "ScalingDown", "Scaling down from 1 to 0 replicas"),
        Arguments.of("scaling down with 1 stale machine", machineSet(1, false),
            List.of(staleDraining("stale-machine-1"), machine("machine-2")), "True", "ScalingDown",
            "Scaling down from 2 to 1 replicas\n* Machine stale-machine-1 is in deletion since more than 15m, delay"
                + " likely due to PodDisruptionBudgets, Pods not terminating, Pod eviction errors, Pods not completed"
                + " yet"),
        Arguments.of("scaling down with 3 stale machines", machineSet(1, false),
            List.of(machine("stale-machine-2", withStaleDeletion()), machine("stale-machine-1", withStaleDeletion()),
                machine("stale-machine-3", withStaleDeletion()), machine("machine-4")),
            "True", "ScalingDown",
            "Scaling down from 4 to 1 replicas\n* Machines stale-machine-1, stale-machine-2, stale-machine-3 are in"
                + " deletion since more than 15m"),
        Arguments.of("scaling down with 5 stale machines", machineSet(1, false),
            List.of(machine("stale-machine-5", withStaleDeletion()), machine("stale-machine-4", withStaleDeletion()),
                machine("stale-machine-2", withStaleDeletion()), machine("stale-machine-3", withStaleDeletion()),
                machine("stale-machine-1", withStaleDeletion()), machine("machine-6")),
            "True", "ScalingDown",
            "Scaling down from 6 to 1 replicas\n* Machines stale-machine-1, stale-machine-2, stale-machine-3, ... (2"
                + " more) are in deletion since more than 15m"),
        Arguments.of("deleting machineset without replicas", machineSet(1, true), List.of(), "False",
            "NotScalingDown", ""),
        Arguments.of("deleting machineset having 1 replica", machineSet(1, true), List.of(machine("machine-1")),
            "True", "ScalingDown", "Scaling down from 1 to 0 replicas"),
        Arguments.of("machines pending move acknowledge are not counted", machineSet(1, false),
            List.of(machine("m1"), machine("m2", withAnnotation(Capi.PENDING_ACKNOWLEDGE_MOVE_ANNOTATION, ""))),
            "False", "NotScalingDown", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalingDownCases")
  void setScalingDownCondition(
      String name, MachineSet ms, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineSetStatuses.scalingDown(ms, observed(machines)), "ScalingDown", status, reason, message);
  }

  @Test
  void setScalingDownConditionGetAndAdoptMachinesFailed() {
    assertCondition(MachineSetStatuses.scalingDown(machineSet(0, false), notListed()), "ScalingDown", "Unknown",
        "InternalError", "Please check controller logs for errors");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setMachinesReadyCondition

  static Stream<Arguments> machinesReadyCases() {
    String r = Capi.Conditions.READY;
    return Stream.of(
        Arguments.of("no machines", List.of(), "True", "NoReplicas", ""),
        Arguments.of("one machine is ready", List.of(machine("machine-1", withCondition(r, "True", "Ready", ""))),
            "True", "Ready", ""),
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
  @MethodSource("machinesReadyCases")
  void setMachinesReadyCondition(String name, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineSetStatuses.machinesReady(observed(machines)), "MachinesReady", status, reason, message);
  }

  @Test
  void setMachinesReadyConditionGetAndAdoptMachinesFailed() {
    assertCondition(MachineSetStatuses.machinesReady(notListed()), "MachinesReady", "Unknown", "InternalError",
        "Please check controller logs for errors");
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
  void setMachinesUpToDateCondition(
      String name, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineSetStatuses.machinesUpToDate(observed(machines)), "MachinesUpToDate", status, reason,
        message);
  }

  @Test
  void setMachinesUpToDateConditionGetAndAdoptMachinesFailed() {
    assertCondition(MachineSetStatuses.machinesUpToDate(notListed()), "MachinesUpToDate", "Unknown", "InternalError",
        "Please check controller logs for errors");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setRemediatingCondition

  static final Condition HEALTHY = Fixtures.condition(Capi.Conditions.HEALTH_CHECK_SUCCEEDED, "True", "", "");
  static final Condition UNHEALTHY = Fixtures.condition(Capi.Conditions.HEALTH_CHECK_SUCCEEDED, "False", "", "");
  static final Condition OWNER_REMEDIATED =
      Fixtures.condition(Capi.Conditions.OWNER_REMEDIATED, "False", "MachineDeleting", "Machine is deleting");
  static final Condition WAITING_FOR_REMEDIATION = Fixtures.condition(Capi.Conditions.OWNER_REMEDIATED, "False",
      "WaitingForRemediation",
      "KubeadmControlPlane ns1/cp1 is upgrading (\"ControlPlaneIsStable\" preflight check failed)");

  static Stream<Arguments> remediatingCases() {
    return Stream.of(
        Arguments.of("Without unhealthy machines", List.of(machine("m1"), machine("m2")), "False", "NotRemediating",
            ""),
        Arguments.of("With machines to be remediated by MS",
            List.of(machine("m1", withCondition(HEALTHY)), machine("m2", withCondition(UNHEALTHY)),
                machine("m3", withCondition(UNHEALTHY), withCondition(OWNER_REMEDIATED))),
            "True", "Remediating", "* Machine m3: Machine is deleting"),
        Arguments.of("With machines to be remediated by MS and preflight check error",
            List.of(machine("m1", withCondition(HEALTHY)), machine("m2", withCondition(UNHEALTHY)),
                machine("m3", withCondition(UNHEALTHY), withCondition(OWNER_REMEDIATED)),
                machine("m4", withCondition(UNHEALTHY), withCondition(WAITING_FOR_REMEDIATION))),
            "True", "Remediating",
            "* Machine m3: Machine is deleting\n* Machine m4: KubeadmControlPlane ns1/cp1 is upgrading"
                + " (\"ControlPlaneIsStable\" preflight check failed)"),
        Arguments.of("With one unhealthy machine not to be remediated by MS",
            List.of(machine("m1", withCondition(HEALTHY)), machine("m2", withCondition(UNHEALTHY)),
                machine("m3", withCondition(HEALTHY))),
            "False", "NotRemediating", "Machine m2 is not healthy (not to be remediated by MachineSet)"),
        Arguments.of("With two unhealthy machine not to be remediated by MS",
            List.of(machine("m1", withCondition(UNHEALTHY)), machine("m2", withCondition(UNHEALTHY)),
                machine("m3", withCondition(HEALTHY))),
            "False", "NotRemediating", "Machines m1, m2 are not healthy (not to be remediated by MachineSet)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("remediatingCases")
  void setRemediatingCondition(String name, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineSetStatuses.remediating(observed(machines)), "Remediating", status, reason, message);
  }

  @Test
  void setRemediatingConditionGetMachinesFailed() {
    assertCondition(MachineSetStatuses.remediating(notListed()), "Remediating", "Unknown", "InternalError",
        "Please check controller logs for errors");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_setDeletingCondition

  static Stream<Arguments> deletingCases() {
    return Stream.of(
        Arguments.of("not deleting", machineSet(1, false), List.of(), "False", "NotDeleting", ""),
        Arguments.of("Deleting with still some machine", machineSet(1, true), List.of(machine("m1")), "True",
            "Deleting", "Deleting 1 Machine"),
        Arguments.of("Deleting with still some stale machine", machineSet(1, true),
            List.of(machine("m1", withStaleDeletion()), machine("m2", withStaleDeletion()), machine("m3")), "True",
            "Deleting", "Deleting 3 Machines\n* Machines m1, m2 are in deletion since more than 15m"),
        Arguments.of("Deletion completed", machineSet(1, true), List.of(), "True", "Deleting", "Deletion completed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletingCases")
  void setDeletingCondition(
      String name, MachineSet ms, List<Machine> machines, String status, String reason, String message) {
    assertCondition(MachineSetStatuses.deleting(ms, observed(machines)), "Deleting", status, reason, message);
  }

  @Test
  void setDeletingConditionGetMachinesFailed() {
    assertCondition(MachineSetStatuses.deleting(machineSet(1, true), notListed()), "Deleting", "Unknown",
        "InternalError", "Please check controller logs for errors");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Test_aggregateStaleMachines

  static Stream<Arguments> staleCases() {
    String notTerminating = "* Pods pod-2: deletionTimestamp set, but still not removed from the Node";
    String pdbEtc = "Drain not completed yet:\n" + notTerminating
        + "\n* Pod pod-5: cannot evict pod as it would violate the pod's disruption budget. The disruption budget"
        + " pod-5-pdb needs 20 healthy pods and has 20 currently\n* Pod pod-6: failed to evict Pod, some other error 1";
    return Stream.of(
        Arguments.of("Empty when there are no machines", List.of(), ""),
        Arguments.of("Empty when there are no deleting machines", List.of(machine("m1"), machine("m2"), machine("m3")),
            ""),
        Arguments.of("Empty when there are deleting machines but not yet stale",
            List.of(machine("m1", withDeletionTimestamp()), machine("m2", withDeletionTimestamp()), machine("m3")), ""),
        Arguments.of("Report stale machine not draining",
            List.of(machine("m1", withDeletionTimestamp()), machine("m2", withStaleDeletion()), machine("m3")),
            "Machine m2 is in deletion since more than 15m"),
        Arguments.of("Report stale machines not draining",
            List.of(machine("m1", withStaleDeletion()), machine("m2", withStaleDeletion()), machine("m3")),
            "Machines m1, m2 are in deletion since more than 15m"),
        Arguments.of("Does not report details about stale machines draining since less than 5 minutes",
            List.of(
                machine("m1", withStaleDeletion(), withCondition(Capi.Conditions.DELETING, "True", "DrainingNode",
                    pdbEtc)),
                machine("m2", withStaleDeletion(), withCondition(Capi.Conditions.DELETING, "True", "DrainingNode",
                    notTerminating)),
                machine("m3")),
            "Machines m1, m2 are in deletion since more than 15m"),
        Arguments.of("Report details about stale machines draining since more than 5 minutes",
            List.of(
                machine("m1", withStaleDeletion(), withStaleDrain(),
                    withCondition(Capi.Conditions.DELETING, "True", "DrainingNode", pdbEtc)),
                machine("m2", withStaleDeletion(), withStaleDrain(),
                    withCondition(Capi.Conditions.DELETING, "True", "DrainingNode", notTerminating)),
                machine("m3")),
            "Machines m1, m2 are in deletion since more than 15m, delay likely due to PodDisruptionBudgets, Pods not"
                + " terminating, Pod eviction errors"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("staleCases")
  void aggregateStaleMachines(String name, List<Machine> machines, String expected) {
    assertThat(MachineMessages.staleMachines(machines, NOW)).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------------------
  // The whole status.

  @Test
  void computeSetsSelectorVersionsAndTimes() {
    MachineSet ms = machineSet(2, false).withSpec(machineSet(2, false).spec()
        .withSelector(new LabelSelectorBuilder().addToMatchLabels("b", "2").addToMatchLabels("a", "1").build()));
    Machine m1 = machine("m1", withCreationTimestamp(NOW.minus(Duration.ofDays(2))));
    m1 = m1.withSpec(m1.spec().withVersion("v1.30.1"));
    Machine m2 = machine("m2", withCreationTimestamp(NOW.minus(Duration.ofDays(1))));
    m2 = m2.withSpec(m2.spec().withVersion("v1.30.1"))
        .withStatus(m2.status().orElse(io.capi4j.api.core.v1beta2.MachineStatus.builder().build())
            .withNodeInfo(new NodeSystemInfoBuilder().withKubeletVersion("v1.29.9").build()));
    MachineSetStatus s = MachineSetStatuses.compute(ms, observed(List.of(m1, m2)));
    assertThat(s.selector()).isEqualTo("a=1,b=2");
    assertThat(s.versions()).containsExactly(StatusVersion.of("v1.29.9", 1), StatusVersion.of("v1.30.1", 1));
    Condition down = Conditions.get(s.conditions(), "ScalingDown").orElseThrow();
    assertThat(down.getLastTransitionTime()).isEqualTo("2024-10-09T16:30:00Z");

    // A later reconcile with the same status keeps the transition time.
    MachineSetStatus again = MachineSetStatuses.compute(ms.withStatus(s),
        MachineSetStatuses.Observed.of(List.of(m1, m2), NOW.plus(Duration.ofMinutes(1))));
    assertThat(Conditions.get(again.conditions(), "ScalingDown").orElseThrow().getLastTransitionTime())
        .isEqualTo("2024-10-09T16:30:00Z");
  }

  @Test
  void unparseableVersionsGoLast() {
    List<StatusVersion> v = StatusVersions.aggregate(List.of(StatusVersion.of("banana", 1),
        StatusVersion.of("v1.2.3+b", 1), StatusVersion.of("v1.2.3+a", 2), StatusVersion.of("v1.2.3+a", 1),
        StatusVersion.of("v1.1.0", 4)));
    assertThat(v).containsExactly(StatusVersion.of("v1.1.0", 4), StatusVersion.of("v1.2.3+a", 3),
        StatusVersion.of("v1.2.3+b", 1), StatusVersion.of("banana", 1));
  }
}
