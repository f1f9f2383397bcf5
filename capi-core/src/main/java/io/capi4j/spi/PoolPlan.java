package io.capi4j.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a pool provider decides for one reconcile of its InfraMachinePool: the pool object to write back (with
 * its contract status: {@code spec.providerIDList}, {@code status.replicas}, readiness,
 * {@code status.infrastructureMachineKind}), the cloud actions, the per-instance objects to create or delete, the
 * CAPI Machines to delete (so that CAPI drains their Nodes first), and when to look again. Every decision carries
 * its reason in {@link #steps()}.
 */
@Value.Immutable
public abstract class PoolPlan {
  /** The InfraMachinePool as the provider writes it back. */
  public abstract Object infraPool();

  public abstract List<CloudAction> cloudActions();

  /** Per-instance provider objects to create or update (e.g. AzureMachinePoolMachines). */
  public abstract List<Object> infraMachinesToApply();

  /** Names of per-instance provider objects to delete. */
  public abstract List<String> infraMachinesToDelete();

  /** CAPI Machines (by name) to delete, each with its reason. */
  public abstract List<MachineDeletion> machinesToDelete();

  /** The instances as the provider sees them, for the MachinePool's truthful status. */
  public abstract List<PoolInstance> instances();

  /** When the replicas are managed outside CAPI (autoscaler): the value to copy into the MachinePool's spec. */
  public abstract Optional<Integer> replicasToCopyBack();

  public abstract Optional<Duration> requeueAfter();

  /** Every decision, in order, with its reason. */
  public abstract List<String> steps();

  public static ImmutablePoolPlan.Builder builder() {
    return ImmutablePoolPlan.builder();
  }

  /** A Machine to delete and why. */
  @Value.Immutable
  public abstract static class MachineDeletion {
    @Value.Parameter
    public abstract String machineName();

    @Value.Parameter
    public abstract String reason();

    public static MachineDeletion of(String machineName, String reason) {
      return ImmutableMachineDeletion.of(machineName, reason);
    }
  }
}
