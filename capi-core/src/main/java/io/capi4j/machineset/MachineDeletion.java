package io.capi4j.machineset;

import io.capi4j.api.core.v1beta2.Machine;
import java.util.Objects;

/**
 * A Machine the plan deletes.
 *
 * @param machine the Machine as it was given (the caller deletes it by namespace, name and uid)
 * @param reason why it is deleted
 */
public record MachineDeletion(Machine machine, String reason) {
  public MachineDeletion {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(reason, "reason");
  }
}
