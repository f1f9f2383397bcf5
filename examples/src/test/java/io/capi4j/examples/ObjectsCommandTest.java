package io.capi4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code objects}: the management-cluster objects each ownership model creates, counted after a simulated run.
 * A MachineDeployment makes four objects per worker (Machine, InfraMachine, KubeadmConfig, Secret) plus four
 * (MachineDeployment, MachineSet, two templates); a MachinePool makes four whatever its size; with MachinePool
 * Machines it adds a Machine and an InfraMachine per instance.
 */
class ObjectsCommandTest {
  @ParameterizedTest(name = "{0} x{1}")
  @CsvSource({
      "docker, 3, 16, 4, 10",
      "azure, 20, 84, 4, 44",
      "aws, 20, 84, 4, 44",
  })
  void countsPerOwnershipModel(String provider, int replicas, int md, int mp, int mpm) {
    RolloutTraceCommandTest.Result r = RolloutTraceCommandTest.run("objects", "--provider", provider,
        "--replicas", String.valueOf(replicas));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("total: MachineDeployment=" + md + " MachinePool=" + mp + " MachinePoolMachines=" + mpm);
    assertThat(r.out()).contains(replicas + " Nodes Ready after the run");
  }

  @org.junit.jupiter.api.Test
  void anUnknownProviderIsAUsageError() {
    RolloutTraceCommandTest.Result r = RolloutTraceCommandTest.run("objects", "--provider", "nope");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("nope");
  }
}
