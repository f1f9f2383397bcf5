package io.capi4j.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FieldError;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random mutations of valid manifests (wrong types, out-of-range numbers, missing fields, garbage bytes, cut
 * text) only ever produce capi4j's own parse errors ({@link ManifestException}) or admission results with field
 * errors: never another exception, never a crash.
 */
class ManifestMutationProperties {
  private static final List<String> FIXTURES = List.of("machinedeployment.yaml", "machineset.yaml", "machine.yaml",
      "machinepool.yaml", "machinehealthcheck.yaml", "cluster.yaml", "kubeadmconfig.yaml");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Manifests manifests = Manifests.create(Providers.none());
  private final Admission admission = Admission.create(Providers.none());

  @Property(tries = 250)
  void treeMutationsGiveFieldErrorsNotCrashes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int fixture,
      @ForAll @IntRange(min = 1, max = 4) int mutations) throws Exception {
    Random r = new Random(seed);
    ObjectNode tree = (ObjectNode) manifests.parse("f", fixture(fixture)).get(0).raw().deepCopy();
    for (int i = 0; i < mutations; i++) {
      mutate(tree, r);
    }
    String text = manifests.toJson(tree);
    checkNoCrash(text);
  }

  /** Found by the property above: a null among a selector's values reached the validating webhook's message. */
  @Example
  void aNullSelectorValueIsAFieldErrorNotACrash() throws Exception {
    treeMutationsGiveFieldErrorsNotCrashes(39, 0, 2);
  }

  @Property(tries = 250)
  void textMutationsGiveParseOrFieldErrorsNotCrashes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int fixture)
      throws Exception {
    Random r = new Random(seed);
    byte[] bytes = fixture(fixture).getBytes(StandardCharsets.UTF_8);
    switch (r.nextInt(4)) {
      case 0 -> { // random bytes at a random place
        int at = r.nextInt(bytes.length);
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
          bytes[Math.min(bytes.length - 1, at + i)] = (byte) r.nextInt(256);
        }
      }
      case 1 -> bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length)); // cut
      case 2 -> { // a structural character somewhere
        String s = new String(bytes, StandardCharsets.UTF_8);
        int at = r.nextInt(s.length());
        String structural = ":[]{}-'\"\t#&*!|>%@`";
        char c = structural.charAt(r.nextInt(structural.length()));
        bytes = (s.substring(0, at) + c + s.substring(at)).getBytes(StandardCharsets.UTF_8);
      }
      default -> { // shuffle indentation of one line
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        int l = r.nextInt(lines.length);
        lines[l] = " ".repeat(r.nextInt(6)) + lines[l].strip();
        bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      }
    }
    try {
      List<ManifestDocument> docs = manifests.parse("mutated.yaml", bytes);
      checkResults(admission.admit(docs));
    } catch (ManifestException e) {
      assertThat(e.getMessage()).startsWith("mutated.yaml");
    }
  }

  private void checkNoCrash(String text) {
    try {
      List<ManifestDocument> docs = manifests.parse("mutated.json", text);
      checkResults(admission.admit(docs));
    } catch (ManifestException e) {
      assertThat(e.getMessage()).startsWith("mutated.json");
    }
  }

  private static void checkResults(List<AdmissionResult> results) {
    for (AdmissionResult res : results) {
      for (FieldError e : res.errors()) {
        assertThat(e.field()).isNotEmpty();
        assertThat(e.toString()).contains(": ");
      }
      if (res.isInvalid()) {
        assertThat(res.errors()).isNotEmpty();
      }
    }
  }

  private static void mutate(ObjectNode root, Random r) {
    List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>(); // (container, key or index)
    collect(root, slots);
    if (slots.isEmpty()) {
      return;
    }
    Map.Entry<JsonNode, Object> slot = slots.get(r.nextInt(slots.size()));
    JsonNode replacement = switch (r.nextInt(11)) {
      case 0 -> F.stringNode("three");
      case 1 -> F.numberNode(-1 - r.nextInt(1000));
      case 2 -> F.numberNode(new java.math.BigInteger("18446744073709551616"));
      case 3 -> F.numberNode(2.5);
      case 4 -> F.booleanNode(r.nextBoolean());
      case 5 -> F.arrayNode().add("x");
      case 6 -> F.objectNode().put("unexpected", 1);
      case 7 -> F.nullNode();
      case 8 -> F.stringNode("x".repeat(300));
      case 9 -> F.stringNode("");
      default -> null; // remove the field
    };
    if (slot.getKey() instanceof ObjectNode o) {
      if (replacement == null) {
        o.remove((String) slot.getValue());
      } else {
        o.set((String) slot.getValue(), replacement);
      }
    } else if (slot.getKey() instanceof ArrayNode a) {
      int i = (Integer) slot.getValue();
      if (replacement == null) {
        a.remove(i);
      } else {
        a.set(i, replacement);
      }
    }
  }

  private static void collect(JsonNode n, List<Map.Entry<JsonNode, Object>> out) {
    if (n instanceof ObjectNode o) {
      for (String k : o.propertyNames()) {
        if (!(o == n && (k.equals("apiVersion") || k.equals("kind")) && out.isEmpty())) {
          out.add(Map.entry(o, k));
        }
        collect(o.get(k), out);
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(Map.entry(a, i));
        collect(a.get(i), out);
      }
    }
  }

  private static String fixture(int i) throws Exception {
    try (InputStream in = ManifestMutationProperties.class.getResourceAsStream("/roundtrip/" + FIXTURES.get(i))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
