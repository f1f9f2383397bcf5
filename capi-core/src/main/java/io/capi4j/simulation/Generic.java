package io.capi4j.simulation;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copy-on-write edits of fabric8 {@link GenericKubernetesResource} fields by dotted path. */
public final class Generic {
  private Generic() {}

  /** A copy with {@code path} (e.g. {@code status.initialization.provisioned}) set to {@code value}. */
  @SuppressWarnings("unchecked")
  public static GenericKubernetesResource with(GenericKubernetesResource o, String path, Object value) {
    GenericKubernetesResource copy = Copies.copy(o);
    Map<String, Object> props = new LinkedHashMap<>(copy.getAdditionalProperties());
    String[] parts = path.split("\\.");
    Map<String, Object> cur = props;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = cur.get(parts[i]);
      Map<String, Object> m = next instanceof Map<?, ?> nm ? new LinkedHashMap<>((Map<String, Object>) nm) : new LinkedHashMap<>();
      cur.put(parts[i], m);
      cur = m;
    }
    cur.put(parts[parts.length - 1], value);
    copy.setAdditionalProperties(props);
    return copy;
  }

  /** The value at a dotted path, or null. */
  @SuppressWarnings("unchecked")
  public static Object get(GenericKubernetesResource o, String path) {
    Object cur = o.getAdditionalProperties();
    for (String p : path.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = ((Map<String, Object>) m).get(p);
    }
    return cur;
  }

  /** The string at a dotted path, or "". */
  public static String string(GenericKubernetesResource o, String path) {
    Object v = get(o, path);
    return v instanceof String s ? s : "";
  }

  /** A list value for a path. */
  public static List<Object> list(Object... items) {
    return List.of(items);
  }
}
