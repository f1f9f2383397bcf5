package io.capi4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollout-preview} on the seed article's two manifests (copied into the test resources): a version bump
 * rolls through the MachineDeployment's planner and through CAPZ's VMSS planner; a control plane left behind blocks
 * the MachineDeployment with the MachineSet preflight checks.
 */
class RolloutPreviewCommandTest {
  @TempDir static Path dir;
  static Path md;
  static Path mp;

  @BeforeAll
  static void copyManifests() throws Exception {
    md = copy("machinedeployment.yaml");
    mp = copy("machinepool.yaml");
  }

  static Path copy(String name) throws Exception {
    try (InputStream in = RolloutPreviewCommandTest.class.getResourceAsStream("/seed-manifests/" + name)) {
      Path p = dir.resolve(name);
      Files.copy(in, p);
      return p;
    }
  }

  static long etaSeconds(String out) {
    Matcher m = Pattern.compile("ETA: (?:(\\d+)m)?(\\d+)s after the change").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 60) + Long.parseLong(m.group(2));
  }

  @Test
  void machineDeploymentVersionBumpRollsOneMachineAtATime() {
    RolloutTraceCommandTest.Result r = RolloutTraceCommandTest.run("rollout-preview", md.toString(), "--set-version", "v1.33.0");
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(r.out())
        .contains("MachineDeployment default/md-bench-azure-workers on Azure (CAPZ), profile azure-standard-d2s-v3")
        .contains("Change: version v1.32.0 -> v1.33.0, replicas 5 -> 5")
        .contains("maxSurge 1, maxUnavailable 0")
        .contains("sets it to v1.33.0 when the change is applied")
        .contains("created, it is now the current MachineSet")
        .contains("needs rollout: spec.version v1.32.0, v1.33.0 required")
        .contains("Scaled down old MachineSet")
        .contains("CREATE_MACHINE", "DELETE_MACHINE")
        .contains("min available 5, peak machines 6")
        .contains("Pacing: maxSurge 1 + maxUnavailable 0")
        .contains("Blockers: none.");
    assertThat(Pattern.compile("(?m)^ +\\d\\. md-bench-azure-workers-\\S+ \\(drain/delete \\+.*\\) -> md-bench-azure-workers-\\S+ \\(created")
        .matcher(r.out()).results().count()).isEqualTo(5);
    // Five rounds of a VM create, join and drain: minutes, not seconds, nor hours.
    assertThat(etaSeconds(r.out())).isBetween(600L, 1800L);
  }

  @Test
  void machinePoolVersionBumpRollsThroughTheScaleSet() {
    RolloutTraceCommandTest.Result r = RolloutTraceCommandTest.run("rollout-preview", mp.toString(), "--set-version", "v1.33.0",
        "--seed", "3");
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(r.out())
        .contains("MachinePool default/mp-bench-azure-workers on Azure (CAPZ)")
        .contains("AzureMachinePool spec.strategy", "\"maxSurge\":\"25%\"")
        .contains("MachinePools have no preflight checks")
        .contains("AzureMachinePool mp-bench-azure-workers: update the VMSS")
        .contains("delete the Machines of [")
        .contains("Blockers: none.");
    Matcher min = Pattern.compile("min available (\\d+), peak machines (\\d+)").matcher(r.out());
    assertThat(min.find()).isTrue();
    assertThat(Integer.parseInt(min.group(1))).isGreaterThanOrEqualTo(4); // maxUnavailable 1
    assertThat(Integer.parseInt(min.group(2))).isGreaterThan(5); // surges
    assertThat(Pattern.compile("(?m)^ +\\d\\. mp-bench-azure-workers-\\d+ \\(drain/delete").matcher(r.out()).results().count())
        .isEqualTo(5);
    assertThat(etaSeconds(r.out())).isBetween(120L, 1800L);
  }

  @Test
  void scalingOnlyNeedsNoVersion() {
    RolloutTraceCommandTest.Result r = RolloutTraceCommandTest.run("rollout-preview", md.toString(), "--replicas", "3");
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("replicas 5 -> 3", "(scale-down)", "3 old machine(s) kept").doesNotContain("Pacing");
  }

  @Test
  void aControlPlaneLeftBehindBlocksTheMachineDeployment() {
    RolloutTraceCommandTest.Result r = RolloutTraceCommandTest.run("rollout-preview", md.toString(), "--set-version", "v1.33.0",
        "--control-plane-version", "v1.32.0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("ETA: none: no progress for 30m00s, the rollout is blocked (0 of 5 workers Ready on v1.33.0)")
        .contains("Blockers:\n  MachineSet preflight checks hold back new Machines")
        .contains("\"KubernetesVersionSkew\" preflight check failed", "\"KubeadmVersionSkew\" preflight check failed")
        .contains("the simulation's control plane is at v1.32.0");
  }

  @Test
  void unusableInputIsAUsageError() throws Exception {
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, """
        apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
        kind: KubeadmConfig
        metadata: {name: c, namespace: default}
        spec: {}
        """);
    String[][] cases = {
      {"rollout-preview", md.toString()},
      {"rollout-preview", md.toString(), "--set-version", "1.33"},
      {"rollout-preview", md.toString(), "--set-version", "v1.33.0", "--profile", "docker"},
      {"rollout-preview", other.toString(), "--replicas", "2"},
      {"rollout-preview", dir.resolve("missing.yaml").toString(), "--replicas", "2"},
    };
    for (String[] c : cases) {
      RolloutTraceCommandTest.Result r = RolloutTraceCommandTest.run(c);
      assertThat(r.code()).as(String.join(" ", c)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", c)).startsWith("error: ");
    }
  }
}
