package io.capi4j.machinedeployment;

import java.util.Objects;

/**
 * The name of a MachineSet about to be created and the random suffix it ends with. Upstream also puts the suffix in
 * the {@code machine-template-hash} label ({@code <template hash>-<suffix>}), so that two MachineSets with the same
 * template (after a {@code spec.rollout.after} rollout) never share a selector.
 *
 * @param name the MachineSet name, at most 63 characters
 * @param suffix the random part, also used in the unique label value; may be empty
 */
public record NewMachineSetName(String name, String suffix) {
  public NewMachineSetName {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(suffix, "suffix");
  }
}
