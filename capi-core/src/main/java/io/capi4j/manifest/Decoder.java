package io.capi4j.manifest;

import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes a JSON tree into a typed value and reports every type mismatch, instead of failing on the first.
 *
 * <p>Jackson stops at the first field it cannot bind. The decoder records that field as an error, blanks it in
 * a copy of the tree, and binds again, until the whole object binds. Each round removes one field, so it ends.
 */
final class Decoder {
  private final ObjectMapper mapper;

  Decoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  <T> Decoded<T> decode(JsonNode tree, Class<T> type) {
    JsonNode work = tree.deepCopy();
    List<FieldError> errors = new ArrayList<>();
    Set<String> blanked = new HashSet<>();
    int maxRounds = countNodes(work) + 2;
    for (int round = 0; round < maxRounds; round++) {
      try {
        return new Decoded<>(Optional.of(mapper.treeToValue(work, type)), errors);
      } catch (JacksonException e) {
        List<Object> path = pathOf(e);
        if (path.isEmpty()) {
          errors.add(FieldError.invalid(FieldPath.of("<root>"), typeName(work), rootCause(e)));
          return new Decoded<>(Optional.empty(), errors);
        }
        String key = path.toString();
        JsonNode bad = at(work, path);
        if (blanked.contains(key) || bad == null || bad.isNull()) {
          // A null we put there (or one the document had) was refused too: drop the field altogether.
          if (!blanked.contains(key)) {
            errors.add(errorFor(e, toFieldPath(path), bad));
          }
          if (!remove(work, path)) {
            return new Decoded<>(Optional.empty(), errors);
          }
          blanked.add(key);
          continue;
        }
        errors.add(errorFor(e, toFieldPath(path), bad));
        set(work, path, NullNode.getInstance());
        blanked.add(key);
      } catch (RuntimeException e) {
        // Invariants of value types (Immutables checks) surface as plain runtime exceptions.
        errors.add(FieldError.invalid(FieldPath.of("<root>"), typeName(work), rootCause(e)));
        return new Decoded<>(Optional.empty(), errors);
      }
    }
    return new Decoded<>(Optional.empty(), errors);
  }

  private static FieldError errorFor(JacksonException e, FieldPath field, JsonNode bad) {
    String actual = bad == null ? "null" : jsonType(bad);
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      return FieldError.typeInvalid(field, actual, expectedType(mie.getTargetType()));
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().contains("IntOrString")) {
      return FieldError.typeInvalid(field, actual, "integer or string");
    }
    return FieldError.invalid(field, bad == null ? null : bad.toString(), rootCause(e));
  }

  static String expectedType(Class<?> c) {
    if (c == Integer.class || c == int.class || c == Long.class || c == long.class || c == Short.class) {
      return "integer";
    }
    if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
      return "number";
    }
    if (c == Boolean.class || c == boolean.class) {
      return "boolean";
    }
    if (c == String.class) {
      return "string";
    }
    if (IntOrString.class.isAssignableFrom(c)) {
      return "integer or string";
    }
    if (Collection.class.isAssignableFrom(c) || c.isArray()) {
      return "array";
    }
    return "object";
  }

  private static String expectedType(JavaType t) {
    if (t.isReferenceType()) {
      return expectedType(t.getReferencedType());
    }
    if (t.isMapLikeType()) {
      return "object";
    }
    return expectedType(t.getRawClass());
  }

  static String jsonType(JsonNode n) {
    if (n.isTextual()) {
      return "string";
    }
    if (n.isIntegralNumber()) {
      return "integer";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isArray()) {
      return "array";
    }
    if (n.isObject()) {
      return "object";
    }
    return "null";
  }

  private static String typeName(JsonNode n) {
    return jsonType(n);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t instanceof JacksonException je ? je.getOriginalMessage() : t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  private static List<Object> pathOf(JacksonException e) {
    List<Object> path = new ArrayList<>();
    if (e instanceof DatabindException de) {
      for (var ref : de.getPath()) {
        if (ref.getPropertyName() != null) {
          path.add(ref.getPropertyName());
        } else if (ref.getIndex() >= 0) {
          path.add(ref.getIndex());
        }
      }
    }
    return path;
  }

  static FieldPath toFieldPath(List<Object> path) {
    FieldPath p = null;
    for (Object o : path) {
      if (o instanceof Integer i) {
        p = p == null ? FieldPath.of("[" + i + "]") : p.index(i);
      } else {
        p = p == null ? FieldPath.of((String) o) : p.child((String) o);
      }
    }
    return p;
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object o : path) {
      if (n == null) {
        return null;
      }
      n = o instanceof Integer i ? n.get(i) : n.get((String) o);
    }
    return n;
  }

  private static void set(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode parent = at(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode on && last instanceof String s) {
      on.set(s, value);
    } else if (parent instanceof ArrayNode an && last instanceof Integer i && i < an.size()) {
      an.set(i, value);
    }
  }

  private static boolean remove(JsonNode root, List<Object> path) {
    JsonNode parent = at(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode on && last instanceof String s && on.has(s)) {
      on.remove(s);
      return true;
    }
    if (parent instanceof ArrayNode an && last instanceof Integer i && i < an.size()) {
      an.remove(i);
      return true;
    }
    return false;
  }

  private static int countNodes(JsonNode n) {
    int c = 1;
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        c += countNodes(e.getValue());
      }
    } else if (n.isArray()) {
      for (JsonNode child : n) {
        c += countNodes(child);
      }
    }
    return c;
  }
}
