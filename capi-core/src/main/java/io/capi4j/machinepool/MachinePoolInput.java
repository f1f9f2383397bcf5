package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.spi.PoolInstance;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything the MachinePool planner reads for one reconcile, as upstream's controller would fetch it. Provider
 * objects (the bootstrap config, the InfraMachinePool and its InfraMachines) may be any object the
 * {@link io.capi4j.external.Contracts} accessors can read: a typed provider value or a fabric8
 * {@code GenericKubernetesResource}.
 *
 * <p>The planner never changes these objects; fabric8 {@link Node}s are read only.
 */
@Value.Immutable
public abstract class MachinePoolInput {
  public abstract MachinePool machinePool();

  /** The MachinePool's Cluster ({@code spec.clusterName}); empty when it does not exist. */
  public abstract Optional<Cluster> cluster();

  /**
   * The object {@code spec.template.spec.bootstrap.configRef} names; empty when the pool has no configRef or the
   * object does not exist. Read through {@code Contracts.dataSecretCreated} and {@code Contracts.dataSecretName}.
   */
  public abstract Optional<Object> bootstrapConfig();

  /**
   * The object {@code spec.template.spec.infrastructureRef} names (the InfraMachinePool); empty when it does not
   * exist. Read through {@code Contracts.providerIDList}, {@code replicas}, {@code provisioned},
   * {@code infrastructureMachineKind} and {@code deleting}.
   */
  public abstract Optional<Object> infraMachinePool();

  /**
   * The per-instance InfraMachines of the pool (upstream lists {@code <infrastructureMachineKind>List} labelled with
   * the pool and cluster names). Objects of another kind, namespace or pool are ignored.
   */
  public abstract List<Object> infraMachines();

  /** The Machines of the namespace; those not labelled for this pool, or controlled by another owner, are ignored. */
  public abstract List<Machine> machines();

  /** Every Node of the workload cluster. */
  public abstract List<Node> nodes();

  /**
   * False when the workload cluster's Nodes could not be listed (upstream's nil {@code nodeRefMap}): the planner
   * then reports an error where upstream does and leaves the node references alone.
   */
  @Value.Default
  public boolean nodesListed() {
    return true;
  }

  /**
   * The pool's instances as its provider reports them ({@code PoolPlan.instances()}), for the
   * {@link StatusPolicy#TRUTHFUL} status; empty when the provider reports none.
   */
  public abstract Optional<List<PoolInstance>> poolInstances();

  /**
   * The replica count the pool provider reports when the replicas are managed outside Cluster API
   * ({@code PoolPlan.replicasToCopyBack()}); copied into {@code spec.replicas} only when the MachinePool carries a
   * truthy {@code cluster.x-k8s.io/replicas-managed-by} annotation.
   */
  public abstract Optional<Integer> externalReplicas();

  /** The time of this reconcile. */
  public abstract Instant now();

  /**
   * The pool's {@link MachinePoolMemory}: the planner then derives again only what changed since the pool's last
   * reconcile. The plan is the same without it. Not part of the input's value (equality, hash code, text).
   */
  @Value.Auxiliary
  public abstract Optional<MachinePoolMemory> memory();

  @Value.Default
  public MachinePoolOptions options() {
    return MachinePoolOptions.defaults();
  }

  public static ImmutableMachinePoolInput.Builder builder() {
    return ImmutableMachinePoolInput.builder();
  }
}
