package io.capi4j.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The Jackson configuration capi4j reads and writes manifests with. It is strict where the Kubernetes API
 * server is strict: no coercion between strings, numbers and booleans, no fractions into integers. It writes
 * the way {@code kubectl} does: no empty collections, no document start markers. (capi4j's own value types omit
 * {@code ""} for unset Go strings with a property annotation; fabric8's types keep theirs, e.g. a condition's
 * empty message.)
 *
 * <p>Each {@link Manifests} instance holds its own mappers; there is no shared static mapper.
 */
public final class KubernetesMapper {
  private KubernetesMapper() {}

  /** A new JSON mapper with capi4j's configuration. */
  public static ObjectMapper json() {
    return configure(JsonMapper.builder()).build();
  }

  /** A new YAML mapper with capi4j's configuration. */
  public static YAMLMapper yaml() {
    return configure(YAMLMapper.builder())
        .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
        .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
        .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .build();
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B b) {
    b.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .changeDefaultPropertyInclusion(v -> JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT));
    for (Class<?> c : List.of(List.class, Map.class, Set.class, com.google.common.collect.ImmutableList.class,
        com.google.common.collect.ImmutableMap.class, com.google.common.collect.ImmutableSet.class)) {
      b.withConfigOverride(c, o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS)));
    }
    for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual)) {
      b.withCoercionConfig(
          t,
          cfg -> {
            for (CoercionInputShape s :
                List.of(CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.EmptyString)) {
              cfg.setCoercion(s, CoercionAction.Fail);
            }
          });
    }
    return b;
  }
}
