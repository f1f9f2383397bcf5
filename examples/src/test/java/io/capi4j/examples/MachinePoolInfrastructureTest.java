package io.capi4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A MachinePool on an infrastructure without scaling groups is rejected with the reason. */
class MachinePoolInfrastructureTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "VSphereMachinePool|vSphere (CAPV) has no scaling groups",
      "Metal3MachinePool|Bare metal (Metal3) has no scaling groups",
      "GCPMachineTemplate|GCPMachineTemplate is not a MachinePool infrastructure kind of GCP (CAPG)",
      "AzureMachineTemplate|AzureMachineTemplate is not a MachinePool infrastructure kind of Azure (CAPZ)"})
  void rejectedWithTheReason(String kind, String reason) throws Exception {
    Path f = dir.resolve("mp.yaml");
    Files.writeString(f, """
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: MachinePool
        metadata: {name: mp, namespace: default}
        spec:
          clusterName: c
          replicas: 3
          template:
            spec:
              clusterName: c
              version: v1.32.0
              bootstrap: {dataSecretName: s}
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: %s, name: mp}
        """.formatted(kind));
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "validate", f.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("INVALID MachinePool/mp")
        .contains("spec.template.spec.infrastructureRef.kind: Invalid value: \"" + kind + "\": " + reason);
  }
}
