package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Upstream's {@code rolloutPlanner} struct: what the planning steps read and write. Package-private; tests build it
 * directly, as upstream's unit tests build a {@code rolloutPlanner}.
 */
final class PlannerState {
  MachineDeployment md;
  String revision = "";
  /** The MachineSets as given, by name (upstream {@code originalMSs}). */
  Map<String, MachineSet> originalMSs = new HashMap<>();
  List<Machine> machines = List.of();
  final List<String> acknowledgedMachineNames = new ArrayList<>();
  final List<String> updatingMachineNames = new ArrayList<>();

  PlannedMachineSet newMS;
  String createReason = "";

  List<PlannedMachineSet> oldMSs = new ArrayList<>();
  Map<String, UpToDateResult> upToDateResults = new HashMap<>();

  Map<String, Integer> scaleIntents = new LinkedHashMap<>();
  final Map<String, List<String>> notes = new LinkedHashMap<>();

  /** The {@code InPlaceUpdates} feature gate. */
  boolean inPlaceUpdates;

  CanUpdateMachineSetInPlace canUpdateMachineSetInPlace = CanUpdateMachineSetInPlace.NEVER;

  /** Test hook, upstream's {@code overrideComputeDesiredMS}: (md, current or null) → desired. */
  BiFunction<MachineDeployment, MachineSet, MachineSet> overrideComputeDesiredMS;

  /** {@code addNotef}: adds {@code msg} to the notes of {@code ms} unless already there; keeps insertion order. */
  void addNote(PlannedMachineSet ms, String msg) {
    List<String> l = notes.computeIfAbsent(ms.name, k -> new ArrayList<>());
    if (!l.contains(msg)) {
      l.add(msg);
    }
  }

  /** {@code oldMSs + [newMS]} (upstream's {@code append(p.oldMSs, p.newMS)}). */
  List<PlannedMachineSet> all() {
    List<PlannedMachineSet> all = new ArrayList<>(oldMSs.size() + 1);
    all.addAll(oldMSs);
    if (newMS != null) {
      all.add(newMS);
    }
    return all;
  }

  int mdReplicas() {
    return MachineDeploymentUtil.replicas(md);
  }
}
