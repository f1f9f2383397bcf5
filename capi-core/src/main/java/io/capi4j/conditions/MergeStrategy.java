package io.capi4j.conditions;

import java.util.List;

/**
 * Merges conditions into one (upstream {@code conditions.MergeStrategy}). Implementations must be pure.
 *
 * <p>The caller guarantees that every expected condition is present (missing ones are added as Unknown) and that
 * all conditions are of one of {@code conditionTypes}, whose order is an order of relevance.
 */
@FunctionalInterface
public interface MergeStrategy {
  /**
   * Merges the conditions.
   *
   * @throws IllegalArgumentException with upstream's message when the conditions cannot be merged (e.g. none)
   */
  MergeResult merge(MergeOperation operation, List<OwnedCondition> conditions, List<String> conditionTypes);
}
