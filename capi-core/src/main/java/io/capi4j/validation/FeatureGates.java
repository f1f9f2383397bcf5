package io.capi4j.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cluster API feature gates that change admission or planning, with upstream's defaults: {@code MachinePool} on,
 * {@code MachineSetPreflightChecks} on, {@code MachineTaintPropagation} off, {@code InPlaceUpdates} off,
 * {@code ClusterTopology} off, {@code KubeadmBootstrapFormatIgnition} off.
 */
public final class FeatureGates {
  public static final String MACHINE_POOL = "MachinePool";
  public static final String MACHINE_SET_PREFLIGHT_CHECKS = "MachineSetPreflightChecks";
  public static final String MACHINE_TAINT_PROPAGATION = "MachineTaintPropagation";
  public static final String IN_PLACE_UPDATES = "InPlaceUpdates";
  public static final String CLUSTER_TOPOLOGY = "ClusterTopology";
  /** Allows {@code format: ignition} and {@code spec.ignition} on KubeadmConfigs (alpha upstream, off by default). */
  public static final String KUBEADM_BOOTSTRAP_FORMAT_IGNITION = "KubeadmBootstrapFormatIgnition";

  private static final Map<String, Boolean> DEFAULTS =
      Map.of(
          MACHINE_POOL, true,
          MACHINE_SET_PREFLIGHT_CHECKS, true,
          MACHINE_TAINT_PROPAGATION, false,
          IN_PLACE_UPDATES, false,
          CLUSTER_TOPOLOGY, false,
          KUBEADM_BOOTSTRAP_FORMAT_IGNITION, false);

  private final Map<String, Boolean> values;

  private FeatureGates(Map<String, Boolean> values) {
    this.values = Map.copyOf(values);
  }

  /** Upstream's defaults. */
  public static FeatureGates defaults() {
    return new FeatureGates(DEFAULTS);
  }

  /** A copy with {@code gate} set to {@code enabled}. */
  public FeatureGates with(String gate, boolean enabled) {
    Map<String, Boolean> m = new HashMap<>(values);
    m.put(Objects.requireNonNull(gate), enabled);
    return new FeatureGates(m);
  }

  /** Whether {@code gate} is on; unknown gates are off. */
  public boolean enabled(String gate) {
    return values.getOrDefault(gate, false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureGates f && f.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "FeatureGates" + new java.util.TreeMap<>(values);
  }
}
