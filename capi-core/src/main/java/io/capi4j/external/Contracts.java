package io.capi4j.external;

import io.capi4j.manifest.KubernetesMapper;
import java.util.ArrayList;
import java.util.List;
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

  /** The object as a JSON tree. */
  public static JsonNode tree(Object o) {
    return o instanceof JsonNode n ? n : MAPPER.valueToTree(o);
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
    JsonNode n = at(tree(o), path);
    return n != null && n.isString() ? Optional.of(n.asString()) : Optional.empty();
  }

  /** An int at a dotted path. */
  public static Optional<Integer> integer(Object o, String path) {
    JsonNode n = at(tree(o), path);
    return n != null && n.isIntegralNumber() ? Optional.of(n.asInt()) : Optional.empty();
  }

  /** A boolean at a dotted path. */
  public static Optional<Boolean> bool(Object o, String path) {
    JsonNode n = at(tree(o), path);
    return n != null && n.isBoolean() ? Optional.of(n.asBoolean()) : Optional.empty();
  }

  /** A list of strings at a dotted path (empty when absent). */
  public static List<String> strings(Object o, String path) {
    JsonNode n = at(tree(o), path);
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
