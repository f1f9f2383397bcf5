package io.capi4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollout-trace}: the trace on stdout and the exit codes. */
class RolloutTraceCommandTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    java.io.StringWriter o = new java.io.StringWriter();
    java.io.StringWriter e = new java.io.StringWriter();
    int code = Main.run(new java.io.PrintWriter(o, true), new java.io.PrintWriter(e, true), args);
    return new Result(code, o.toString(), e.toString());
  }

  Path write(String name, String yaml) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  static final String SCENARIO =
      """
      name: "Regular rollout, 3 Replicas, maxSurge 1, maxUnavailable 0"
      maxSurge: 1
      maxUnavailable: 0
      machineDeployment: {name: md, version: v2, replicas: 3}
      machineSets:
        - {name: ms1, version: v1, replicas: 3, machines: [m1, m2, m3]}
      """;

  @Test
  void printsTheTraceAndExitsZeroWhenItConverges() throws Exception {
    Result r = run("rollout-trace", write("s.yaml", SCENARIO).toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("## Regular rollout, 3 Replicas, maxSurge 1, maxUnavailable 0\n\n[Test] Initial state\n")
        .contains("[MS controller] - ms2 scale up to 1/1 replicas (m4 created)\n")
        .endsWith("[Test] Final state\n    md: 3/3 replicas, 3 available, 3 upToDate\n"
            + "    ms1: 0/0 replicas, 0 available, 0 upToDate ()\n    ms2: 3/3 replicas, 3 available, 3 upToDate (m4,m5,m6)\n");
  }

  @Test
  void randomOrder() throws Exception {
    Result r = run("rollout-trace", write("s.yaml", SCENARIO).toString(), "--order", "random:7");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("[Test] Rollout 3 replicas, MaxSurge=1, MaxUnavailable=0, random(7)\n");
  }

  @Test
  void exitsOneWhenItDoesNotConverge() throws Exception {
    Result r = run("rollout-trace", write("s.yaml", SCENARIO + "maxIterations: 2\n").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("rollout did not converge: did not converge in 2 iterations");
    Result breach = run("rollout-trace", write("b.yaml", SCENARIO.replace("replicas: 3}", "replicas: 6}") + "tolerateMaxUnavailableBreach: false\n").toString());
    assertThat(breach.code()).isEqualTo(1);
    assertThat(breach.err()).contains("(spec.replicas - maxUnavailable)");
  }

  @Test
  void exitsTwoOnUnreadableInput() throws Exception {
    assertThat(run("rollout-trace", dir.resolve("missing.yaml").toString()).code()).isEqualTo(2);
    Result bad = run("rollout-trace", write("bad.yaml", "machineDeployment: {version: v2, replicas: x}\n").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("machineDeployment.replicas: Invalid value: \"x\": must be an integer");
    assertThat(run("rollout-trace", write("s.yaml", SCENARIO).toString(), "--order", "sometimes").code()).isEqualTo(2);
  }
}
