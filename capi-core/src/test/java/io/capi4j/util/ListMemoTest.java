package io.capi4j.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListMemoTest {
  /** Distinct instances with the same text, as immutable values that were rebuilt. */
  static String value(String s) {
    return new String(s);
  }

  @Test
  void derivesOnlyElementsNotSeenInTheLastList() {
    ListMemo<String, String> memo = new ListMemo<>();
    AtomicInteger derived = new AtomicInteger();
    String a = value("a");
    String b = value("b");
    String c = value("c");
    assertThat(memo.of(List.of(a, b, c), s -> derived.incrementAndGet() + s)).containsExactly("1a", "2b", "3c");
    assertThat(memo.of(List.of(a, b, c), s -> derived.incrementAndGet() + s)).containsExactly("1a", "2b", "3c");
    String b2 = value("b");
    assertThat(memo.of(List.of(a, b2, c), s -> derived.incrementAndGet() + s)).containsExactly("1a", "4b", "3c");
    String x = value("x");
    assertThat(memo.of(List.of(x, a, c), s -> derived.incrementAndGet() + s)).containsExactly("5x", "1a", "3c");
    assertThat(memo.of(List.of(c), s -> derived.incrementAndGet() + s)).containsExactly("3c");
    memo.clear();
    assertThat(memo.of(List.of(c), s -> derived.incrementAndGet() + s)).containsExactly("6c");
  }

  @Test
  void everyElementGetsItsOwnFactsWhateverTheChanges() {
    SplittableRandom random = new SplittableRandom(3);
    ListMemo<Object, Object> memo = new ListMemo<>();
    List<Object> list = new ArrayList<>();
    for (int round = 0; round < 500; round++) {
      int op = random.nextInt(4);
      if (op == 0 || list.isEmpty()) {
        list.add(random.nextInt(list.size() + 1), new Object());
      } else if (op == 1) {
        list.remove(random.nextInt(list.size()));
      } else if (op == 2) {
        list.set(random.nextInt(list.size()), new Object());
      } else {
        java.util.Collections.swap(list, random.nextInt(list.size()), random.nextInt(list.size()));
      }
      List<Object> facts = memo.of(list, o -> List.of(o));
      for (int i = 0; i < list.size(); i++) {
        assertThat(((List<?>) facts.get(i)).get(0)).isSameAs(list.get(i));
      }
    }
  }
}
