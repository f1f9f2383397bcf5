package io.capi4j.simulation;

import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The identity of an object in a simulated cluster: its kind (without group; capi4j's simulations never hold two
 * kinds of the same name), namespace and name.
 */
public record ObjectKey(String kind, String namespace, String name) implements Comparable<ObjectKey> {
  /** The key of an object (a capi4j value or a fabric8 resource). */
  public static ObjectKey of(Object o) {
    return new ObjectKey(Meta.kind(o), Meta.meta(o).getNamespace() == null ? "" : Meta.meta(o).getNamespace(),
        Meta.meta(o).getName());
  }

  @Override
  public int compareTo(ObjectKey o) {
    int c = kind.compareTo(o.kind);
    if (c == 0) {
      c = namespace.compareTo(o.namespace);
    }
    return c == 0 ? name.compareTo(o.name) : c;
  }

  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  static boolean isCapi(Object o) {
    return o instanceof CapiObject;
  }

  static boolean isFabric8(Object o) {
    return o instanceof HasMetadata;
  }
}
