package io.capi4j.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  @Test
  void parseTime() {
    assertThat(Conditions.parseTime("2024-10-09T16:13:59Z")).hasValue(Instant.parse("2024-10-09T16:13:59Z"));
    assertThat(Conditions.parseTime("2024-10-09T16:13:59.5Z")).hasValue(Instant.parse("2024-10-09T16:13:59.5Z"));
    assertThat(Conditions.parseTime("2024-10-09T18:13:59+02:00")).hasValue(Instant.parse("2024-10-09T16:13:59Z"));
    assertThat(Conditions.parseTime("2024-02-30T16:13:59Z")).isEmpty();
    assertThat(Conditions.parseTime("2024-1x-09T16:13:59Z")).isEmpty();
    assertThat(Conditions.parseTime("")).isEmpty();
    assertThat(Conditions.parseTime(null)).isEmpty();
  }

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void setKeepsWhenTheConditionHoldsAlready() {
    List<Condition> conds = List.of(Conditions.of("Ready", Conditions.TRUE, "Ready", "", T0),
        Conditions.of("UpToDate", Conditions.FALSE, "NotUpToDate", "old", T0));
    Instant later = T0.plusSeconds(60);
    assertThat(Conditions.setKeeps(conds, Conditions.of("Ready", Conditions.TRUE, "Ready", "", later))).isTrue();
    assertThat(Conditions.setKeeps(conds, Conditions.of("Ready", Conditions.TRUE, "Ready", "now", later))).isFalse();
    assertThat(Conditions.setKeeps(conds, Conditions.of("Ready", Conditions.FALSE, "Ready", "", later))).isFalse();
    assertThat(Conditions.setKeeps(conds, Conditions.of("Other", Conditions.TRUE, "Ready", "", later))).isFalse();
    assertThat(Conditions.setKeeps(conds, new ConditionBuilder(Conditions.of("Ready", Conditions.TRUE, "Ready", "", later))
        .withObservedGeneration(2L).build())).isFalse();
    assertThat(Conditions.setKeeps(conds, new ConditionBuilder(Conditions.of("Ready", Conditions.TRUE, "Ready", "", later))
        .withAdditionalProperties(Map.of("severity", "Info")).build())).isFalse();
  }

  /** Whenever setKeeps says so, set gives back an equal list. */
  @Test
  void setKeepsOnlyWhenSetKeeps() {
    SplittableRandom random = new SplittableRandom(5);
    String[] types = {"Ready", "UpToDate"};
    String[] statuses = {Conditions.TRUE, Conditions.FALSE, null};
    String[] texts = {"", "a", null};
    int kept = 0;
    for (int round = 0; round < 5000; round++) {
      List<Condition> conds = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        conds.add(condition(random, types, statuses, texts));
      }
      Condition c = condition(random, types, statuses, texts);
      if (c.getStatus() == null) {
        continue;
      }
      if (Conditions.setKeeps(conds, c)) {
        kept++;
        assertThat(Conditions.set(conds, c)).isEqualTo(conds);
      }
    }
    assertThat(kept).isPositive();
  }

  private static Condition condition(SplittableRandom r, String[] types, String[] statuses, String[] texts) {
    ConditionBuilder b = new ConditionBuilder().withType(types[r.nextInt(types.length)])
        .withStatus(statuses[r.nextInt(statuses.length)]).withReason(texts[r.nextInt(texts.length)])
        .withMessage(texts[r.nextInt(texts.length)]).withLastTransitionTime(Conditions.format(T0.plusSeconds(r.nextInt(3))));
    if (r.nextInt(4) == 0) {
      b.withObservedGeneration((long) r.nextInt(2));
    }
    if (r.nextInt(4) == 0) {
      b.withAdditionalProperties(Map.of("severity", "Info"));
    }
    return b.build();
  }
}
