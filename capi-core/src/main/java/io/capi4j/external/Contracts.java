package io.capi4j.external;

import io.capi4j.manifest.KubernetesMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Cluster API's contract fields, read from any object (a capi4j or provider value, or a fabric8
 * {@code GenericKubernetesResource}) by path, as upstream's {@code internal/contract} does. Core reads provider
 * objects only through these accessors, so it needs no provider classes.
 *
 * <p>Where the v1beta2 contract and the v1beta1 compatibility field both exist, either counts: a provider that
 * sets {@code status.initialization.provisioned} or {@code status.ready} is provisioned.
 */
public final class Contracts {
  private static final ObjectMapper MAPPER = KubernetesMapper.json();

  private Contracts() {}

  /**
   * Trees of capi4j values (immutable, so a value's tree never changes), by identity and weakly held: a pool
   * planner reads a few fields of every InfraMachine on every reconcile, and converting the same value again for
   * each read dominated large simulations. Fabric8 objects are mutable and never cached.
   */
  private static final com.google.common.cache.Cache<Object, JsonNode> TREES =
      com.google.common.cache.CacheBuilder.newBuilder().weakKeys().maximumSize(16_384).build();

  /** The object as a JSON tree (the caller's own copy: it may modify it). */
  public static JsonNode tree(Object o) {
    if (o instanceof JsonNode n) {
      return n;
    }
    return o instanceof io.capi4j.api.CapiObject ? readOnlyTree(o).deepCopy() : MAPPER.valueToTree(o);
  }

  /** The object as a JSON tree that the caller only reads (possibly shared). */
  private static JsonNode readOnlyTree(Object o) {
    if (o instanceof JsonNode n) {
      return n;
    }
    if (!(o instanceof io.capi4j.api.CapiObject)) {
      return MAPPER.valueToTree(o);
    }
    JsonNode t = TREES.getIfPresent(o);
    if (t == null) {
      t = MAPPER.valueToTree(o);
      TREES.put(o, t);
    }
    return t;
  }

  /** {@code metadata.labels} of any object (never null). */
  public static java.util.Map<String, String> labels(Object o) {
    if (o instanceof io.capi4j.api.CapiObject c) {
      return c.labels();
    }
    if (o instanceof io.fabric8.kubernetes.api.model.HasMetadata h) {
      return h.getMetadata() == null || h.getMetadata().getLabels() == null ? java.util.Map.of()
          : h.getMetadata().getLabels();
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    JsonNode n = readOnlyTree(o).get("metadata");
    if (n != null && n.get("labels") != null) {
      n.get("labels").properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
    }
    return out;
  }

  /**
   * The object as a fabric8 {@code GenericKubernetesResource}: itself when it already is one, else its
   * manifest form converted (a provider's typed value, as core sees it without the provider's classes).
   */
  public static io.fabric8.kubernetes.api.model.GenericKubernetesResource generic(Object o) {
    return o instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource g ? g
        : MAPPER.convertValue(o, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
  }

  /** A string at a dotted path, e.g. {@code spec.providerID}. */
  public static Optional<String> string(Object o, String path) {
    Object fast = direct(o, path);
    if (fast != UNKNOWN) {
      return fast instanceof String v ? Optional.of(v) : Optional.empty();
    }
    JsonNode n = at(readOnlyTree(o), path);
    return n != null && n.isString() ? Optional.of(n.asString()) : Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading without a JSON tree. Converting a whole object to a tree to read one field is what made pool planning
  // slow (several conversions per InfraMachine per reconcile), so the fields read most often are taken from the
  // object itself when that provably gives what the tree would hold; anything else returns UNKNOWN and goes through
  // the tree.

  /** "Cannot tell without the tree." */
  private static final Object UNKNOWN = new Object();

  /**
   * The value at {@code path} as the JSON tree would hold it (a {@code String}, a {@code Number}, a {@code Boolean},
   * a {@code Map} or {@code List}, or null when absent), or {@link #UNKNOWN}.
   *
   * <ul>
   *   <li>{@code kind} and {@code apiVersion} of a fabric8 resource (its getters) or, when not empty, of a capi4j
   *       object (which may omit empty ones);
   *   <li>{@code metadata.<string field>} from fabric8's {@code ObjectMeta}, which writes every non-null string;
   *   <li>any path into a {@code GenericKubernetesResource}'s other fields: plain maps, lists, strings, numbers and
   *       booleans, written as they are.
   * </ul>
   *
   * Extra properties that could stand in for one of these fields (a resource's or metadata's additional
   * properties, a capi4j object's unknown fields, with the same name) send the read to the tree.
   */
  private static Object direct(Object o, String path) {
    boolean generic = o instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource;
    boolean capi = o instanceof io.capi4j.api.CapiObject;
    if (!generic && !capi) {
      return UNKNOWN;
    }
    Map<String, ?> extra = generic
        ? ((io.fabric8.kubernetes.api.model.GenericKubernetesResource) o).getAdditionalProperties()
        : ((io.capi4j.api.CapiObject) o).unknownFields();
    int dot = path.indexOf('.');
    String first = dot < 0 ? path : path.substring(0, dot);
    if (extra != null && extra.containsKey(first) && (first.equals("kind") || first.equals("apiVersion")
        || first.equals("metadata"))) {
      return UNKNOWN;
    }
    if (dot < 0 && (first.equals("kind") || first.equals("apiVersion"))) {
      if (generic) {
        var g = (io.fabric8.kubernetes.api.model.GenericKubernetesResource) o;
        return first.equals("kind") ? g.getKind() : g.getApiVersion();
      }
      var c = (io.capi4j.api.CapiObject) o;
      String v = first.equals("kind") ? c.kind() : c.apiVersion();
      return v == null || v.isEmpty() ? UNKNOWN : v;
    }
    if (first.equals("metadata")) {
      io.fabric8.kubernetes.api.model.ObjectMeta meta = generic
          ? ((io.fabric8.kubernetes.api.model.GenericKubernetesResource) o).getMetadata()
          : ((io.capi4j.api.CapiObject) o).metadata();
      if (dot < 0 || path.indexOf('.', dot + 1) >= 0) {
        return UNKNOWN;
      }
      String field = path.substring(dot + 1);
      if (meta == null) {
        return generic ? null : UNKNOWN;
      }
      if (meta.getAdditionalProperties() != null && meta.getAdditionalProperties().containsKey(field)) {
        return UNKNOWN;
      }
      return switch (field) {
        case "name" -> meta.getName();
        case "namespace" -> meta.getNamespace();
        case "uid" -> meta.getUid();
        case "deletionTimestamp" -> meta.getDeletionTimestamp();
        case "creationTimestamp" -> meta.getCreationTimestamp();
        case "resourceVersion" -> meta.getResourceVersion();
        case "generateName" -> meta.getGenerateName();
        default -> UNKNOWN;
      };
    }
    if (!generic || extra == null) {
      return UNKNOWN;
    }
    Object v = extra;
    for (String p : path.split("\\.")) {
      if (v instanceof Map<?, ?> m) {
        for (Object k : m.keySet()) {
          if (!(k instanceof String)) {
            return UNKNOWN;
          }
        }
        v = m.get(p);
      } else if (v == null || v instanceof List<?> || isScalar(v)) {
        return null; // a missing field, or a field of a list or scalar: absent in the tree too
      } else {
        return UNKNOWN;
      }
    }
    return v == null || isScalar(v) || v instanceof Map<?, ?> || v instanceof List<?> ? v : UNKNOWN;
  }

  private static boolean isScalar(Object v) {
    return v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Short || v instanceof Byte || v instanceof java.math.BigInteger || v instanceof Double
        || v instanceof Float || v instanceof java.math.BigDecimal;
  }

  /** An int at a dotted path. */
  public static Optional<Integer> integer(Object o, String path) {
    Object fast = direct(o, path);
    if (fast instanceof Long || fast instanceof java.math.BigInteger) {
      fast = UNKNOWN; // the tree's asInt refuses values outside the int range: let it
    }
    if (fast != UNKNOWN) {
      return fast instanceof Integer || fast instanceof Short || fast instanceof Byte
          ? Optional.of(((Number) fast).intValue()) : Optional.empty();
    }
    JsonNode n = at(readOnlyTree(o), path);
    return n != null && n.isIntegralNumber() ? Optional.of(n.asInt()) : Optional.empty();
  }

  /** A boolean at a dotted path. */
  public static Optional<Boolean> bool(Object o, String path) {
    Object fast = direct(o, path);
    if (fast != UNKNOWN) {
      return fast instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }
    JsonNode n = at(readOnlyTree(o), path);
    return n != null && n.isBoolean() ? Optional.of(n.asBoolean()) : Optional.empty();
  }

  /** A list of strings at a dotted path (empty when absent). */
  public static List<String> strings(Object o, String path) {
    JsonNode n = at(readOnlyTree(o), path);
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asString()));
    }
    return out;
  }

  /** InfraMachinePool: {@code spec.providerIDList}. */
  public static List<String> providerIDList(Object infraPool) {
    return strings(infraPool, "spec.providerIDList");
  }

  /** InfraMachinePool: {@code status.replicas}. */
  public static Optional<Integer> replicas(Object infraPool) {
    return integer(infraPool, "status.replicas");
  }

  /** InfraMachinePool or InfraMachine: {@code status.initialization.provisioned}, or {@code status.ready}. */
  public static boolean provisioned(Object infra) {
    return bool(infra, "status.initialization.provisioned").orElse(false) || bool(infra, "status.ready").orElse(false);
  }

  /** InfraMachinePool: {@code status.infrastructureMachineKind} (MachinePool Machines opt-in), if set. */
  public static Optional<String> infrastructureMachineKind(Object infraPool) {
    return string(infraPool, "status.infrastructureMachineKind").filter(s -> !s.isEmpty());
  }

  /** InfraMachine: {@code spec.providerID}. */
  public static Optional<String> providerID(Object infraMachine) {
    return string(infraMachine, "spec.providerID").filter(s -> !s.isEmpty());
  }

  /** Bootstrap config: {@code status.initialization.dataSecretCreated}, or {@code status.ready}. */
  public static boolean dataSecretCreated(Object bootstrapConfig) {
    return bool(bootstrapConfig, "status.initialization.dataSecretCreated").orElse(false)
        || bool(bootstrapConfig, "status.ready").orElse(false);
  }

  /** Bootstrap config: {@code status.dataSecretName}. */
  public static Optional<String> dataSecretName(Object bootstrapConfig) {
    return string(bootstrapConfig, "status.dataSecretName").filter(s -> !s.isEmpty());
  }

  /** Any object: whether {@code metadata.deletionTimestamp} is set. */
  public static boolean deleting(Object o) {
    return string(o, "metadata.deletionTimestamp").filter(s -> !s.isEmpty()).isPresent();
  }

  private static JsonNode at(JsonNode root, String path) {
    if (!path.endsWith(".")) {
      // As the split below, without a regex and an array per read (split drops only trailing empty segments).
      JsonNode n = root;
      int from = 0;
      while (true) {
        if (n == null) {
          return null;
        }
        int dot = path.indexOf('.', from);
        n = n.get(dot < 0 ? path.substring(from) : path.substring(from, dot));
        if (dot < 0) {
          return n;
        }
        from = dot + 1;
      }
    }
    JsonNode n = root;
    for (String p : path.split("\\.")) {
      if (n == null) {
        return null;
      }
      n = n.get(p);
    }
    return n;
  }
}
