package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/** What {@link MachinePoolRemediationPlanner} reads for one MachinePool (capi4j extension, see REMEDIATION.md). */
@Value.Immutable
public abstract class MachinePoolRemediationInput {
  public abstract MachinePool machinePool();

  /**
   * The Machines of the namespace. Only the pool's MachinePool Machines count: labelled
   * {@code cluster.x-k8s.io/pool-name} for this pool and controlled by this MachinePool.
   */
  public abstract List<Machine> machines();

  /**
   * Whether the pool has MachinePool Machines: its InfraMachinePool sets {@code status.infrastructureMachineKind}.
   * Without them there is nothing to remediate: instances are not Machines and a MachineHealthCheck cannot see them.
   */
  public abstract boolean machinePoolMachines();

  /** The time of this reconcile (the conditions' {@code lastTransitionTime}). */
  public abstract Instant now();

  /**
   * The pool's {@link MachinePoolMemory} (the one its {@link MachinePoolInput}s get): Machines that have not changed
   * are not read again. The plan is the same without it. Not part of the input's value.
   */
  @Value.Auxiliary
  public abstract java.util.Optional<MachinePoolMemory> memory();

  public static ImmutableMachinePoolRemediationInput.Builder builder() {
    return ImmutableMachinePoolRemediationInput.builder();
  }
}
