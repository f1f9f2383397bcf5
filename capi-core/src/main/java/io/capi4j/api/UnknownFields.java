package io.capi4j.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A manifest value that keeps the fields capi4j does not model, so that reading and writing a manifest never
 * loses data. JSON {@code null} values are kept as {@link tools.jackson.databind.node.NullNode}.
 *
 * <p>The nodes are shared with the value: treat them as read-only.
 */
public interface UnknownFields {
  /** Fields of this object that capi4j does not model, in document order. */
  @JsonAnyGetter
  Map<String, JsonNode> unknownFields();
}
