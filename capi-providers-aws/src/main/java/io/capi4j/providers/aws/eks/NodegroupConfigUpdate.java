package io.capi4j.providers.aws.eks;

import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.ManagedMachinePoolScaling;
import io.capi4j.providers.aws.api.v1beta2.NodeRepairConfig;
import io.capi4j.providers.aws.api.v1beta2.Taint;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether the node group needs an {@code UpdateNodegroupConfig} call and what it carries (upstream
 * {@code reconcileNodegroupConfig}): label and taint patches, the scaling configuration when the desired size or
 * the bounds differ, the update configuration when it differs, and node repair.
 *
 * @param labelsToAddOrUpdate labels to set
 * @param labelsToRemove label keys to remove
 * @param taintsToAdd taints to add
 * @param taintsToRemove taints to remove
 * @param scalingConfig the scaling configuration to send
 * @param updateConfig the update configuration to send
 * @param nodeRepairEnabled the node repair setting to send
 * @param reasons why, one per part sent
 */
public record NodegroupConfigUpdate(
    Map<String, String> labelsToAddOrUpdate,
    List<String> labelsToRemove,
    List<Taint> taintsToAdd,
    List<Taint> taintsToRemove,
    Optional<ScalingConfig> scalingConfig,
    Optional<UpdateConfig> updateConfig,
    Optional<Boolean> nodeRepairEnabled,
    List<String> reasons) {

  public NodegroupConfigUpdate {
    labelsToAddOrUpdate = Map.copyOf(labelsToAddOrUpdate);
    labelsToRemove = List.copyOf(labelsToRemove);
    taintsToAdd = List.copyOf(taintsToAdd);
    taintsToRemove = List.copyOf(taintsToRemove);
    reasons = List.copyOf(reasons);
  }

  /** Whether a call is needed. */
  public boolean needed() {
    return !reasons.isEmpty();
  }

  /**
   * The update for this pool and node group.
   *
   * @param replicas the MachinePool's {@code spec.replicas}
   * @param externallyManaged whether an external autoscaler owns the replicas (then the desired size is not compared:
   *     CAPA copied the node group's desired size into the MachinePool earlier in the pass)
   * @param spec the AWSManagedMachinePool's spec (admitted: {@code updateConfig} defaulted)
   * @param ng the observed node group
   */
  public static NodegroupConfigUpdate decide(
      Optional<Integer> replicas, boolean externallyManaged, AWSManagedMachinePoolSpec spec, ObservedNodegroup ng) {
    List<String> reasons = new ArrayList<>();
    Map<String, String> add = new TreeMap<>();
    spec.labels().forEach((k, v) -> {
      if (!v.equals(ng.labels().get(k))) {
        add.put(k, v);
      }
    });
    List<String> remove = ng.labels().keySet().stream().filter(k -> !spec.labels().containsKey(k)).sorted().toList();
    if (!add.isEmpty() || !remove.isEmpty()) {
      reasons.add("labels differ");
    }
    List<Taint> taintsToAdd = spec.taints().stream().filter(t -> !contains(ng.taints(), t)).toList();
    List<Taint> taintsToRemove = ng.taints().stream().filter(t -> !contains(spec.taints(), t)).toList();
    if (!taintsToAdd.isEmpty() || !taintsToRemove.isEmpty()) {
      reasons.add("taints differ");
    }
    boolean scaling = false;
    if (!externallyManaged) {
      if (replicas.isEmpty()) {
        if (ng.desiredSize().isPresent() && ng.desiredSize().get() != 1) {
          reasons.add("desired size " + ng.desiredSize().get() + " != 1 (replicas unset)");
          scaling = true;
        }
      } else if (!replicas.equals(ng.desiredSize())) {
        reasons.add("desired size " + ng.desiredSize().map(String::valueOf).orElse("nil") + " != replicas " + replicas.get());
        scaling = true;
      }
    }
    if (spec.scaling().isPresent()) {
      ManagedMachinePoolScaling s = spec.scaling().get();
      if (ng.maxSize().orElse(0).intValue() != s.maxSize().orElse(0).intValue()
          || ng.minSize().orElse(0).intValue() != s.minSize().orElse(0).intValue()) {
        reasons.add("scaling bounds differ");
        scaling = true;
      }
    }
    Optional<UpdateConfig> updateConfig = Optional.empty();
    Optional<UpdateConfig> wanted = spec.updateConfig().map(u -> u.withUnknownFields(Map.of()));
    if (!wanted.equals(ng.updateConfig().map(u -> u.withUnknownFields(Map.of())))) {
      reasons.add("update config differs");
      updateConfig = wanted;
    }
    Optional<Boolean> repair = Optional.empty();
    boolean wantedRepair = spec.nodeRepairConfig().flatMap(NodeRepairConfig::enabled).orElse(false);
    if (wantedRepair != ng.nodeRepairEnabled().orElse(false)) {
      reasons.add("node repair differs");
      repair = Optional.of(wantedRepair);
    }
    return new NodegroupConfigUpdate(add, remove, taintsToAdd, taintsToRemove,
        scaling ? Optional.of(ScalingConfig.of(replicas, spec.scaling())) : Optional.empty(), updateConfig, repair, reasons);
  }

  private static boolean contains(List<Taint> taints, Taint t) {
    return taints.stream().anyMatch(x -> x.effect().equals(t.effect()) && x.key().equals(t.key()) && x.value().equals(t.value()));
  }
}
