package io.capi4j.testing.rollout;

import java.util.OptionalLong;

/**
 * In which order the tasks of an iteration run: {@link #DEFAULT} (md, the MachineSets by number, the MachineSet the
 * planner may create, then under OnDelete the user and the Machines), or {@link #random(long)}: a seeded random
 * selection where each task is skipped 30% of the time and repeated 30% of the time.
 */
public final class TaskOrder {
  /** All tasks, in list order. */
  public static final TaskOrder DEFAULT = new TaskOrder(OptionalLong.empty());

  private final OptionalLong seed;

  private TaskOrder(OptionalLong seed) {
    this.seed = seed;
  }

  /** A random order from {@code seed}. */
  public static TaskOrder random(long seed) {
    return new TaskOrder(OptionalLong.of(seed));
  }

  /**
   * Parses {@code default} or {@code random:SEED}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static TaskOrder parse(String text) {
    if ("default".equals(text)) {
      return DEFAULT;
    }
    if (text != null && text.startsWith("random:")) {
      try {
        return random(Long.parseLong(text.substring("random:".length())));
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw new IllegalArgumentException("invalid order \"" + text + "\": must be default or random:SEED (an integer)");
  }

  public boolean isRandom() {
    return seed.isPresent();
  }

  /** The seed of a random order. */
  public OptionalLong seed() {
    return seed;
  }

  @Override
  public String toString() {
    return seed.isPresent() ? "random:" + seed.getAsLong() : "default";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskOrder t && t.seed.equals(seed);
  }

  @Override
  public int hashCode() {
    return seed.hashCode();
  }
}
