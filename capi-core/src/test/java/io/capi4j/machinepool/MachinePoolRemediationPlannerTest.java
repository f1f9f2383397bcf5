package io.capi4j.machinepool;

import static io.capi4j.machinepool.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.webhooks.MachinePoolWebhook;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Remediation of MachinePool Machines (capi4j extension; see REMEDIATION.md). */
class MachinePoolRemediationPlannerTest {
  static final String MAX = MachinePoolRemediationPlanner.MAX_IN_FLIGHT_ANNOTATION;
  static final String DEFERRED = "Waiting because there are already too many remediations in progress"
      + " (metadata.annotations[remediation.capi4j.io/max-in-flight] is %s)";

  static MachinePool pool(Integer replicas, String maxInFlight) {
    MachinePool mp = Fixtures.machinePool("mp", replicas);
    if (maxInFlight == null) {
      return mp;
    }
    return mp.withMetadata(new ObjectMetaBuilder(mp.metadata()).addToAnnotations(MAX, maxInFlight).build());
  }

  /** A MachinePool Machine of "mp", created {@code ageSeconds} before now. */
  static Machine machine(String name, long ageSeconds) {
    Machine m = Fixtures.machine(name, "mp", name);
    return m.withMetadata(new ObjectMetaBuilder(m.metadata())
        .withCreationTimestamp(Conditions.format(NOW.minusSeconds(ageSeconds)))
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind("MachinePool")
            .withName("mp").withUid("mp-uid").withController(true).build())
        .build());
  }

  static Machine with(Machine m, Condition... cs) {
    MachineStatus s = m.status().orElse(MachineStatus.builder().build());
    List<Condition> l = s.conditions();
    for (Condition c : cs) {
      l = Conditions.set(l, c);
    }
    return m.withStatus(s.withConditions(l));
  }

  static Condition hc(String status) {
    return Conditions.of(Capi.Conditions.HEALTH_CHECK_SUCCEEDED, status, "x", "", NOW.minusSeconds(30));
  }

  static Condition owner(String reason) {
    return Conditions.of(Capi.Conditions.OWNER_REMEDIATED, "False", reason, "", NOW.minusSeconds(30));
  }

  /** Marked by a MachineHealthCheck for its owner. */
  static Machine marked(String name, long age) {
    return with(machine(name, age), hc("False"), owner(Capi.Reasons.WAITING_FOR_REMEDIATION));
  }

  static Machine meta(Machine m, UnaryOperator<ObjectMetaBuilder> edit) {
    return m.withMetadata(edit.apply(new ObjectMetaBuilder(m.metadata())).build());
  }

  static Machine deleting(Machine m) {
    return meta(m, b -> b.withDeletionTimestamp(Conditions.format(NOW.minusSeconds(5))).addToFinalizers("f"));
  }

  static MachinePoolRemediationPlan plan(MachinePool mp, Machine... ms) {
    MachinePoolRemediationInput in = MachinePoolRemediationInput.builder().machinePool(mp)
        .machines(List.of(ms)).machinePoolMachines(true).now(NOW).build();
    MachinePoolRemediationPlan plan = MachinePoolRemediationPlanner.plan(in);
    // A memory changes nothing, whether it knows the Machines already or not.
    MachinePoolMemory memory = MachinePoolMemory.create();
    assertThat(MachinePoolRemediationPlanner.plan(MachinePoolRemediationInput.builder().from(in).memory(memory).build()))
        .isEqualTo(plan);
    assertThat(MachinePoolRemediationPlanner.plan(MachinePoolRemediationInput.builder().from(in).memory(memory).build()))
        .isEqualTo(plan);
    return plan;
  }

  static List<String> deleted(MachinePoolRemediationPlan p) {
    return p.machinesToDelete().stream().map(MachinePoolPlan.MachineDeletion::machineName).toList();
  }

  static List<String> patches(MachinePoolRemediationPlan p) {
    List<String> out = new ArrayList<>();
    for (var c : p.conditionPatches()) {
      out.add(c.machineName() + ":" + c.condition().map(x -> x.getReason()).orElse("<removed>"));
    }
    return out;
  }

  @Test
  void withoutAnnotationEveryMarkedMachineIsDeletedAfterItsConditionSaysSo() {
    MachinePoolRemediationPlan p = plan(pool(5, null), marked("a", 300), machine("b", 200), marked("c", 100));
    assertThat(deleted(p)).containsExactly("c", "a"); // newest first
    assertThat(patches(p)).containsExactly("c:MachineDeleting", "a:MachineDeleting");
    Condition c = p.conditionPatches().get(0).condition().orElseThrow();
    assertThat(c.getStatus()).isEqualTo("False");
    assertThat(c.getMessage()).isEqualTo("Machine is deleting");
    assertThat(p.maxInFlight()).isEmpty();
    assertThat(p.machinesToDelete().get(0).reason())
        .contains("the pool's provider removes its instance and the pool replaces it");
    assertThat(p.errors()).isEmpty();
  }

  @Test
  void theRemediateAnnotationGoesFirstThenNewestThenName() {
    Machine annotated = meta(marked("old", 900), b -> b.addToAnnotations(Capi.REMEDIATE_MACHINE_ANNOTATION, ""));
    MachinePoolRemediationPlan p = plan(pool(6, "4"), marked("b", 100), marked("a", 100), marked("new", 10),
        annotated);
    assertThat(deleted(p)).containsExactly("old", "new", "a", "b");
  }

  @ParameterizedTest(name = "maxInFlight {0} of {1} replicas: {2} room")
  @CsvSource({"1,5,1", "2,5,2", "20%,5,1", "40%,5,2", "50%,5,3", "1%,5,1", "0,5,0", "0%,5,0", "100%,3,3"})
  void maxInFlightIsAnIntOrAPercentOfReplicasRoundedUp(String value, int replicas, int room) {
    MachinePoolRemediationPlan p = plan(pool(replicas, value), marked("m1", 50), marked("m2", 40), marked("m3", 30));
    assertThat(p.machinesToDelete()).hasSize(room);
    assertThat(deleted(p)).containsExactlyElementsOf(List.of("m3", "m2", "m1").subList(0, room));
    assertThat(p.conditionPatches()).filteredOn(c -> c.condition().map(x -> x.getReason())
        .equals(Optional.of(Capi.Reasons.REMEDIATION_DEFERRED))).hasSize(3 - room)
        .allSatisfy(c -> assertThat(c.condition().orElseThrow().getMessage()).isEqualTo(DEFERRED.formatted(value)));
    assertThat(p.maxInFlight()).contains(room);
  }

  @Test
  void machinesAlreadyDeletingForRemediationUseUpTheRoomOthersDoNot() {
    Machine inFlight = deleting(with(machine("gone", 500), hc("False"), owner(Capi.Reasons.MACHINE_DELETING)));
    Machine scaledDown = deleting(machine("scaled-down", 400));
    MachinePoolRemediationPlan p = plan(pool(4, "2"), inFlight, scaledDown, marked("m1", 50), marked("m2", 40));
    assertThat(deleted(p)).containsExactly("m2");
    assertThat(patches(p)).containsExactly("m1:RemediationDeferred", "m2:MachineDeleting");

    MachinePoolRemediationPlan full = plan(pool(4, "1"), inFlight, marked("m1", 50));
    assertThat(deleted(full)).isEmpty();
    assertThat(patches(full)).containsExactly("m1:RemediationDeferred");
    assertThat(full.steps()).anyMatch(s -> s.contains("1 remediation(s) already in flight, maxInFlight is 1"));
  }

  @Test
  void aDeferredMachineIsNotPatchedAgain() {
    Machine m1 = with(machine("m1", 50), hc("False"),
        Conditions.of(Capi.Conditions.OWNER_REMEDIATED, "False", Capi.Reasons.REMEDIATION_DEFERRED,
            DEFERRED.formatted("0"), NOW.minusSeconds(60)));
    MachinePoolRemediationPlan p = plan(pool(3, "0"), m1);
    assertThat(p.conditionPatches()).isEmpty();
    assertThat(p.machinesToDelete()).isEmpty();
  }

  @Test
  void aMachineHealthyAgainLosesOwnerRemediated() {
    Machine m = with(machine("m1", 50), hc("True"), owner(Capi.Reasons.REMEDIATION_DEFERRED));
    MachinePoolRemediationPlan p = plan(pool(3, null), m);
    assertThat(patches(p)).containsExactly("m1:<removed>");
    assertThat(p.machinesToDelete()).isEmpty();
  }

  @Test
  void onlyMarkedMachinesOfThisPoolThatAreNotDeletingCount() {
    Machine unhealthyOnly = with(machine("no-owner-mark", 50), hc("False"));
    Machine otherPool = meta(marked("other", 50), b -> b.withLabels(Map.of(Capi.MACHINE_POOL_NAME_LABEL, "mp2",
        Capi.CLUSTER_NAME_LABEL, Fixtures.CLUSTER)));
    Machine notControlled = meta(marked("orphan", 50), b -> b.withOwnerReferences(List.of()));
    Machine alreadyDeleting = deleting(marked("deleting", 50));
    MachinePoolRemediationPlan p = plan(pool(3, null), unhealthyOnly, otherPool, notControlled, alreadyDeleting);
    assertThat(p.machinesToDelete()).isEmpty();
    assertThat(p.conditionPatches()).isEmpty();
  }

  @Test
  void nothingWithoutMachinePoolMachinesOrWhileThePoolIsDeleting() {
    MachinePoolRemediationPlan none = MachinePoolRemediationPlanner.plan(MachinePoolRemediationInput.builder()
        .machinePool(pool(3, null)).machines(List.of(marked("m1", 5))).machinePoolMachines(false).now(NOW).build());
    assertThat(none.machinesToDelete()).isEmpty();
    assertThat(none.steps()).singleElement().asString().contains("no MachinePool Machines");
    MachinePool mp = pool(3, null);
    MachinePool deletingPool = mp.withMetadata(new ObjectMetaBuilder(mp.metadata())
        .withDeletionTimestamp(Conditions.format(NOW)).build());
    assertThat(plan(deletingPool, marked("m1", 5)).machinesToDelete()).isEmpty();
  }

  @Test
  void aBadAnnotationIsAnErrorNamingItAndNothingIsRemediated() {
    MachinePoolRemediationPlan p = plan(pool(3, "lots"), marked("m1", 5));
    assertThat(p.machinesToDelete()).isEmpty();
    assertThat(p.errors()).singleElement().asString().isEqualTo("failed to reconcile unhealthy MachinePool Machines:"
        + " metadata.annotations[remediation.capi4j.io/max-in-flight]: Invalid value: \"lots\": must be an int or a"
        + " percentage of spec.replicas: invalid value for IntOrString: invalid type: string is not a percentage"
        + " (capi4j)");
  }

  @Test
  void theMachinePoolWebhookValidatesTheAnnotation() {
    List<FieldError> bad = new MachinePoolWebhook().validate(pool(3, "-1"), AdmissionContext.create());
    assertThat(bad).extracting(FieldError::toString).contains(
        "metadata.annotations[remediation.capi4j.io/max-in-flight]: Invalid value: \"-1\": must not be negative (capi4j)");
    assertThat(MachinePoolRemediationPlanner.validate(Map.of(MAX, "25%"))).isEmpty();
    assertThat(MachinePoolRemediationPlanner.validate(Map.of(MAX, "x%"))).singleElement().asString()
        .contains("invalid value for IntOrString: invalid value \"x%\"");
  }
}
