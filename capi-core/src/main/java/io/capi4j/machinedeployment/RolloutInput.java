package io.capi4j.machinedeployment;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.immutables.value.Value;

/**
 * Everything the rollout planner decides from: one MachineDeployment, the MachineSets it controls, their Machines,
 * the reconciliation time and the options the controller would have.
 *
 * <p>Obligations of the caller (upstream's controller guarantees them before planning):
 *
 * <ul>
 *   <li>the MachineDeployment is defaulted (strategy type, {@code maxSurge}/{@code maxUnavailable}, replicas);
 *   <li>{@link #machineSets()} are exactly the MachineSets controlled by the MachineDeployment, with unique names and
 *       their {@code machine-template-hash} label;
 *   <li>{@link #machines()} are the MachineDeployment's Machines (any order); Machines are matched to MachineSets by
 *       their controller owner reference.
 * </ul>
 *
 * <p>Nothing is mutated: fabric8 metadata objects inside the inputs are read, never changed.
 */
@Value.Immutable
public abstract class RolloutInput {
  /** The MachineDeployment, including {@code status} (read only for {@code observedGeneration}). */
  public abstract MachineDeployment machineDeployment();

  /** The MachineSets controlled by the MachineDeployment. */
  public abstract List<MachineSet> machineSets();

  /** The Machines of the MachineDeployment. */
  public abstract List<Machine> machines();

  /**
   * The reconciliation time: compared with {@code spec.rollout.after}, and the creation timestamp of a MachineSet the
   * plan creates.
   */
  public abstract Instant now();

  /** The {@code InPlaceUpdates} feature gate (alpha, default off upstream). */
  @Value.Default
  public boolean inPlaceUpdates() {
    return false;
  }

  /** Whether an old MachineSet can be updated in place; default "no" (upstream: no runtime extension registered). */
  @Value.Default
  public CanUpdateMachineSetInPlace canUpdateMachineSetInPlace() {
    return CanUpdateMachineSetInPlace.NEVER;
  }

  /**
   * Whether the MachineDeployment's infrastructure template (and bootstrap template, if any) exist. Without them the
   * planner refuses to create a MachineSet: {@code cannot create a MachineSet when templates do not exist}.
   */
  @Value.Default
  public boolean templatesExist() {
    return true;
  }

  /**
   * The random source of new MachineSet names ({@code <md>-<5 random chars>}), when no {@link #machineSetNamer()} is
   * given. One of the two is needed only when the plan creates a MachineSet.
   */
  public abstract Optional<RandomGenerator> random();

  /** Names new MachineSets instead of {@link #random()}. */
  public abstract Optional<MachineSetNamer> machineSetNamer();

  public static ImmutableRolloutInput.Builder builder() {
    return ImmutableRolloutInput.builder();
  }
}
