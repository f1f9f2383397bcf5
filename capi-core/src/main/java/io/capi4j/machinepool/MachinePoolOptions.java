package io.capi4j.machinepool;

import org.immutables.value.Value;

/** Knobs of the MachinePool planner. */
@Value.Immutable
public abstract class MachinePoolOptions {
  /** How counters and conditions are computed; {@link StatusPolicy#TRUTHFUL} unless set. */
  @Value.Default
  public StatusPolicy statusPolicy() {
    return StatusPolicy.TRUTHFUL;
  }

  /**
   * Whether core deletes MachinePool Machines whose InfraMachine is gone. Upstream leaves this to the pool providers
   * (the MachinePool Machines proposal: "the provider deletes the dangling Machine"); capi4j does it in core so that
   * a provider that forgets cannot leave Machines behind. On by default.
   */
  @Value.Default
  public boolean deleteOrphanMachines() {
    return true;
  }

  /** TRUTHFUL status and orphan deletion. */
  public static MachinePoolOptions defaults() {
    return builder().build();
  }

  /** Upstream's status, orphan deletion on. */
  public static MachinePoolOptions upstream() {
    return builder().statusPolicy(StatusPolicy.UPSTREAM).build();
  }

  public static ImmutableMachinePoolOptions.Builder builder() {
    return ImmutableMachinePoolOptions.builder();
  }
}
