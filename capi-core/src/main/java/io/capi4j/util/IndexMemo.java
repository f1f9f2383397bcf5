package io.capi4j.util;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A lookup of a list's elements by a key, kept up to date from one list to the next by the elements that changed:
 * the map {@code for (e : list) if (key(e) != null) map.put(key(e), e)} would build (or with {@code firstWins},
 * {@code putIfAbsent}), for {@code get} only (its iteration order is not that of the list). Elements are immutable
 * values and keys are derived from them alone, so an element seen again (the same instance, found as
 * {@link ListMemo} finds it) keeps its key. While keys are unique, a new list costs reference comparisons plus a
 * hash operation per added or removed element; with duplicate keys the map is rebuilt for every list.
 *
 * <p>For planners' memories; not thread-safe.
 */
public final class IndexMemo<E, K> {
  private static final int LOOKAHEAD = 8;
  private static final Object[] NONE = new Object[0];

  private final Function<? super E, ? extends K> key;
  private final boolean firstWins;
  private Object[] elements = NONE;
  private Object[] keys = NONE;
  private Map<K, E> map = new HashMap<>();
  /** Whether the last list's non-null keys were unique (then the map was maintained, not rebuilt). */
  private boolean unique = true;

  /**
   * @param key the key of an element (null: the element is not in the map); must depend on the element only
   * @param firstWins whether the first element with a key wins (else the last, as {@code put} does)
   */
  public IndexMemo(Function<? super E, ? extends K> key, boolean firstWins) {
    this.key = key;
    this.firstWins = firstWins;
  }

  /** Whether the last list's keys (those not null) were all different. */
  public boolean unique() {
    return unique;
  }

  /** The lookup of {@code list}; valid until the next call. Remembers the list. */
  @SuppressWarnings("unchecked")
  public Map<K, E> of(List<? extends E> list) {
    int n = list.size();
    Object[] ne = new Object[n];
    Object[] nk = new Object[n];
    List<Object> removed = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    int j = 0;
    for (int i = 0; i < n; i++) {
      E e = list.get(i);
      ne[i] = e;
      boolean found = false;
      for (int d = 0; d < LOOKAHEAD && j + d < elements.length; d++) {
        if (elements[j + d] == e) {
          for (int r = j; r < j + d; r++) {
            removed.add(r);
          }
          nk[i] = keys[j + d];
          j += d + 1;
          found = true;
          break;
        }
      }
      if (!found) {
        nk[i] = key.apply(e);
        added.add(i);
      }
    }
    for (int r = j; r < elements.length; r++) {
      removed.add(r);
    }
    int withKey = 0;
    for (Object k : nk) {
      if (k != null) {
        withKey++;
      }
    }
    if (unique && removed.size() + added.size() < n) {
      for (Object r : removed) {
        int at = (Integer) r;
        Object k = keys[at];
        if (k != null && map.get(k) == elements[at]) {
          map.remove(k);
        }
      }
      for (int at : added) {
        if (nk[at] != null) {
          map.put((K) nk[at], (E) ne[at]);
        }
      }
    } else {
      map = null;
    }
    if (map == null || map.size() != withKey) {
      // Duplicate keys (or most of the list changed): build it as the loop would.
      map = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (nk[i] == null) {
          continue;
        }
        if (firstWins) {
          map.putIfAbsent((K) nk[i], (E) ne[i]);
        } else {
          map.put((K) nk[i], (E) ne[i]);
        }
      }
      unique = map.size() == withKey;
    } else {
      unique = true;
    }
    elements = ne;
    keys = nk;
    return java.util.Collections.unmodifiableMap(map);
  }
}
