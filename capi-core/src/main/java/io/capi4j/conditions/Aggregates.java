package io.capi4j.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;

/** Upstream's {@code conditions.NewAggregateCondition}: one condition summing up the same condition of many objects. */
public final class Aggregates {
  private Aggregates() {}

  /** The reason of a condition that an object has not reported yet. */
  public static final String NOT_YET_REPORTED_REASON = "NotYetReported";

  /**
   * Aggregates the {@code sourceConditionType} condition of the sources. A source without that condition counts as
   * {@code Unknown}, reason {@code NotYetReported}, message {@code Condition <type> not yet reported}.
   *
   * <p>The result has no {@code lastTransitionTime} or {@code observedGeneration}: they are set when the condition
   * is stored on an object.
   *
   * @throws IllegalArgumentException with upstream's message: {@code sourceObjs can't be empty}, or
   *     {@code negativePolarityConditionTypes can only be set to ["<type>"]}
   */
  public static Condition newAggregateCondition(
      List<AggregateSource> sources, String sourceConditionType, AggregateOptions options) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("sourceObjs can't be empty");
    }
    List<String> negative = options.negativePolarityConditionTypes();
    if (!negative.isEmpty() && (!negative.get(0).equals(sourceConditionType) || negative.size() > 1)) {
      throw new IllegalArgumentException(
          "negativePolarityConditionTypes can only be set to [\"" + sourceConditionType + "\"]");
    }
    MergeStrategy strategy =
        options
            .mergeStrategy()
            .orElseGet(
                () ->
                    DefaultMergeStrategy.builder()
                        .targetConditionHasPositivePolarity(!negative.contains(sourceConditionType))
                        .priorityFunction(
                            DefaultMergeStrategy.defaultPriorityFunction(negative.toArray(String[]::new)))
                        .build());

    List<OwnedCondition> inScope = new ArrayList<>(sources.size());
    for (AggregateSource s : sources) {
      Condition found = null;
      for (Condition c : s.conditions()) {
        if (sourceConditionType.equals(c.getType())) {
          found = c;
          break;
        }
      }
      if (found == null) {
        found =
            new ConditionBuilder()
                .withType(sourceConditionType)
                .withStatus(Conditions.UNKNOWN)
                .withReason(NOT_YET_REPORTED_REASON)
                .withMessage("Condition " + sourceConditionType + " not yet reported")
                .build();
      }
      inScope.add(new OwnedCondition(s.owner(), found));
    }

    MergeResult r = strategy.merge(MergeOperation.AGGREGATE, inScope, List.of(sourceConditionType));
    return new ConditionBuilder()
        .withType(options.targetConditionType().orElse(sourceConditionType))
        .withStatus(r.status())
        .withReason(r.reason())
        .withMessage(r.message())
        .build();
  }

  /** {@link #newAggregateCondition} without options. */
  public static Condition newAggregateCondition(List<AggregateSource> sources, String sourceConditionType) {
    return newAggregateCondition(sources, sourceConditionType, AggregateOptions.defaults());
  }
}
