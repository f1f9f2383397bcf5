package io.capi4j.testing.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.util.IntOrPercent;
import io.capi4j.validation.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading scenarios from YAML, their rules, task orders and tolerations. */
class RolloutScenarioTest {
  static String resource(String name) throws IOException {
    try (InputStream in = RolloutScenarioTest.class.getResourceAsStream("scenarios/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsAScenarioWithPercents() throws Exception {
    RolloutScenario s = RolloutScenario.parse(resource("percent-in-place.yaml"), "percent-in-place.yaml");
    assertThat(s.maxSurge()).isEqualTo(IntOrPercent.of("20%"));
    assertThat(s.maxUnavailable()).isEqualTo(IntOrPercent.of("10%"));
    assertThat(s.inPlaceUpdates()).isTrue();
    assertThat(s.machineDeployment()).isEqualTo(new ScenarioMachineDeployment("workers", "v1.33.1", 10));
    assertThat(s.machineSets()).hasSize(1);
    RolloutTrace trace = RolloutSimulation.run(s, TaskOrder.DEFAULT);
    assertThat(trace.failure()).isEmpty();
    assertThat(trace.text()).startsWith("## In-place rollout, 10 Replicas, maxSurge 20%, maxUnavailable 10%\n\n[Test] Initial state\n")
        .contains("[Test] Rollout 10 replicas, MaxSurge=20%, MaxUnavailable=10%\n")
        .contains("[MD controller] - Result of rollout planner\n    md: workers: 10/10 replicas")
        .endsWith("    ms2: 10/10 replicas, 10 available, 10 upToDate (m1,m2,m3,m4,m5,m6,m7,m8,m9,m10)\n");
  }

  @Test
  void appliesDefaults() throws Exception {
    RolloutScenario s = RolloutScenario.parse(resource("on-delete-defaults.yaml"), "x");
    assertThat(s.isOnDelete()).isTrue();
    assertThat(s.maxUserUnavailable()).isEqualTo(1);
    assertThat(s.machineDeployment().name()).isEqualTo("md");
    assertThat(s.name()).isEmpty();
    RolloutTrace trace = RolloutSimulation.run(s, TaskOrder.DEFAULT);
    assertThat(trace.converged()).isTrue();
    assertThat(trace.text()).contains("[Test] Rollout 2 replicas, onDeleteStrategy\n").contains("[User] Iteration 1, Deleting machine m1\n");
    RolloutScenario ru = RolloutScenario.parse("machineDeployment: {version: v2, replicas: 1}\n", "x");
    assertThat(ru.maxSurge()).isEqualTo(IntOrPercent.of(1));
    assertThat(ru.maxUnavailable()).isEqualTo(IntOrPercent.of(0));
    assertThat(ru.strategy()).isEqualTo("RollingUpdate");
    assertThat(RolloutSimulation.run(ru, TaskOrder.DEFAULT).converged()).isTrue();
  }

  @Test
  void reportsEveryViolationWithItsFieldPath() {
    String yaml =
        """
        name: bad
        strategy: Recreate
        maxSurge: "3"
        maxUnavailable: -1
        replicas: 3
        machineDeployment: {version: "", replicas: three}
        machineSets:
          - {name: set1, version: v1, replicas: 1, machines: [m1, x2]}
          - {name: ms2, version: v1, machines: [m1]}
        """;
    assertThatThrownBy(() -> RolloutScenario.parse(yaml, "bad.yaml"))
        .isInstanceOf(ScenarioException.class)
        .satisfies(e -> {
          List<String> errors = ((ScenarioException) e).errors().stream().map(FieldError::toString).toList();
          assertThat(errors).contains(
              "replicas: Unsupported value: \"replicas\": supported values: \"inPlaceUpdates\", \"machineDeployment\", "
                  + "\"machineSets\", \"maxIterations\", \"maxSurge\", \"maxUnavailable\", \"maxUserUnavailable\", \"name\", "
                  + "\"strategy\", \"tolerateMaxSurgeBreach\", \"tolerateMaxUnavailableBreach\"",
              "machineDeployment.replicas: Invalid value: \"three\": must be an integer",
              "machineSets[1].replicas: Required value");
        });
    assertThatThrownBy(() -> RolloutScenario.parse(yaml.replace("replicas: 3\n", "").replace("three", "3")
            .replace("    machines: [m1]}", "    replicas: 1, machines: [m1]}").replace("{name: ms2, version: v1, machines", "{name: ms2, version: v1, replicas: 1, machines"), "bad.yaml"))
        .isInstanceOf(ScenarioException.class)
        .satisfies(e -> assertThat(((ScenarioException) e).errors().stream().map(FieldError::toString).toList()).containsExactly(
            "strategy: Unsupported value: \"Recreate\": supported values: \"RollingUpdate\", \"OnDelete\"",
            "maxSurge: Invalid value: \"3\": must be an integer or a percentage (e.g. \"25%\")",
            "maxUnavailable: Invalid value: -1: must be greater than or equal to 0",
            "machineDeployment.version: Required value",
            "machineSets[0].name: Invalid value: \"set1\": must be ms<N>, N a positive integer",
            "machineSets[0].machines[1]: Invalid value: \"x2\": must be m<N>, N a positive integer",
            "machineSets[1].machines[0]: Duplicate value: \"m1\""));
  }

  @Test
  void rejectsWhatIsNotAScenario() {
    assertThatThrownBy(() -> RolloutScenario.parse("a: [", "x.yaml")).isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.yaml: not valid YAML");
    assertThatThrownBy(() -> RolloutScenario.parse("- 1\n", "x.yaml")).hasMessageContaining("must be a mapping");
    assertThatThrownBy(() -> RolloutScenario.parse("name: x\n", "x.yaml")).hasMessageContaining("machineDeployment: Required value");
    assertThatThrownBy(() -> RolloutScenario.read(Path.of("/nonexistent/scenario.yaml"))).hasMessageContaining("cannot read");
  }

  @Test
  void taskOrders() {
    assertThat(TaskOrder.parse("default")).isEqualTo(TaskOrder.DEFAULT);
    assertThat(TaskOrder.parse("random:42")).isEqualTo(TaskOrder.random(42));
    assertThat(TaskOrder.parse("random:42").toString()).isEqualTo("random:42");
    assertThatThrownBy(() -> TaskOrder.parse("random:x")).hasMessageContaining("default or random:SEED");
    assertThatThrownBy(() -> TaskOrder.parse("shuffle")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void breachesFailUnlessTolerated() {
    RolloutScenario scaleUp = RolloutScenarios.all().get(6);
    assertThat(scaleUp.name()).contains("scale up to 12");
    RolloutTrace strict = RolloutSimulation.run(RolloutScenario.builder().from(scaleUp).tolerateMaxUnavailableBreach(false).build(), TaskOrder.DEFAULT);
    assertThat(strict.converged()).isFalse();
    assertThat(strict.failure()).contains("iteration 1: 6 available Machines < 11 (spec.replicas - maxUnavailable)");
    assertThat(strict.text()).contains("[Test] Failed: iteration 1");
    RolloutTrace tolerated = RolloutSimulation.run(scaleUp, TaskOrder.DEFAULT);
    assertThat(tolerated.converged()).isTrue();
    assertThat(tolerated.text()).contains("[Toleration] tolerate maxUnavailable breach");
  }

  @Test
  void newMachineSetsFollowTheHighestNumber() throws Exception {
    RolloutScenario s = RolloutScenario.parse(
        "machineDeployment: {version: v2, replicas: 1}\nmachineSets:\n  - {name: ms4, version: v1, replicas: 1, machines: [m7]}\n", "x");
    RolloutTrace trace = RolloutSimulation.run(s, TaskOrder.DEFAULT);
    assertThat(trace.converged()).isTrue();
    assertThat(trace.text()).contains("- MachineSet ms5 created, it is now the current MachineSet").contains("(m8 created)");
  }

  @Test
  void stopsAtTheIterationLimit() {
    RolloutScenario s = RolloutScenario.builder().from(RolloutScenarios.all().get(0)).maxIterations(2).build();
    RolloutTrace trace = RolloutSimulation.run(s, TaskOrder.DEFAULT);
    assertThat(trace.converged()).isFalse();
    assertThat(trace.iterations()).isEqualTo(2);
    assertThat(trace.failure()).contains("did not converge in 2 iterations");
  }
}
