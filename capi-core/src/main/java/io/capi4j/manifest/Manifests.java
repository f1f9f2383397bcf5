package io.capi4j.manifest;

import io.capi4j.spi.GroupVersionKind;
import io.capi4j.spi.KindSupport;
import io.capi4j.spi.Providers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes Kubernetes manifests (multi-document YAML, JSON, and {@code List} objects) as capi4j values.
 *
 * <pre>{@code
 * Manifests manifests = Manifests.create();               // capi4j's kinds plus every provider on the class path
 * List<ManifestDocument> docs = manifests.read(Path.of("md.yaml"));
 * MachineDeployment md = (MachineDeployment) docs.get(0).value().orElseThrow();
 * String yaml = manifests.toYaml(md);
 * }</pre>
 *
 * <p>Reading never guesses: a syntax error throws {@link ManifestException} naming the file, document and line;
 * a field of the wrong type is reported in {@link ManifestDocument#decodeErrors()} with its path. Fields capi4j
 * does not model are kept, so a read followed by a write loses nothing. Instances are immutable and thread-safe.
 */
public final class Manifests {
  private final KindRegistry registry;
  private final ObjectMapper json;
  private final YAMLMapper yaml;
  private final Decoder decoder;

  private Manifests(KindRegistry registry) {
    this.registry = registry;
    this.json = KubernetesMapper.json();
    this.yaml = KubernetesMapper.yaml();
    this.decoder = new Decoder(json);
  }

  /** capi4j's kinds plus those of every provider found with {@link java.util.ServiceLoader}. */
  public static Manifests create() {
    return new Manifests(KindRegistry.of(Providers.load()));
  }

  /** capi4j's kinds plus those of the given providers. */
  public static Manifests create(Providers providers) {
    return new Manifests(KindRegistry.of(providers));
  }

  /** The kinds this instance decodes. */
  public KindRegistry registry() {
    return registry;
  }

  /** Reads every object of a YAML or JSON file. */
  public List<ManifestDocument> read(Path file) throws ManifestException {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ManifestException(source, 0, 0, "no such file");
    } catch (IOException e) {
      throw new ManifestException(source, 0, 0, "cannot read: " + e.getMessage());
    }
    return parse(source, bytes);
  }

  /** Reads every object of YAML or JSON bytes, which must be UTF-8 text. */
  public List<ManifestDocument> parse(String source, byte[] bytes) throws ManifestException {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ManifestException(source, 0, 0, "binary data (a NUL byte at offset " + i + "), not YAML or JSON");
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ManifestException(source, 0, 0, "not UTF-8 text, so not YAML or JSON");
    }
    return parse(source, text);
  }

  /** Reads every object of YAML or JSON text. */
  public List<ManifestDocument> parse(String source, String text) throws ManifestException {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String trimmed = text.stripLeading();
    boolean isJson = trimmed.startsWith("{") || trimmed.startsWith("[");
    ObjectMapper mapper = isJson ? json : yaml;
    List<ManifestDocument> out = new ArrayList<>();
    int docIndex = 0;
    try (JsonParser p = mapper.createParser(text)) {
      JsonToken t;
      while ((t = nextToken(p, source, docIndex + 1)) != null) {
        docIndex++;
        int startLine = p.currentTokenLocation().getLineNr();
        Map<String, Integer> lines = new HashMap<>();
        JsonNode node = readNode(p, t, "", lines, source, docIndex);
        if (node.isNull() || (node.isString() && node.asString().isBlank())) {
          continue; // an empty document, as between two "---"
        }
        if (isJson && node.isArray()) {
          int item = 0;
          for (JsonNode element : node) {
            item++;
            out.addAll(toDocuments(source, docIndex, item, startLine, element, Map.of()));
          }
          continue;
        }
        out.addAll(toDocuments(source, docIndex, 0, startLine, node, lines));
      }
    }
    return out;
  }

  private List<ManifestDocument> toDocuments(
      String source, int doc, int item, int line, JsonNode node, Map<String, Integer> lines) throws ManifestException {
    if (!node.isObject()) {
      throw new ManifestException(
          source, doc, line, "expected a Kubernetes object (a mapping), found " + Decoder.jsonType(node));
    }
    ObjectNode obj = (ObjectNode) node;
    String apiVersion = text(obj, "apiVersion");
    String kind = text(obj, "kind");
    if (kind.isEmpty()) {
      throw new ManifestException(source, doc, line, "Object 'Kind' is missing (every object needs apiVersion and kind)");
    }
    if (apiVersion.isEmpty()) {
      throw new ManifestException(
          source, doc, line, "Object 'apiVersion' is missing (every object needs apiVersion and kind)");
    }
    if (kind.equals("List") && apiVersion.equals("v1") && obj.get("items") instanceof ArrayNode items) {
      List<ManifestDocument> out = new ArrayList<>();
      int i = 0;
      for (JsonNode element : items) {
        i++;
        Map<String, Integer> itemLines = subLines(lines, "items[" + (i - 1) + "]");
        int itemLine = lines.getOrDefault("items[" + (i - 1) + "]", line);
        out.addAll(toDocuments(source, doc, i, itemLine, element, itemLines));
      }
      return out;
    }
    GroupVersionKind gvk = GroupVersionKind.of(apiVersion, kind);
    ManifestDocument.KindStatus status = registry.status(gvk);
    Decoded<Object> decoded = decode(obj, gvk);
    return List.of(new ManifestDocument(source, doc, item, line, gvk, obj, decoded, status, lines));
  }

  private static Map<String, Integer> subLines(Map<String, Integer> lines, String prefix) {
    Map<String, Integer> out = new HashMap<>();
    lines.forEach(
        (k, v) -> {
          if (k.startsWith(prefix + ".")) {
            out.put(k.substring(prefix.length() + 1), v);
          }
        });
    return out;
  }

  /** Decodes an object tree into the Java type registered for its kind (generic when none). */
  @SuppressWarnings("unchecked")
  public Decoded<Object> decode(ObjectNode obj, GroupVersionKind gvk) {
    Optional<KindSupport<?>> support = registry.lookup(gvk);
    Class<?> type = support.<Class<?>>map(KindSupport::type).orElse(GenericKubernetesResource.class);
    return (Decoded<Object>) (Decoded<?>) decoder.decode(obj, type);
  }

  /** Decodes a tree into any type with capi4j's strict rules. */
  public <T> Decoded<T> decode(JsonNode tree, Class<T> type) {
    return decoder.decode(tree, type);
  }

  /** Writes a value as YAML, the way {@code kubectl get -o yaml} lays it out. */
  public String toYaml(Object value) {
    return yaml.writeValueAsString(value);
  }

  /** Writes values as one multi-document YAML stream. */
  public String toYaml(List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append("---\n");
      }
      sb.append(toYaml(values.get(i)));
    }
    return sb.toString();
  }

  /** Writes a value as indented JSON. */
  public String toJson(Object value) {
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
  }

  /** A value as a JSON tree. */
  public JsonNode toTree(Object value) {
    return json.valueToTree(value);
  }

  private static String text(ObjectNode obj, String field) {
    JsonNode n = obj.get(field);
    return n != null && n.isString() ? n.asString() : "";
  }

  private static JsonToken nextToken(JsonParser p, String source, int doc) throws ManifestException {
    try {
      return p.nextToken();
    } catch (StreamReadException e) {
      throw syntax(source, doc, e);
    } catch (JacksonException e) {
      throw new ManifestException(source, doc, 0, firstLine(e.getOriginalMessage()));
    }
  }

  private static ManifestException syntax(String source, int doc, StreamReadException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    return new ManifestException(source, doc, Math.max(line, 0), "syntax error: " + firstLine(e.getOriginalMessage()));
  }

  /** The problem statements of a parser message, without SnakeYAML's location and snippet lines. */
  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    List<String> parts = new ArrayList<>();
    for (String l : s.split("\n")) {
      if (l.isBlank() || l.startsWith(" ") || l.startsWith("\t") || l.strip().startsWith("in 'reader'")) {
        continue;
      }
      parts.add(l.strip());
    }
    return parts.isEmpty() ? s.strip() : String.join(": ", parts);
  }

  /** Builds a tree from the parser, recording the line of every field and list element. */
  private static JsonNode readNode(
      JsonParser p, JsonToken t, String path, Map<String, Integer> lines, String source, int doc)
      throws ManifestException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    try {
      switch (t) {
        case START_OBJECT -> {
          ObjectNode o = f.objectNode();
          JsonToken k;
          while ((k = nextToken(p, source, doc)) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            String child = path.isEmpty() ? name : path + "." + name;
            if (o.has(name)) {
              throw new ManifestException(source, doc, line, "duplicate key \"" + name + "\" in " + (path.isEmpty() ? "the object" : path));
            }
            lines.put(child, line);
            JsonToken v = nextToken(p, source, doc);
            o.set(name, readNode(p, v, child, lines, source, doc));
          }
          if (k != JsonToken.END_OBJECT) {
            throw new ManifestException(source, doc, 0, "unexpected end of input");
          }
          return o;
        }
        case START_ARRAY -> {
          ArrayNode a = f.arrayNode();
          JsonToken v;
          int i = 0;
          while ((v = nextToken(p, source, doc)) != JsonToken.END_ARRAY) {
            if (v == null) {
              throw new ManifestException(source, doc, 0, "unexpected end of input");
            }
            String child = path + "[" + i + "]";
            lines.put(child, p.currentTokenLocation().getLineNr());
            a.add(readNode(p, v, child, lines, source, doc));
            i++;
          }
          return a;
        }
        case VALUE_STRING -> {
          return f.stringNode(p.getString());
        }
        case VALUE_NUMBER_INT -> {
          return switch (p.getNumberType()) {
            case INT -> f.numberNode(p.getIntValue());
            case LONG -> f.numberNode(p.getLongValue());
            default -> f.numberNode(p.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return f.numberNode(p.getDecimalValue());
        }
        case VALUE_TRUE -> {
          return f.booleanNode(true);
        }
        case VALUE_FALSE -> {
          return f.booleanNode(false);
        }
        case VALUE_NULL -> {
          return f.nullNode();
        }
        default -> {
          Object embedded = t == JsonToken.VALUE_EMBEDDED_OBJECT ? p.getEmbeddedObject() : null;
          return embedded == null ? f.nullNode() : f.stringNode(String.valueOf(embedded));
        }
      }
    } catch (StreamReadException e) {
      throw syntax(source, doc, e);
    } catch (JacksonException e) {
      throw new ManifestException(source, doc, 0, firstLine(e.getOriginalMessage()));
    }
  }
}
