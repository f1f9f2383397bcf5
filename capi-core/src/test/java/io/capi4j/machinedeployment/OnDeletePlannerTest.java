package io.capi4j.machinedeployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.ImmutableMachineSet;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of upstream's {@code TestReconcileOldMachineSetsOnDelete}. */
class OnDeletePlannerTest {
  static final String EXISTING = OnDeletePlanner.NOTE_ALIGN_EXISTING;
  static final String MD = OnDeletePlanner.NOTE_ALIGN_MD;

  static MachineSet inline(String name, int spec, Integer status) {
    var st = MachineSetStatus.builder();
    if (status != null) {
      st.replicas(status);
    }
    return ImmutableMachineSet.builder()
        .metadata(new ObjectMetaBuilder().withName(name).build())
        .spec(MachineSetSpec.builder().replicas(spec).build())
        .status(st.build())
        .build();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("OnDelete strategy: do not scale oldMSs when no machines have been deleted", 4, Map.of(), 0,
            List.of(inline("ms1", 3, 3), inline("ms2", 1, 1)), Map.of(), Map.of()),
        arguments("OnDelete strategy: scale down oldMSs when machines have been deleted", 3, Map.of(), 0,
            List.of(inline("ms1", 3, 2), inline("ms2", 1, 0)), Map.of("ms1", 2, "ms2", 0),
            Map.of("ms1", List.of(EXISTING), "ms2", List.of(EXISTING))),
        arguments("OnDelete strategy: scale down oldMSs when md has been scaled down", 3, Map.of(), 2,
            List.of(inline("ms1", 1, 1), inline("ms2", 2, 2)), Map.of("ms1", 0, "ms2", 1),
            Map.of("ms1", List.of(MD), "ms2", List.of(MD))),
        arguments("OnDelete strategy: scale down oldMSs when md has been scaled down, keeps into account newMS scale intent", 3,
            Map.of("ms3", 2), 1, List.of(inline("ms1", 1, 1), inline("ms2", 2, 2)), Map.of("ms3", 2, "ms1", 0, "ms2", 1),
            Map.of("ms1", List.of(MD), "ms2", List.of(MD))),
        arguments("OnDelete strategy: scale down oldMSs when md has been scaled down keeps into account deleted machines", 3, Map.of(), 2,
            List.of(inline("ms1", 1, 0), inline("ms2", 2, 2)), Map.of("ms1", 0, "ms2", 1),
            Map.of("ms1", List.of(EXISTING), "ms2", List.of(MD))),
        arguments("QUIRK: loop B computes the intent from spec, not from loop A's intent", 3, Map.of(), 2,
            List.of(inline("ms1", 5, 3)), Map.of("ms1", 3), Map.of("ms1", List.of(EXISTING, MD))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reconcileOldMachineSetsOnDelete(
      String name, int replicas, Map<String, Integer> intents, int newSpec, List<MachineSet> oldMSs,
      Map<String, Integer> expectedIntents, Map<String, List<String>> expectedNotes) {
    PlannerState p = new PlannerState();
    p.md = Fixtures.mdOnDelete("", replicas);
    p.scaleIntents = new LinkedHashMap<>(intents);
    p.newMS = PlannedMachineSet.of(inline("ms3", newSpec, null));
    oldMSs.forEach(ms -> p.oldMSs.add(PlannedMachineSet.of(ms)));
    OnDeletePlanner.reconcileOldMachineSetsOnDelete(p);
    assertThat(p.scaleIntents).isEqualTo(expectedIntents);
    assertThat(p.notes).isEqualTo(expectedNotes);
  }
}
