package io.capi4j.machinehealthcheck;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The targets of a MachineHealthCheck ({@code getTargetsFromMHC}): the selected Machines in the order they were
 * given, the ones skipped because of an annotation, or an error when the selector cannot be used.
 */
@Value.Immutable
public abstract class TargetSelection {
  public abstract List<HealthCheckTarget> targets();

  public abstract List<SkippedMachine> skipped();

  /** Upstream's error text when no target could be computed; then {@link #targets()} is empty. */
  public abstract Optional<String> error();

  /** The targets' Machine names, sorted, as {@code status.targets} lists them. */
  public List<String> sortedNames() {
    return targets().stream().map(HealthCheckTarget::name).sorted().toList();
  }
}
