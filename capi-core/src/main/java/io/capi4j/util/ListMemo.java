package io.capi4j.util;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Facts derived from the elements of a list, remembered for the next list by element identity. Elements are
 * immutable values, so an element seen again (the same instance) has the same facts. A planner gets its objects in
 * the same order from one reconcile to the next, with a few replaced, added or removed: each element is looked for
 * at the position after the last one found, a few positions ahead at most, which costs reference comparisons only
 * (no hashing, no reading of the element).
 *
 * <p>For planners' memories ({@code MachinePoolMemory}, {@code PlannerMemory}); not thread-safe.
 */
public final class ListMemo<K, V> {
  private static final int LOOKAHEAD = 8;
  private static final Object[] NONE = new Object[0];

  private Object[] keys = NONE;
  private Object[] values = NONE;

  /** Forgets every fact (when what the facts depend on besides the element changed). */
  public void clear() {
    keys = NONE;
    values = NONE;
  }

  /**
   * The facts of each element of {@code list}, in order: the remembered ones for elements of the last list, else
   * {@code derive}'s (never null). Remembers this list for the next call.
   */
  @SuppressWarnings("unchecked")
  public List<V> of(List<? extends K> list, Function<? super K, ? extends V> derive) {
    int n = list.size();
    Object[] nk = new Object[n];
    Object[] nv = new Object[n];
    int j = 0;
    for (int i = 0; i < n; i++) {
      K k = list.get(i);
      Object v = null;
      for (int d = 0; d < LOOKAHEAD && j + d < keys.length; d++) {
        if (keys[j + d] == k) {
          v = values[j + d];
          j += d + 1;
          break;
        }
      }
      if (v == null) {
        v = derive.apply(k);
      }
      nk[i] = k;
      nv[i] = v;
    }
    keys = nk;
    values = nv;
    return (List<V>) java.util.Collections.unmodifiableList(Arrays.asList(nv));
  }
}
