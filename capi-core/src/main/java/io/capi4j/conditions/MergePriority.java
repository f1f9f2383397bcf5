package io.capi4j.conditions;

/**
 * How a condition weighs when conditions are merged (upstream {@code conditions.MergePriority}). The declaration
 * order is the priority order: issues first, then unknown, then info.
 */
public enum MergePriority {
  /** The condition reports a problem: a positive-polarity condition that is False, or a negative one that is True. */
  ISSUE,
  /** The condition is Unknown (or has a status that is neither True nor False). */
  UNKNOWN,
  /** The condition is in its normal state. */
  INFO
}
