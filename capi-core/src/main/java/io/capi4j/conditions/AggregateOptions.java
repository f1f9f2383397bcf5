package io.capi4j.conditions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link Aggregates#newAggregateCondition} (upstream {@code AggregateOption}s).
 *
 * @param targetConditionType the type of the resulting condition; the source type when empty
 * @param negativePolarityConditionTypes if set, must be exactly the source type: the source condition is "normal"
 *     when False, and by default the result has negative polarity too
 * @param mergeStrategy a custom merge strategy; the default strategy when empty
 */
public record AggregateOptions(
    Optional<String> targetConditionType,
    List<String> negativePolarityConditionTypes,
    Optional<MergeStrategy> mergeStrategy) {

  public AggregateOptions {
    Objects.requireNonNull(targetConditionType, "targetConditionType");
    negativePolarityConditionTypes = List.copyOf(negativePolarityConditionTypes);
    Objects.requireNonNull(mergeStrategy, "mergeStrategy");
  }

  /** No options. */
  public static AggregateOptions defaults() {
    return new AggregateOptions(Optional.empty(), List.of(), Optional.empty());
  }

  /** Upstream's {@code TargetConditionType}. */
  public AggregateOptions withTargetConditionType(String type) {
    return new AggregateOptions(Optional.of(type), negativePolarityConditionTypes, mergeStrategy);
  }

  /** Upstream's {@code NegativePolarityConditionTypes}. */
  public AggregateOptions withNegativePolarityConditionTypes(String... types) {
    return new AggregateOptions(targetConditionType, List.of(types), mergeStrategy);
  }

  /** Upstream's {@code CustomMergeStrategy}. */
  public AggregateOptions withMergeStrategy(MergeStrategy strategy) {
    return new AggregateOptions(targetConditionType, negativePolarityConditionTypes, Optional.of(strategy));
  }
}
