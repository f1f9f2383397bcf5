package io.capi4j.providers.aws.pools;

import io.capi4j.external.Contracts;
import io.capi4j.manifest.KubernetesMapper;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/** Reads the objects of an observation as this module's typed classes, whatever form the caller holds them in. */
final class Convert {
  private Convert() {}

  private static final ObjectMapper MAPPER = KubernetesMapper.json();

  /** {@code o} as a {@code type}: itself when it is one, else decoded from its JSON form. */
  static <T> T to(Object o, Class<T> type) {
    if (type.isInstance(o)) {
      return type.cast(o);
    }
    return MAPPER.treeToValue(Contracts.tree(o), type);
  }

  static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
