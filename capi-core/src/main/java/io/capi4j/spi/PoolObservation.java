package io.capi4j.spi;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.ScalingGroup;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.immutables.value.Value;

/**
 * What a pool provider sees when it reconciles one InfraMachinePool: the MachinePool, its own pool object and
 * per-instance objects (as decoded: the provider's typed classes, or fabric8 {@code GenericKubernetesResource}),
 * the cloud's scaling group, the pool's Machines and the workload cluster's Nodes, and the time.
 */
@Value.Immutable
public abstract class PoolObservation {
  public abstract MachinePool machinePool();

  /** The InfraMachinePool object (e.g. an AzureMachinePool). */
  public abstract Object infraPool();

  /** The provider's per-instance objects (e.g. AzureMachinePoolMachines), if it has any. */
  public abstract List<Object> infraMachines();

  /** The scaling group as the cloud reports it, or empty when it does not exist yet. */
  public abstract Optional<ScalingGroup> scalingGroup();

  /** The CAPI Machines of the pool (MachinePool Machines), if the provider supports them. */
  public abstract List<Machine> machines();

  public abstract List<Node> nodes();

  /**
   * The name of the bootstrap data Secret the pool's instances boot from ({@code spec.template.spec.bootstrap
   * .dataSecretName}), if created. Providers put it, or a hash of its data, into the instance model.
   */
  public abstract Optional<String> bootstrapDataSecretName();

  public abstract Instant now();

  /**
   * Whether MachinePool Machines are on: one CAPI Machine and one provider object per instance. CAPZ always has
   * them; CAPA has them behind its {@code MachinePoolMachines} feature gate. Defaults to true.
   */
  @Value.Default
  public boolean machinePoolMachines() {
    return true;
  }

  /** The random source for "Random" choices, seeded by the caller. */
  @Value.Auxiliary
  public abstract RandomGenerator random();

  /**
   * The pool's {@link PlannerMemory}, where the planner may keep what it derived from unchanged objects; the plan is
   * the same without it. Not part of the observation's value.
   */
  @Value.Auxiliary
  public abstract Optional<PlannerMemory> memory();

  public static ImmutablePoolObservation.Builder builder() {
    return ImmutablePoolObservation.builder();
  }
}
