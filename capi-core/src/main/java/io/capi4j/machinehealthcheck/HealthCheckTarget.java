package io.capi4j.machinehealthcheck;

import io.capi4j.api.core.v1beta2.Machine;
import io.fabric8.kubernetes.api.model.Node;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One Machine watched by a MachineHealthCheck, with its Node (upstream {@code healthCheckTarget}).
 *
 * <p>{@link #node()} is empty when the Machine has no {@code status.nodeRef}, when the workload cluster cannot be
 * read yet (its control plane is not initialized), or when the referenced Node does not exist; only the last case
 * sets {@link #nodeMissing()}. The Node is fabric8's mutable class: it is never changed here, and callers must not
 * change it either.
 */
@Value.Immutable
public abstract class HealthCheckTarget {
  public abstract Machine machine();

  public abstract Optional<Node> node();

  /** The Machine has a {@code status.nodeRef}, but that Node does not exist in the workload cluster. */
  @Value.Default
  public boolean nodeMissing() {
    return false;
  }

  /** The Machine's name. */
  public String name() {
    return machine().name();
  }

  /** {@code status.nodeRef.name}, or {@code ""}. */
  public String nodeName() {
    return machine().status().map(s -> s.nodeName()).orElse("");
  }

  public static HealthCheckTarget of(Machine machine, Optional<Node> node, boolean nodeMissing) {
    return ImmutableHealthCheckTarget.builder().machine(machine).node(node).nodeMissing(nodeMissing).build();
  }

  /** A target with its Node. */
  public static HealthCheckTarget of(Machine machine, Node node) {
    return of(machine, Optional.of(node), false);
  }

  /** A target without a Node (none yet, or the cluster cannot be read). */
  public static HealthCheckTarget withoutNode(Machine machine) {
    return of(machine, Optional.empty(), false);
  }

  /** A target whose Node was deleted. */
  public static HealthCheckTarget nodeDeleted(Machine machine) {
    return of(machine, Optional.empty(), true);
  }
}
