package io.capi4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Iterables;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.machinedeployment.AppliedRollout;
import io.capi4j.machinedeployment.RolloutInput;
import io.capi4j.machinedeployment.RolloutPlan;
import io.capi4j.machinedeployment.RolloutPlanner;
import io.capi4j.manifest.Manifests;
import io.capi4j.validation.Admission;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The README's "embed the planner" example, verbatim between the markers, so that it keeps compiling and working. */
class ReadmeExampleTest {
  @Test
  void embedThePlannerInTenLines() throws Exception {
    Path file = Path.of(ReadmeExampleTest.class.getResource("/readme/state.yaml").toURI());
    // README: begin
    List<Object> state = Admission.create().admit(Manifests.create().read(file)).stream()   // admitted = defaulted
        .flatMap(r -> r.object().stream()).toList();
    RolloutPlan plan = RolloutPlanner.plan(RolloutInput.builder()
        .machineDeployment(Iterables.getOnlyElement(Iterables.filter(state, MachineDeployment.class)))
        .addAllMachineSets(Iterables.filter(state, MachineSet.class))
        .addAllMachines(Iterables.filter(state, Machine.class))
        .now(Instant.parse("2026-11-26T10:00:00Z"))        // time is an input: no wall clock inside
        .random(new SplittableRandom(42))                  // so is randomness (new MachineSet name suffixes)
        .build());
    plan.steps().forEach(System.out::println);             // every decision, with its reason
    AppliedRollout writes = RolloutPlanner.apply(plan);    // the MachineSets to create or update, and to delete
    // README: end
    assertThat(plan.newMachineSetCreated()).isTrue();
    assertThat(writes.created()).hasSize(1);
    String created = writes.created().iterator().next();
    assertThat(plan.desiredReplicas(created)).contains(1);           // maxSurge 1 (the default)
    assertThat(plan.desiredReplicas("workers-abcde")).contains(3);    // maxUnavailable 0: nothing goes yet
    assertThat(plan.steps()).isNotEmpty();
  }
}
