package io.capi4j.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestAggregate} ({@code util/conditions/aggregate_test.go}). */
class AggregatesTest {
  private static final String AVAILABLE = "Available";
  private static final String SCALING_UP = "ScalingUp";

  private static Condition c(String type, String status, String reason, String message) {
    return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
  }

  /** Objects {@code obj0, obj1, ...} of kind {@code Phase3Obj}, each with the given conditions (null: none). */
  private static List<AggregateSource> objs(Condition... conditions) {
    List<AggregateSource> out = new ArrayList<>();
    for (int i = 0; i < conditions.length; i++) {
      out.add(new AggregateSource(new ConditionOwner("Phase3Obj", "obj" + i, false),
          conditions[i] == null ? List.of() : List.of(conditions[i])));
    }
    return out;
  }

  private static Condition f(String msg) {
    return c(AVAILABLE, "False", "Reason-1", msg);
  }

  private static Condition u(String msg) {
    return c(AVAILABLE, "Unknown", "Reason-1", msg);
  }

  private static Condition t(String msg) {
    return c(AVAILABLE, "True", "Reason-99", msg);
  }

  private static DefaultMergeStrategy custom(boolean positive, String issue, String unknown, String info) {
    return DefaultMergeStrategy.builder()
        .targetConditionHasPositivePolarity(positive)
        .priorityFunction(DefaultMergeStrategy.defaultPriorityFunction(SCALING_UP))
        .reasons(issue, unknown, info)
        .build();
  }

  static Stream<Arguments> cases() {
    List<AggregateSource> negative =
        objs(c(SCALING_UP, "True", "Reason-1", "Message-1"), c(SCALING_UP, "False", "Reason-99", "Message-99"));
    return Stream.of(
        Arguments.of("One issue", objs(f("Message-1"), t("Message-99")), AVAILABLE, AggregateOptions.defaults(),
            AVAILABLE, "False", "IssuesReported", "* Phase3Obj obj0: Message-1"),
        Arguments.of("One issue with negative polarity", negative, SCALING_UP,
            AggregateOptions.defaults().withNegativePolarityConditionTypes(SCALING_UP),
            SCALING_UP, "True", "IssuesReported", "* Phase3Obj obj0: Message-1"),
        Arguments.of("One issue with custom merge strategy", negative, SCALING_UP,
            AggregateOptions.defaults().withNegativePolarityConditionTypes(SCALING_UP)
                .withMergeStrategy(custom(true, "bad", "unknown", "good")),
            SCALING_UP, "False", "bad", "* Phase3Obj obj0: Message-1"),
        Arguments.of("One issue with custom merge strategy (negative polarity)", negative, SCALING_UP,
            AggregateOptions.defaults().withNegativePolarityConditionTypes(SCALING_UP)
                .withMergeStrategy(custom(false, "good", "unknown", "bad")),
            SCALING_UP, "True", "good", "* Phase3Obj obj0: Message-1"),
        Arguments.of("One issue with target type", objs(f("Message-1"), t("Message-99")), AVAILABLE,
            AggregateOptions.defaults().withTargetConditionType("SomethingAvailable"),
            "SomethingAvailable", "False", "IssuesReported", "* Phase3Obj obj0: Message-1"),
        Arguments.of("One issue with target type and negative polarity", negative, SCALING_UP,
            AggregateOptions.defaults().withTargetConditionType("SomethingAvailable")
                .withNegativePolarityConditionTypes(SCALING_UP),
            "SomethingAvailable", "True", "IssuesReported", "* Phase3Obj obj0: Message-1"),
        Arguments.of("Same issue from up to three objects",
            objs(f("Message-1"), f("Message-1"), f("Message-1"), t("Message-99")), AVAILABLE,
            AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Objs obj0, obj1, obj2: Message-1"),
        Arguments.of("Same issue from more than three objects",
            objs(f("Message-1"), f("Message-1"), f("Message-1"), f("Message-1"),
                c(AVAILABLE, "False", "Reason-B", "Message-1"), t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Objs obj0, obj1, obj2, ... (2 more): Message-1"),
        Arguments.of("Up to three different issue messages",
            objs(f("Message-1"), f("Message-2"), f("Message-2"), f("Message-1"), f("Message-1"), f("Message-3"),
                t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Objs obj0, obj3, obj4: Message-1\n* Phase3Objs obj1, obj2: Message-2\n* Phase3Obj obj5: Message-3"),
        Arguments.of("Up to three different issue messages; if message is a list, it should be indented",
            objs(f("* Message-1"), f("* Message-2A\n* Message-2B"), f("* Message-2A\n* Message-2B"), f("* Message-1"),
                f("* Message-1"), f("* Message-3"), t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Objs obj0, obj3, obj4:\n  * Message-1\n* Phase3Objs obj1, obj2:\n  * Message-2A\n  * Message-2B\n"
                + "* Phase3Obj obj5:\n  * Message-3"),
        Arguments.of("More than three different issue messages",
            objs(f("Message-1"), f("Message-2"), f("Message-4"), f("Message-5"), f("Message-1"), f("Message-3"),
                t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Objs obj0, obj4: Message-1\n* Phase3Obj obj1: Message-2\n* Phase3Obj obj2: Message-4\n"
                + "And 2 Phase3Objs with other issues"),
        Arguments.of("Less than 2 issue messages and unknown message",
            objs(f("Message-1"), f("Message-2"), u("Message-3"), t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Obj obj0: Message-1\n* Phase3Obj obj1: Message-2\n* Phase3Obj obj2: Message-3"),
        Arguments.of("At least 3 issue messages and unknown message",
            objs(f("Message-1"), f("Message-2"), u("Message-3"), f("Message-4"), t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Obj obj0: Message-1\n* Phase3Obj obj1: Message-2\n* Phase3Obj obj3: Message-4\n"
                + "And 1 Phase3Obj with status unknown"),
        Arguments.of("More than 3 issue messages and unknown message",
            objs(f("Message-1"), f("Message-2"), u("Message-3"), f("Message-4"), f("Message-5"), f("Message-6"),
                t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Obj obj0: Message-1\n* Phase3Obj obj1: Message-2\n* Phase3Obj obj3: Message-4\n"
                + "And 2 Phase3Objs with other issues\nAnd 1 Phase3Obj with status unknown"),
        Arguments.of("unknown messages",
            objs(u("Message-1"), u("Message-2"), u("Message-4"), u("Message-5"), u("Message-1"), u("Message-3"),
                t("Message-99")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "Unknown", "UnknownReported",
            "* Phase3Objs obj0, obj4: Message-1\n* Phase3Obj obj1: Message-2\n* Phase3Obj obj2: Message-4\n"
                + "And 2 Phase3Objs with status unknown"),
        Arguments.of("info messages",
            objs(t("Message-1"), t("Message-2"), t("Message-4"), t(""), t("Message-1"), t("Message-3")),
            AVAILABLE, AggregateOptions.defaults(), AVAILABLE, "True", "InfoReported",
            "* Phase3Objs obj0, obj4: Message-1\n* Phase3Obj obj1: Message-2\n* Phase3Obj obj2: Message-4\n"
                + "And 1 Phase3Obj with additional info"),
        Arguments.of("Missing conditions are defaulted", objs(f("Message-1"), null), AVAILABLE,
            AggregateOptions.defaults(), AVAILABLE, "False", "IssuesReported",
            "* Phase3Obj obj0: Message-1\n* Phase3Obj obj1: Condition Available not yet reported"),
        Arguments.of("Missing conditions are defaulted why a custom target condition type",
            objs(f("Message-1"), null), AVAILABLE,
            AggregateOptions.defaults().withTargetConditionType("SomethingAvailable"),
            "SomethingAvailable", "False", "IssuesReported",
            "* Phase3Obj obj0: Message-1\n* Phase3Obj obj1: Condition Available not yet reported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aggregate(
      String name, List<AggregateSource> sources, String sourceType, AggregateOptions options, String wantType,
      String wantStatus, String wantReason, String wantMessage) {
    Condition got = Aggregates.newAggregateCondition(sources, sourceType, options);
    assertThat(got.getType()).isEqualTo(wantType);
    assertThat(got.getStatus()).isEqualTo(wantStatus);
    assertThat(got.getReason()).isEqualTo(wantReason);
    assertThat(got.getMessage()).isEqualTo(wantMessage);
    assertThat(got.getLastTransitionTime()).isNull();
  }

  @Test
  void errorIfNegativePolarityConditionsAreMisconfigured() {
    assertThatThrownBy(() -> Aggregates.newAggregateCondition(
            objs(c(SCALING_UP, "True", "Reason-1", "Message-1")), SCALING_UP,
            AggregateOptions.defaults().withNegativePolarityConditionTypes("foo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negativePolarityConditionTypes can only be set to [\"ScalingUp\"]");
  }

  @Test
  void failsIfSourceObjectsAreEmpty() {
    assertThatThrownBy(() -> Aggregates.newAggregateCondition(List.of(), AVAILABLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sourceObjs can't be empty");
  }

  @Test
  void controlPlaneMachinesGoFirst() {
    List<AggregateSource> sources = List.of(
        new AggregateSource(new ConditionOwner("Machine", "w1", false), List.of(f("worker"))),
        new AggregateSource(new ConditionOwner("Machine", "w2", false), List.of(f("worker"))),
        new AggregateSource(new ConditionOwner("Machine", "z-cp", true), List.of(f("shared"))),
        new AggregateSource(new ConditionOwner("Machine", "a", false), List.of(f("shared"))));
    Condition got = Aggregates.newAggregateCondition(sources, AVAILABLE);
    assertThat(got.getMessage()).isEqualTo("* Machines z-cp, a: shared\n* Machines w1, w2: worker");
  }

  @Test
  void indentMixesBulletsAndPlainLines() {
    assertThat(DefaultMergeStrategy.indentIfMultiline("plain")).isEqualTo(" plain");
    assertThat(DefaultMergeStrategy.indentIfMultiline("Title:\n* a\n* b")).isEqualTo("\n  * Title:\n    * a\n    * b");
    assertThat(DefaultMergeStrategy.indentIfMultiline("* a")).isEqualTo("\n  * a");
  }

  @Test
  void pluralize() {
    assertThat(DefaultMergeStrategy.pluralize("Machine")).isEqualTo("Machines");
    assertThat(DefaultMergeStrategy.pluralize("Phase3Obj")).isEqualTo("Phase3Objs");
    assertThat(DefaultMergeStrategy.pluralize("MachineSet")).isEqualTo("MachineSets");
    assertThat(DefaultMergeStrategy.pluralize("Policy")).isEqualTo("Policies");
    assertThat(DefaultMergeStrategy.pluralize("Box")).isEqualTo("Boxes");
  }

  @Test
  void summaryListsIssuesWithTypes() {
    MergeResult r = DefaultMergeStrategy.defaults().merge(MergeOperation.SUMMARY,
        List.of(new OwnedCondition(new ConditionOwner("Machine", "m", false), c("A", "False", "RA", "broken")),
            new OwnedCondition(new ConditionOwner("Machine", "m", false), c("B", "Unknown", "RB", "")),
            new OwnedCondition(new ConditionOwner("Machine", "m", false), c("C", "True", "RC", "fine"))),
        List.of("A", "B", "C"));
    assertThat(r.status()).isEqualTo("False");
    assertThat(r.message()).isEqualTo("* A: broken\n* B: RB");
  }
}
