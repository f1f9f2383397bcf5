package io.capi4j.manifest;

import io.capi4j.spi.GroupVersionKind;
import io.capi4j.validation.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object read from a manifest: where it came from, its raw tree, and its decoded value.
 *
 * @param source the file or source name
 * @param document the 1-based document number in the source
 * @param item the 1-based item number when the document is a {@code List}, else 0
 * @param line the line the object starts on (1-based)
 * @param gvk the object's {@code apiVersion} and {@code kind}
 * @param raw the object as read; treat it as read-only
 * @param decoded the object decoded into its Java type ({@code GenericKubernetesResource} for kinds capi4j does
 *     not model), with the type errors found while decoding
 * @param kindStatus how capi4j knows the kind
 * @param lines field paths ({@code spec.replicas}) to the line they are on
 */
public record ManifestDocument(
    String source,
    int document,
    int item,
    int line,
    GroupVersionKind gvk,
    ObjectNode raw,
    Decoded<Object> decoded,
    KindStatus kindStatus,
    Map<String, Integer> lines) {

  /** How capi4j knows a document's kind. */
  public sealed interface KindStatus {}

  /** A kind capi4j or a provider models and admits. */
  public record Modelled() implements KindStatus {}

  /** A kind nobody admits; the object is kept as a generic object. {@code reason} says why. */
  public record NotValidated(String reason) implements KindStatus {}

  /** A kind that cannot be right, such as an unknown kind in a group capi4j owns. */
  public record Invalid(FieldError error) implements KindStatus {}

  public ManifestDocument {
    lines = Map.copyOf(lines);
  }

  /** {@code metadata.name}, or {@code ""}. */
  public String name() {
    var meta = raw.get("metadata");
    var name = meta == null ? null : meta.get("name");
    return name != null && name.isString() ? name.asString() : "";
  }

  /** {@code metadata.namespace}, or {@code ""}. */
  public String namespace() {
    var meta = raw.get("metadata");
    var ns = meta == null ? null : meta.get("namespace");
    return ns != null && ns.isString() ? ns.asString() : "";
  }

  /** Where the document is: {@code file: document 2} or {@code file: document 2, item 3}. */
  public String location() {
    return source + ": document " + document + (item > 0 ? ", item " + item : "");
  }

  /** The line of the field, or of its nearest ancestor present in the document. */
  public int lineOf(String fieldPath) {
    String p = fieldPath;
    while (!p.isEmpty()) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return line;
  }

  /** The decoded value, if it decoded at all. */
  public Optional<Object> value() {
    return decoded.value();
  }

  /** The type errors found while decoding. */
  public List<FieldError> decodeErrors() {
    return decoded.errors();
  }
}
