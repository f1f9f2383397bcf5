package io.capi4j.providers.azure.vmss;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The machines CAPZ's {@code SelectMachinesToDelete} picks, in the order picked, and why.
 *
 * @param machines the machines whose owner Machine is to be deleted; empty when there is nothing to do
 * @param reason which step of the procedure decided, in words
 * @param error present when the strategy could not be evaluated (a malformed maxUnavailable); then nothing is picked
 */
public record DeleteSelection(List<PoolMachine> machines, String reason, Optional<String> error) {
  public DeleteSelection {
    machines = List.copyOf(machines);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(error, "error");
  }

  static DeleteSelection of(List<PoolMachine> machines, String reason) {
    return new DeleteSelection(machines, reason, Optional.empty());
  }

  static DeleteSelection failed(String error) {
    return new DeleteSelection(List.of(), "cannot evaluate the strategy", Optional.of(error));
  }

  /** The names of the picked machines, in order. */
  public List<String> names() {
    return machines.stream().map(PoolMachine::name).toList();
  }
}
