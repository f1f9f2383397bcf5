package io.capi4j.providers.azure.pools;

import io.capi4j.manifest.KubernetesMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Reads observed objects as Azure's typed kinds, whether they come typed or as fabric8 generic resources. */
final class AzureObjects {
  private static final ObjectMapper MAPPER = KubernetesMapper.json();

  private AzureObjects() {}

  /** {@code o} as {@code type} with kind {@code kind}; empty when it is another kind or does not decode. */
  static <T> Optional<T> as(Object o, Class<T> type, String kind) {
    if (type.isInstance(o)) {
      return Optional.of(type.cast(o));
    }
    if (o instanceof GenericKubernetesResource g && kind.equals(g.getKind())) {
      try {
        return Optional.of(MAPPER.convertValue(g, type));
      } catch (JacksonException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
