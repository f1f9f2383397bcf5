package io.capi4j.testing.rollout;

import java.util.List;
import java.util.Objects;

/**
 * A MachineSet at the start of a scenario: name {@code ms<N>}, the version of its template, {@code spec.replicas},
 * and the names ({@code m<N>}) of the Machines it owns. Its status starts at {@code replicas = available =
 * spec.replicas}, 0 up to date, even when that differs from the number of Machines.
 */
public record ScenarioMachineSet(String name, String version, int replicas, List<String> machines) {
  public ScenarioMachineSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    machines = List.copyOf(machines);
  }

  public static ScenarioMachineSet of(String name, String version, int replicas, String... machines) {
    return new ScenarioMachineSet(name, version, replicas, List.of(machines));
  }
}
