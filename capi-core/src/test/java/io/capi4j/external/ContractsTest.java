package io.capi4j.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.ImmutableMachine;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@link Contracts} reads some fields straight from the object instead of its JSON tree: every read must give what
 * the tree gives. Random objects, many paths, both ways compared.
 */
class ContractsTest {
  private static final List<String> PATHS = List.of(
      "kind", "apiVersion", "metadata", "metadata.name", "metadata.namespace", "metadata.uid",
      "metadata.deletionTimestamp", "metadata.creationTimestamp", "metadata.resourceVersion", "metadata.generateName",
      "metadata.labels", "metadata.name.x", "metadata.", "spec", "spec.providerID", "spec.replicas", "spec.a.b",
      "spec.list", "spec.list.x", "status.ready", "status.initialization.provisioned", "status.replicas",
      "status.dataSecretName", "status.n", "x", "x.y.z");

  private static final Object[] SCALARS = {
    "", "a", "v1", 0, 1, -7, 3_000_000_000L, 12L, (short) 3, (byte) 2, BigInteger.TEN, 1.0, 2.5f,
    new BigDecimal("1.5"), true, false, null
  };

  private final Random random = new Random(20260101);

  @Test
  void directReadsAgreeWithTheJsonTree() {
    int compared = 0;
    for (int i = 0; i < 3000; i++) {
      Object o = i % 3 == 2 ? machine() : generic();
      JsonNode tree = Contracts.tree(o);
      for (String path : PATHS) {
        JsonNode n = at(tree, path);
        assertThat(Contracts.string(o, path)).as("string %s of %s", path, o)
            .isEqualTo(n != null && n.isString() ? Optional.of(n.asString()) : Optional.empty());
        Object expected;
        try {
          expected = n != null && n.isIntegralNumber() ? Optional.of(n.asInt()) : Optional.empty();
        } catch (RuntimeException e) {
          expected = e.getClass(); // e.g. a long beyond the int range
        }
        Object actual;
        try {
          actual = Contracts.integer(o, path);
        } catch (RuntimeException e) {
          actual = e.getClass();
        }
        assertThat(actual).as("integer %s of %s", path, o).isEqualTo(expected);
        assertThat(Contracts.bool(o, path)).as("bool %s of %s", path, o)
            .isEqualTo(n != null && n.isBoolean() ? Optional.of(n.asBoolean()) : Optional.empty());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(3000 * PATHS.size());
  }

  private GenericKubernetesResource generic() {
    GenericKubernetesResource g = new GenericKubernetesResource();
    g.setKind(pick("Thing", "", null));
    g.setApiVersion(pick("example.com/v1", "", null));
    g.setMetadata(random.nextInt(8) == 0 ? null : meta());
    Map<String, Object> props = new LinkedHashMap<>();
    for (String k : List.of("spec", "status", "x", "kind", "metadata")) {
      if (random.nextInt(k.equals("kind") || k.equals("metadata") ? 12 : 2) == 0) {
        props.put(k, value(3));
      }
    }
    g.setAdditionalProperties(props);
    return g;
  }

  private Machine machine() {
    ImmutableMachine.Builder b = ImmutableMachine.builder().metadata(meta()).spec(MachineSpec.builder()
        .providerID(pick("p", "")).build());
    if (random.nextBoolean()) {
      b.kind(pick("", "Machine", "Other"));
      b.apiVersion(pick("", "cluster.x-k8s.io/v1beta2"));
    }
    if (random.nextInt(6) == 0) {
      b.putUnknownField(pick("kind", "metadata", "status"), JsonNodeFactory.instance.stringNode("u"));
    }
    return b.build();
  }

  private ObjectMeta meta() {
    ObjectMetaBuilder m = new ObjectMetaBuilder()
        .withName(pick("n", "", null))
        .withNamespace(pick("default", "", null))
        .withUid(pick("u1", null))
        .withDeletionTimestamp(pick("2026-01-01T00:00:00Z", "", null))
        .withCreationTimestamp(pick("2026-01-01T00:00:00Z", null))
        .withResourceVersion(pick("7", null))
        .withGenerateName(pick("g-", null));
    if (random.nextBoolean()) {
      m.withLabels(Map.of("a", "b"));
    }
    ObjectMeta meta = m.build();
    if (random.nextInt(6) == 0) {
      meta.setAdditionalProperty(pick("name", "namespace", "other"), value(1));
    }
    return meta;
  }

  private Object value(int depth) {
    int r = random.nextInt(depth > 0 ? 4 : 1);
    if (r == 1) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String k : List.of("providerID", "replicas", "ready", "initialization", "provisioned", "a", "b",
          "dataSecretName", "n", "list", "y", "z")) {
        if (random.nextInt(3) == 0) {
          m.put(k, value(depth - 1));
        }
      }
      return m;
    }
    if (r == 2) {
      List<Object> l = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        l.add(value(depth - 1));
      }
      return l;
    }
    return SCALARS[random.nextInt(SCALARS.length)];
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
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
