package io.capi4j.testing.rollout;

import io.capi4j.util.IntOrPercent;
import java.util.ArrayList;
import java.util.List;

/**
 * The 23 deterministic rollout sequences of upstream Cluster API's {@code Test_RollingUpdateSequences} and
 * {@code Test_OnDeleteSequences}, as capi4j scenarios.
 */
final class RolloutScenarios {
  private RolloutScenarios() {}

  static List<String> machines(int from, int to) {
    List<String> l = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      l.add("m" + i);
    }
    return l;
  }

  static ScenarioMachineSet ms(String name, String version, int replicas, int from, int to) {
    return new ScenarioMachineSet(name, version, replicas, machines(from, to));
  }

  /** A rollout from a stable state: ms1 at v1 with {@code replicas} Machines m1..mN, the MachineDeployment at v2. */
  static RolloutScenario stable(String name, int replicas, int maxSurge, int maxUnavailable, boolean inPlace) {
    return RolloutScenario.builder()
        .name(name)
        .maxSurge(IntOrPercent.of(maxSurge))
        .maxUnavailable(IntOrPercent.of(maxUnavailable))
        .inPlaceUpdates(inPlace)
        .machineDeployment(ScenarioMachineDeployment.of("v2", replicas))
        .addMachineSet(ms("ms1", "v1", replicas, 1, replicas))
        .build();
  }

  static RolloutScenario midway(String name, String version, int replicas, boolean inPlace, ScenarioMachineSet... sets) {
    return RolloutScenario.builder()
        .name(name)
        .maxSurge(IntOrPercent.of(3))
        .maxUnavailable(IntOrPercent.of(1))
        .inPlaceUpdates(inPlace)
        .machineDeployment(ScenarioMachineDeployment.of(version, replicas))
        .addMachineSets(sets)
        .build();
  }

  static RolloutScenario onDelete(String name, String version, int replicas, int maxUserUnavailable, ScenarioMachineSet... sets) {
    return RolloutScenario.builder()
        .name(name)
        .strategy("OnDelete")
        .maxUserUnavailable(maxUserUnavailable)
        .machineDeployment(ScenarioMachineDeployment.of(version, replicas))
        .addMachineSets(sets)
        .build();
  }

  static List<RolloutScenario> all() {
    List<RolloutScenario> l = new ArrayList<>();
    l.add(stable("Regular rollout, 3 Replicas, maxSurge 1, maxUnavailable 0", 3, 1, 0, false));
    l.add(stable("Regular rollout, 3 Replicas, maxSurge 0, maxUnavailable 1", 3, 0, 1, false));
    l.add(stable("Regular rollout, 6 Replicas, maxSurge 3, maxUnavailable 1", 6, 3, 1, false));
    l.add(stable("Regular rollout, 6 Replicas, maxSurge 1, maxUnavailable 3", 6, 1, 3, false));
    l.add(stable("Regular rollout, 6 Replicas, maxSurge 10, maxUnavailable 0", 6, 10, 0, false));
    l.add(stable("Regular rollout, 6 Replicas, maxSurge 0, maxUnavailable 10", 6, 0, 10, false));
    l.add(midway("Regular rollout, 6 Replicas, maxSurge 3, maxUnavailable 1, scale up to 12", "v2", 12, false,
        ms("ms1", "v1", 3, 4, 6), ms("ms2", "v2", 3, 7, 9)));
    l.add(midway("Regular rollout, 12 Replicas, maxSurge 3, maxUnavailable 1, scale down to 6", "v2", 6, false,
        ms("ms1", "v1", 9, 4, 12), ms("ms2", "v2", 3, 13, 15)));
    l.add(midway("Regular rollout, 6 Replicas, maxSurge 3, maxUnavailable 1, change spec", "v3", 6, false,
        ms("ms1", "v1", 3, 4, 6), ms("ms2", "v2", 3, 7, 9)));
    l.add(stable("In-place rollout, 3 Replicas, maxSurge 1, MaxUnavailable 0", 3, 1, 0, true));
    l.add(stable("In-place rollout, 3 Replicas, maxSurge 0, MaxUnavailable 1", 3, 0, 1, true));
    l.add(stable("In-place rollout, 6 Replicas, maxSurge 3, MaxUnavailable 1", 6, 3, 1, true));
    l.add(stable("In-place rollout, 6 Replicas, maxSurge 1, MaxUnavailable 3", 6, 1, 3, true));
    l.add(stable("In-place rollout, 6 Replicas, maxSurge 10, MaxUnavailable 0", 6, 10, 0, true));
    l.add(stable("In-place rollout, 6 Replicas, maxSurge 0, MaxUnavailable 10", 6, 0, 10, true));
    l.add(midway("In-place rollout, 6 Replicas, maxSurge 3, MaxUnavailable 1, scale up to 12", "v2", 12, true,
        ms("ms1", "v1", 3, 4, 6), ms("ms2", "v2", 3, 1, 3)));
    l.add(midway("In-place rollout, 12 Replicas, maxSurge 3, MaxUnavailable 1, scale down to 6", "v2", 6, true,
        ms("ms1", "v1", 9, 4, 12), ms("ms2", "v2", 3, 1, 3)));
    l.add(midway("In-place rollout, 6 Replicas, maxSurge 3, MaxUnavailable 1, change spec", "v3", 6, true,
        ms("ms1", "v1", 3, 4, 6), ms("ms2", "v2", 3, 1, 3)));
    l.add(onDelete("3 replicas, maxUserUnavailable 1", "v2", 3, 1, ms("ms1", "v1", 3, 1, 3)));
    l.add(onDelete("6 replicas, maxUserUnavailable 2", "v2", 6, 2, ms("ms1", "v1", 6, 1, 6)));
    l.add(onDelete("6 Replicas, maxUserUnavailable 1, scale up to 9", "v2", 9, 1, ms("ms1", "v1", 3, 4, 6), ms("ms2", "v2", 3, 7, 9)));
    l.add(onDelete("12 Replicas, maxUserUnavailable 1,  scale down to 6", "v2", 6, 1,
        ms("ms1", "v1", 9, 4, 12), ms("ms2", "v2", 3, 13, 15)));
    l.add(onDelete("6 Replicas, maxUserUnavailable 1, change spec", "v3", 6, 1,
        ms("ms1", "v1", 3, 4, 6), ms("ms2", "v2", 3, 7, 9), ms("ms3", "v3", 0, 1, 0)));
    return l;
  }

  /** The golden file name of a scenario: its name in lower case, runs of non-alphanumerics as {@code -}. */
  static String slug(RolloutScenario s) {
    return s.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
