package io.capi4j.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a {@link PoolPlanner} may keep, between reconciles of one pool, what it derived from objects that have not
 * changed since (objects are immutable values: the same instance gives the same facts), so that a reconcile of a
 * large pool costs little more than its changes. A plan must be exactly the same with or without a memory: a
 * planner keeps facts here, never decisions.
 *
 * <p>The caller keeps one memory per pool and passes it to every reconcile of that pool
 * ({@link PoolObservation#memory()}), one reconcile at a time: a memory is not thread-safe.
 */
public final class PlannerMemory {
  private final Map<Class<?>, Object> parts = new HashMap<>();

  private PlannerMemory() {}

  /** An empty memory. */
  public static PlannerMemory create() {
    return new PlannerMemory();
  }

  /** The part of the memory of this type, made by {@code create} on first use. */
  public <T> T part(Class<T> type, Supplier<? extends T> create) {
    Object p = parts.get(type);
    if (p == null) {
      p = create.get();
      parts.put(type, p);
    }
    return type.cast(p);
  }
}
