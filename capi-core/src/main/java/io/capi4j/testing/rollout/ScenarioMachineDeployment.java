package io.capi4j.testing.rollout;

import java.util.Objects;

/**
 * The MachineDeployment of a scenario: its name, the version that stands for its whole machine template, and its
 * {@code spec.replicas}.
 */
public record ScenarioMachineDeployment(String name, String version, int replicas) {
  public ScenarioMachineDeployment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /** A MachineDeployment named {@code md}. */
  public static ScenarioMachineDeployment of(String version, int replicas) {
    return new ScenarioMachineDeployment("md", version, replicas);
  }
}
