package io.capi4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private static final String MD =
      """
      apiVersion: cluster.x-k8s.io/v1beta2
      kind: MachineDeployment
      metadata: {name: md, namespace: default}
      spec:
        clusterName: c
        replicas: 2
        template:
          spec:
            clusterName: c
            version: v1.32.0
            bootstrap: {dataSecretName: s}
            infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachineTemplate, name: t}
      """;

  @Test
  void validObjectsPrintOkAndExitZero() throws Exception {
    Run r = run("validate", write("md.yaml", MD).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("OK MachineDeployment/md");
  }

  @Test
  void invalidObjectsPrintTheirErrorsAndExitOne() throws Exception {
    Run r = run("validate", write("bad.yaml", MD.replace("replicas: 2", "replicas: three")).toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("INVALID MachineDeployment/md")
        .contains("bad.yaml:6: spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer");
  }

  @Test
  void unreadableInputExitsTwoWithoutAStackTrace() throws Exception {
    Path garbage = dir.resolve("g.bin");
    Files.write(garbage, new byte[] {(byte) 0xff, 0x00, 0x13, 0x37});
    Run r = run("validate", garbage.toString(), write("s.yaml", "a: [1,\n").toString(), dir.resolve("missing.yaml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("binary data").contains("syntax error").contains("no such file").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unknownKindsInOwnedGroupsAreInvalid() throws Exception {
    Run r = run("validate", write("k.yaml", MD.replace("kind: MachineDeployment", "kind: MachineDeploymnet")).toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("did you mean MachineDeployment?");
  }
}
