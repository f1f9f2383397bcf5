package io.capi4j.simulation;

import io.capi4j.manifest.KubernetesMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.ObjectMapper;

/** Deep copies of fabric8's mutable resources, so that a simulated cluster never shares them with callers. */
final class Copies {
  private static final ObjectMapper MAPPER = KubernetesMapper.json();

  private Copies() {}

  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> T copy(T o) {
    return (T) MAPPER.convertValue(MAPPER.valueToTree(o), o.getClass());
  }
}
