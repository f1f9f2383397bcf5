package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects a MachinePool's controllers gather on every reconcile (its Machines and its per-instance
 * InfraMachines, both found by the {@code cluster.x-k8s.io/pool-name} label), read through {@link ObjectStore}
 * indexes so that gathering costs the pool's own objects, not a walk of every object of the kind. Each method
 * returns exactly what listing the kind and filtering would, in the same (key) order.
 */
final class PoolMembers {
  private PoolMembers() {}

  /** Index of Machines by {@code namespace() + SEP + pool label}. */
  static final String MACHINES_INDEX = "Machine.metadata.labels[pool-name]";
  private static final String INFRA_INDEX_PREFIX = "metadata.labels[pool-name]/";
  private static final char SEP = '\u0000';
  /** Stands for an unset {@code metadata.namespace} (no namespace can contain it). */
  private static final String NO_NAMESPACE = "\u0001";

  /**
   * The Machines (instances of {@link Machine}) whose {@code namespace()} is {@code namespace} and whose pool label
   * is {@code poolLabel}.
   */
  static List<Machine> machines(ObjectStore store, String namespace, String poolLabel) {
    if (!store.hasIndex(MACHINES_INDEX)) {
      store.addIndex(MACHINES_INDEX, Machine.KIND, o -> {
        if (!(o instanceof Machine m)) {
          return List.of();
        }
        String label = m.labels().get(Capi.MACHINE_POOL_NAME_LABEL);
        return label == null ? List.of() : List.of(m.namespace() + SEP + label);
      });
    }
    List<Object> found = store.byIndex(MACHINES_INDEX, namespace + SEP + poolLabel);
    List<Machine> out = new ArrayList<>(found.size());
    for (Object o : found) {
      out.add((Machine) o);
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * The objects of {@code kind} whose pool label is {@code poolLabel} and whose raw {@code metadata.namespace} is
   * {@code namespace}; with {@code unsetIsEmpty}, an unset namespace counts as {@code ""}.
   */
  static List<Object> infraMachines(ObjectStore store, String kind, String namespace, String poolLabel,
      boolean unsetIsEmpty) {
    String index = INFRA_INDEX_PREFIX + kind;
    if (!store.hasIndex(index)) {
      store.addIndex(index, kind, o -> {
        var meta = Meta.meta(o);
        Map<String, String> labels = meta.getLabels();
        String label = labels == null ? null : labels.get(Capi.MACHINE_POOL_NAME_LABEL);
        if (label == null) {
          return List.of();
        }
        return List.of((meta.getNamespace() == null ? NO_NAMESPACE : meta.getNamespace()) + SEP + label);
      });
    }
    List<Object> found = store.byIndex(index, namespace + SEP + poolLabel);
    if (!unsetIsEmpty || !namespace.isEmpty()) {
      return found;
    }
    List<Object> unset = store.byIndex(index, NO_NAMESPACE + SEP + poolLabel);
    if (unset.isEmpty()) {
      return found;
    }
    if (found.isEmpty()) {
      return unset;
    }
    // Both are in key order and their keys differ: merge them into key order.
    List<Object> out = new ArrayList<>(found.size() + unset.size());
    int i = 0;
    int j = 0;
    while (i < found.size() || j < unset.size()) {
      if (j >= unset.size()
          || (i < found.size() && ObjectKey.of(found.get(i)).compareTo(ObjectKey.of(unset.get(j))) < 0)) {
        out.add(found.get(i++));
      } else {
        out.add(unset.get(j++));
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }
}
