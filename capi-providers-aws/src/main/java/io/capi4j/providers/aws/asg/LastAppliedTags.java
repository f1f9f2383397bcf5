package io.capi4j.providers.aws.asg;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tag comparison behind CAPA's last-applied-tags annotation ({@code tagsChanged}): which tags were added,
 * changed or removed since the annotation was written.
 *
 * @param changed whether anything differs
 * @param createdOrUpdated tags to create or update
 * @param deleted tags to delete (with their last applied values)
 * @param newAnnotation the tags to record in the annotation afterwards
 */
public record LastAppliedTags(
    boolean changed, Map<String, String> createdOrUpdated, Map<String, String> deleted, Map<String, String> newAnnotation) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public LastAppliedTags {
    createdOrUpdated = Map.copyOf(createdOrUpdated);
    deleted = Map.copyOf(deleted);
    newAnnotation = Map.copyOf(newAnnotation);
  }

  /**
   * Compares the wanted tags with the annotation's JSON map; an absent annotation counts as no tags (so the first
   * pass with any tags reports a change, as upstream).
   */
  public static Outcome<LastAppliedTags> compare(Optional<String> annotationJson, Map<String, String> wanted) {
    Map<String, String> last = new HashMap<>();
    if (annotationJson.isPresent() && !annotationJson.get().isEmpty()) {
      try {
        JsonNode node = JSON.readTree(annotationJson.get());
        if (!node.isObject()) {
          return Outcome.failed("annotation is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (!e.getValue().isString()) {
            return Outcome.failed("annotation value of tag " + e.getKey() + " is not a string");
          }
          last.put(e.getKey(), e.getValue().asString());
        }
      } catch (JacksonException e) {
        return Outcome.failed("annotation is not valid JSON: " + e.getOriginalMessage());
      }
    }
    Map<String, String> created = new TreeMap<>();
    Map<String, String> deleted = new TreeMap<>();
    for (Map.Entry<String, String> e : last.entrySet()) {
      if (!wanted.containsKey(e.getKey())) {
        deleted.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (!e.getValue().equals(last.get(e.getKey()))) {
        created.put(e.getKey(), e.getValue());
      }
    }
    return Outcome.ok(new LastAppliedTags(!created.isEmpty() || !deleted.isEmpty(), created, deleted,
        new LinkedHashMap<>(wanted)));
  }
}
