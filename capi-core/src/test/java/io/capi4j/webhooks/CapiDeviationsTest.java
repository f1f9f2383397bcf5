package io.capi4j.webhooks;

import static io.capi4j.webhooks.WebhookTestSupport.MAX;
import static io.capi4j.webhooks.WebhookTestSupport.MIN;
import static io.capi4j.webhooks.WebhookTestSupport.create;
import static io.capi4j.webhooks.WebhookTestSupport.dataSecret;
import static io.capi4j.webhooks.WebhookTestSupport.meta;
import static io.capi4j.webhooks.WebhookTestSupport.selector;
import static io.capi4j.webhooks.WebhookTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentRemediationSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediation;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTriggerIf;
import io.capi4j.api.core.v1beta2.MachineHealthCheckSpec;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.util.IntOrPercent;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input upstream accepts but capi4j rejects, because it can only be a mistake. Every such message ends in
 * {@code (capi4j)}; the README lists these deviations.
 */
class CapiDeviationsTest {

  private static final String NEGATIVE_REPLICAS =
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0 (capi4j)";

  @Test
  void negativeReplicas() {
    MachineDeployment md = MachineDeployment.builder().spec(MachineDeploymentSpec.builder().replicas(-1).build()).build();
    MachineSet ms = MachineSet.builder().spec(MachineSetSpec.builder().replicas(-1).build()).build();
    MachinePool mp = MachinePool.builder().spec(MachinePoolSpec.builder().replicas(-1).build()).build();
    assertThat(texts(new MachineDeploymentWebhook().checkSchema(md, create()))).contains(NEGATIVE_REPLICAS);
    assertThat(texts(new MachineSetWebhook().checkSchema(ms, create()))).contains(NEGATIVE_REPLICAS);
    assertThat(texts(new MachinePoolWebhook().checkSchema(mp, create()))).contains(NEGATIVE_REPLICAS);

    MachineSet zero = MachineSet.builder().spec(MachineSetSpec.builder().replicas(0).build()).build();
    assertThat(texts(new MachineSetWebhook().checkSchema(zero, create()))).noneMatch(t -> t.contains("(capi4j)"));
  }

  static Stream<Arguments> autoscalerCases() {
    String maxBelowMin = "metadata.annotations[" + MAX + "]: Invalid value: \"3\": must be greater than or equal to the"
        + " min size 5 (capi4j)";
    String negativeMin = "metadata.annotations[" + MIN + "]: Invalid value: \"-1\": must not be negative (capi4j)";
    return Stream.of(
        arguments("min greater than max", Map.of(MIN, "5", MAX, "3"), List.of(maxBelowMin)),
        arguments("negative min", Map.of(MIN, "-1", MAX, "3"), List.of(negativeMin)),
        arguments("min equal to max", Map.of(MIN, "3", MAX, "3"), List.of()),
        arguments("only min", Map.of(MIN, "5"), List.of()),
        arguments("unparsable min is left to defaulting", Map.of(MIN, "x", MAX, "3"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("autoscalerCases")
  void autoscalerBounds(String name, Map<String, String> annotations, List<String> want) {
    assertThat(texts(WebhookRules.autoscalerBounds(annotations))).containsExactlyElementsOf(want);
    MachineDeployment md = MachineDeployment.builder().metadata(meta("md", annotations)).build();
    MachineSet ms = MachineSet.builder().metadata(meta("ms", annotations)).build();
    MachinePool mp = MachinePool.builder().metadata(meta("mp", annotations)).build();
    assertThat(texts(new MachineDeploymentWebhook().checkSchema(md, create()))).containsAll(want);
    assertThat(texts(new MachineSetWebhook().checkSchema(ms, create()))).containsAll(want);
    assertThat(texts(new MachinePoolWebhook().checkSchema(mp, create()))).containsAll(want);
  }

  static Stream<Arguments> negativeIntOrPercentCases() {
    return Stream.of(
        arguments(IntOrPercent.of(-1), true),
        arguments(IntOrPercent.of("-10%"), true),
        arguments(IntOrPercent.of("-0%"), false),
        arguments(IntOrPercent.of(0), false),
        arguments(IntOrPercent.of("10%"), false),
        arguments(IntOrPercent.of("-1"), false)); // not a percentage: upstream's own error, no second one
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negativeIntOrPercentCases")
  void negativeMaxSurgeMaxUnavailableMaxInFlight(IntOrString value, boolean negative) {
    MachineDeployment md = MachineDeployment.builder().metadata(meta("", "md")).spec(MachineDeploymentSpec.builder()
        .rollout(MachineDeploymentRolloutSpec.builder().strategy(MachineDeploymentRolloutStrategy.builder()
            .type(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)
            .rollingUpdate(MachineDeploymentRolloutStrategyRollingUpdate.builder()
                .maxSurge(value).maxUnavailable(value).build()).build()).build())
        .remediation(MachineDeploymentRemediationSpec.builder().maxInFlight(value).build())
        .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().bootstrap(dataSecret("s")).build()).build())
        .build()).build();
    List<String> capi4j = texts(new MachineDeploymentWebhook().validate(md, create())).stream()
        .filter(t -> t.endsWith("(capi4j)")).toList();
    if (negative) {
      String v = IntOrPercent.toString(value);
      String p = "spec.rollout.strategy.rollingUpdate.";
      assertThat(capi4j).containsExactly(
          p + "maxUnavailable: Invalid value: \"" + v + "\": must not be negative (capi4j)",
          p + "maxSurge: Invalid value: \"" + v + "\": must not be negative (capi4j)",
          "spec.remediation.maxInFlight: Invalid value: \"" + v + "\": must not be negative (capi4j)");
    } else {
      assertThat(capi4j).isEmpty();
    }
  }

  private static MachineHealthCheck mhc(MachineHealthCheckRemediationTriggerIf triggerIf) {
    return MachineHealthCheck.builder().metadata(meta("default", "mhc"))
        .spec(MachineHealthCheckSpec.builder().clusterName("c").selector(selector(Map.of("a", "b")))
            .remediation(MachineHealthCheckRemediation.builder().triggerIf(triggerIf).build()).build())
        .build();
  }

  static Stream<Arguments> unhealthyInRangeCases() {
    return Stream.of(
        arguments("[5-3]", List.of("spec.remediation.triggerIf.unhealthyInRange: Invalid value: \"[5-3]\": the"
            + " range's max must not be less than its min (capi4j)")),
        arguments("[3-5]", List.of()),
        arguments("[3-3]", List.of()),
        arguments("[0-0]", List.of()),
        arguments("[99999999999999999999-1]", List.of("spec.remediation.triggerIf.unhealthyInRange: Invalid value:"
            + " \"[99999999999999999999-1]\": the range's max must not be less than its min (capi4j)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unhealthyInRangeCases")
  void unhealthyInRangeMaxBelowMin(String range, List<String> want) {
    MachineHealthCheck in = mhc(MachineHealthCheckRemediationTriggerIf.builder().unhealthyInRange(range).build());
    assertThat(texts(new MachineHealthCheckWebhook().checkSchema(in, create()))).containsExactlyElementsOf(want);
  }

  static Stream<Arguments> unhealthyLessThanOrEqualToCases() {
    String p = "spec.remediation.triggerIf.unhealthyLessThanOrEqualTo: Invalid value: ";
    return Stream.of(
        arguments(IntOrPercent.of(-1), List.of(p + "\"-1\": must not be negative (capi4j)")),
        arguments(IntOrPercent.of("-40%"), List.of(p + "\"-40%\": must not be negative (capi4j)")),
        arguments(IntOrPercent.of(0), List.of()),
        arguments(IntOrPercent.of("100%"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unhealthyLessThanOrEqualToCases")
  void negativeUnhealthyLessThanOrEqualTo(IntOrString value, List<String> want) {
    MachineHealthCheck in = mhc(MachineHealthCheckRemediationTriggerIf.builder().unhealthyLessThanOrEqualTo(value).build());
    List<FieldError> errs = new MachineHealthCheckWebhook().validate(in, create());
    assertThat(texts(errs)).containsExactlyElementsOf(want);
  }
}
