package io.capi4j.validation;

import java.util.Objects;

/**
 * A path to a field of an object, printed as Kubernetes prints it: {@code spec.template.spec.version},
 * {@code spec.providerIDList[3]}, {@code metadata.labels[cluster.x-k8s.io/cluster-name]}. Immutable; every method
 * returns a new path. Mirrors {@code k8s.io/apimachinery/pkg/util/validation/field.Path}.
 */
public final class FieldPath {
  private final FieldPath parent;
  private final String name;
  private final String index;

  private FieldPath(FieldPath parent, String name, String index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /** A root path made of the given dot-separated names: {@code FieldPath.of("spec", "replicas")}. */
  public static FieldPath of(String root, String... more) {
    FieldPath p = new FieldPath(null, root, null);
    for (String m : more) {
      p = p.child(m);
    }
    return p;
  }

  /** {@code this.name}. */
  public FieldPath child(String name, String... more) {
    FieldPath p = new FieldPath(this, name, null);
    for (String m : more) {
      p = p.child(m);
    }
    return p;
  }

  /** {@code this[i]}. */
  public FieldPath index(int i) {
    return new FieldPath(this, null, Integer.toString(i));
  }

  /** {@code this[key]}. */
  public FieldPath key(String key) {
    return new FieldPath(this, null, key);
  }

  /** The root of this path. */
  public FieldPath root() {
    FieldPath p = this;
    while (p.parent != null) {
      p = p.parent;
    }
    return p;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (parent != null) {
      parent.append(sb);
    }
    if (name != null) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(name);
    } else {
      sb.append('[').append(index).append(']');
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
