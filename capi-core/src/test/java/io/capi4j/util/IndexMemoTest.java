package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexMemoTest {
  /** An immutable element with a key (null: not in the index). */
  record E(String key) {}

  static Map<String, E> expected(List<E> list, boolean firstWins) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : list) {
      if (e.key() != null) {
        if (firstWins) {
          m.putIfAbsent(e.key(), e);
        } else {
          m.put(e.key(), e);
        }
      }
    }
    return m;
  }

  @ParameterizedTest(name = "firstWins={0}")
  @ValueSource(booleans = {false, true})
  void isTheMapALoopWouldBuildAfterEveryChange(boolean firstWins) {
    SplittableRandom random = new SplittableRandom(firstWins ? 11 : 12);
    IndexMemo<E, String> memo = new IndexMemo<>(E::key, firstWins);
    List<E> list = new ArrayList<>();
    for (int round = 0; round < 2000; round++) {
      // Mostly unique keys; sometimes a duplicate or no key.
      int op = random.nextInt(5);
      String key = random.nextInt(20) == 0 ? null
          : random.nextInt(30) == 0 && !list.isEmpty() ? list.get(random.nextInt(list.size())).key()
          : "k" + random.nextInt(1_000_000);
      if (op == 0 || list.isEmpty()) {
        list.add(random.nextInt(list.size() + 1), new E(key));
      } else if (op == 1) {
        list.remove(random.nextInt(list.size()));
      } else if (op == 2) {
        int i = random.nextInt(list.size());
        list.set(i, new E(list.get(i).key())); // the same element, changed: a new instance
      } else if (op == 3) {
        list.set(random.nextInt(list.size()), new E(key));
      } else {
        java.util.Collections.swap(list, random.nextInt(list.size()), random.nextInt(list.size()));
      }
      Map<String, E> want = expected(list, firstWins);
      Map<String, E> got = memo.of(list);
      assertThat(got).isEqualTo(want);
      for (Map.Entry<String, E> e : want.entrySet()) {
        assertThat(got.get(e.getKey())).isSameAs(e.getValue());
      }
      assertThat(memo.unique()).isEqualTo(want.size() == list.stream().filter(x -> x.key() != null).count());
    }
  }

  @Test
  void duplicateKeysFollowTheLoop() {
    E a1 = new E("a");
    E a2 = new E("a");
    E b = new E("b");
    assertThat(new IndexMemo<E, String>(E::key, false).of(List.of(a1, b, a2)).get("a")).isSameAs(a2);
    assertThat(new IndexMemo<E, String>(E::key, true).of(List.of(a1, b, a2)).get("a")).isSameAs(a1);
  }
}
