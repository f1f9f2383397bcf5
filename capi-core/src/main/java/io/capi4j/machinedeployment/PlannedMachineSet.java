package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A MachineSet while the planner works on it (upstream mutates {@code *clusterv1.MachineSet} in place): the desired
 * object computed from the MachineDeployment, plus the two things planning steps change, {@code spec.replicas} and
 * the annotations. Status and creation time are read from the object and never change.
 */
final class PlannedMachineSet {
  private final MachineSet base;
  final String name;
  int replicas;
  final Map<String, String> annotations;
  final Instant creationTimestamp;
  private final Integer statusReplicas;
  private final Integer statusAvailable;
  private final Integer statusUpToDate;

  PlannedMachineSet(MachineSet base, Map<String, String> annotations) {
    this.base = base;
    this.name = base.name();
    this.replicas = base.spec().replicas().orElse(0);
    this.annotations = new LinkedHashMap<>(annotations);
    this.creationTimestamp = MachineDeploymentUtil.creationTimestamp(base);
    Optional<MachineSetStatus> st = base.status();
    this.statusReplicas = st.flatMap(MachineSetStatus::replicas).orElse(null);
    this.statusAvailable = st.flatMap(MachineSetStatus::availableReplicas).orElse(null);
    this.statusUpToDate = st.flatMap(MachineSetStatus::upToDateReplicas).orElse(null);
  }

  /** A MachineSet taken as is (its own annotations), as upstream's unit tests hand objects to planner steps. */
  static PlannedMachineSet of(MachineSet ms) {
    return new PlannedMachineSet(ms, ms.annotations());
  }

  int statusReplicas() {
    return statusReplicas == null ? 0 : statusReplicas;
  }

  boolean hasStatusReplicas() {
    return statusReplicas != null;
  }

  int available() {
    return statusAvailable == null ? 0 : statusAvailable;
  }

  boolean hasAvailable() {
    return statusAvailable != null;
  }

  int upToDate() {
    return statusUpToDate == null ? 0 : statusUpToDate;
  }

  boolean hasUpToDate() {
    return statusUpToDate != null;
  }

  String annotation(String key) {
    return annotations.get(key);
  }

  /** The desired object as it stands, with {@code spec.replicas = replicas}. */
  MachineSet toMachineSet() {
    return toMachineSet(replicas);
  }

  /** The desired object with the given {@code spec.replicas}. */
  MachineSet toMachineSet(int specReplicas) {
    return base.withMetadata(new ObjectMetaBuilder(base.metadata()).withAnnotations(new LinkedHashMap<>(annotations)).build())
        .withSpec(base.spec().withReplicas(specReplicas));
  }

  @Override
  public String toString() {
    return name + " " + replicas + "/" + statusReplicas() + "/" + available();
  }
}
