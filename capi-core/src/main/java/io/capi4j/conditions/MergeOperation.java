package io.capi4j.conditions;

/** Which operation calls a {@link MergeStrategy} (upstream {@code conditions.MergeOperation}). */
public enum MergeOperation {
  /** Merges different conditions of one object. */
  SUMMARY,
  /** Merges the same condition of many objects. */
  AGGREGATE
}
