package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.external.Contracts;
import io.capi4j.machinepool.MachinePoolInput;
import io.capi4j.machinepool.MachinePoolMemory;
import io.capi4j.machinepool.MachinePoolPlan;
import io.capi4j.machinepool.MachinePoolPlanner;
import io.capi4j.machinepool.MachinePoolRemediationInput;
import io.capi4j.machinepool.MachinePoolRemediationPlan;
import io.capi4j.machinepool.MachinePoolRemediationPlanner;
import io.capi4j.conditions.Conditions;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.Reconciler;
import io.capi4j.spi.PoolPlan;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The MachinePool controller of a simulation: owns the bootstrap config and the InfraMachinePool, gathers the
 * MachinePool's inputs (including the instances the pool provider reported in its last plan), runs capi4j's
 * {@link MachinePoolPlanner} and applies its plan. Then, for a pool with MachinePool Machines, it runs capi4j's
 * {@link MachinePoolRemediationPlanner} (beyond upstream) on the Machines a MachineHealthCheck marked and applies it:
 * the {@code OwnerRemediated} patches, then the Machine deletions, which the pool provider turns into instance
 * deletions and replacements.
 */
public final class MachinePoolController implements Reconciler {
  private final SimContext ctx;
  private final Function<ObjectKey, Optional<PoolPlan>> lastPoolPlan;

  private final java.util.function.Consumer<String> observer;
  /** Each MachinePool's planner memory (what it derived from objects that have not changed since). */
  private final java.util.Map<ObjectKey, MachinePoolMemory> memories = new java.util.HashMap<>();

  public MachinePoolController(SimContext ctx, Function<ObjectKey, Optional<PoolPlan>> lastPoolPlan) {
    this(ctx, lastPoolPlan, s -> { });
  }

  /**
   * @param observer gets one line per remediation change (condition patch or Machine deletion) with its reason,
   *     prefixed with the MachinePool's name
   */
  public MachinePoolController(SimContext ctx, Function<ObjectKey, Optional<PoolPlan>> lastPoolPlan,
      java.util.function.Consumer<String> observer) {
    this.ctx = ctx;
    this.lastPoolPlan = lastPoolPlan;
    this.observer = observer;
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<MachinePool> found = ctx.management().get(key);
    if (found.isEmpty()) {
      memories.remove(key);
      return Optional.empty();
    }
    MachinePool mp = found.get();
    String ns = mp.namespace();
    var tspec = mp.spec().templateOrEmpty().specOrEmpty();
    Optional<Object> bootstrap = tspec.bootstrapOrEmpty().configRef()
        .flatMap(r -> ctx.management().<Object>get(new ObjectKey(r.kind(), ns, r.name())));
    ContractVersionedObjectReference infraRef = tspec.infrastructureRefOrEmpty();
    ObjectKey poolKey = new ObjectKey(infraRef.kind(), ns, infraRef.name());
    Optional<Object> pool = ctx.management().get(poolKey);
    bootstrap.ifPresent(b -> own(b, mp));
    pool.ifPresent(p -> own(p, mp));
    bootstrap = tspec.bootstrapOrEmpty().configRef().flatMap(r -> ctx.management().<Object>get(new ObjectKey(r.kind(), ns, r.name())));
    pool = ctx.management().get(poolKey);
    String poolLabel = KubernetesNames.mustFormatValue(mp.name());
    List<Object> infraMachines = pool.flatMap(Contracts::infrastructureMachineKind)
        .map(kind -> PoolMembers.infraMachines(ctx.management(), kind, ns, poolLabel, false))
        .orElse(List.of());
    List<Machine> machines = PoolMembers.machines(ctx.management(), ns, poolLabel);
    Optional<PoolPlan> last = lastPoolPlan.apply(poolKey);
    MachinePoolPlan plan = MachinePoolPlanner.plan(MachinePoolInput.builder()
        .machinePool(mp)
        .cluster(ctx.cluster())
        .bootstrapConfig(bootstrap)
        .infraMachinePool(pool)
        .infraMachines(infraMachines)
        .machines(machines)
        .nodes(ctx.workload().list(Node.class, "Node"))
        .poolInstances(last.map(PoolPlan::instances))
        .externalReplicas(last.flatMap(PoolPlan::replicasToCopyBack))
        .now(ctx.clock().instant())
        .memory(memories.computeIfAbsent(key, k -> MachinePoolMemory.create()))
        .build());
    apply(mp, plan);
    boolean remediationFailed = remediate(key, pool.flatMap(Contracts::infrastructureMachineKind).isPresent());
    if (!plan.errors().isEmpty()) {
      return Optional.of(Duration.ofSeconds(1));
    }
    return remediationFailed ? Optional.of(Duration.ofSeconds(10)) : plan.requeueAfter();
  }

  /** capi4j: remediates the MachinePool Machines a MachineHealthCheck marked. Returns whether it failed. */
  private boolean remediate(ObjectKey key, boolean machinePoolMachines) {
    Optional<MachinePool> mp = ctx.management().get(key);
    if (mp.isEmpty()) {
      return false;
    }
    MachinePoolRemediationPlan r = MachinePoolRemediationPlanner.plan(MachinePoolRemediationInput.builder()
        .machinePool(mp.get())
        // The planner only looks at the pool's Machines (its label, the MachinePool's namespace).
        .machines(PoolMembers.machines(ctx.management(), mp.get().namespace(),
            KubernetesNames.mustFormatValue(mp.get().name())))
        .machinePoolMachines(machinePoolMachines)
        .now(ctx.clock().instant())
        .memory(memories.computeIfAbsent(key, k -> MachinePoolMemory.create()))
        .build());
    for (MachinePoolRemediationPlan.ConditionPatch c : r.conditionPatches()) {
      ctx.management().get(Machine.class, Machine.KIND, key.namespace(), c.machineName()).ifPresent(m -> {
        var status = m.statusOrEmpty();
        var conds = c.condition().map(x -> Conditions.set(status.conditions(), x))
            .orElse(Conditions.delete(status.conditions(), c.type()));
        Machine patched = m.withStatus(status.withConditions(conds));
        if (!patched.equals(m)) {
          ctx.management().update(patched);
          observer.accept(key.name() + ": " + c.reason());
        }
      });
    }
    for (MachinePoolPlan.MachineDeletion d : r.machinesToDelete()) {
      ctx.management().delete(new ObjectKey(Machine.KIND, key.namespace(), d.machineName()));
      observer.accept(key.name() + ": delete Machine " + d.machineName() + ": " + d.reason());
    }
    r.errors().forEach(e -> observer.accept(key.name() + ": error: " + e));
    return !r.errors().isEmpty();
  }

  private void apply(MachinePool mp, MachinePoolPlan plan) {
    for (MachinePoolPlan.MachineWrite w : plan.machinesToCreate()) {
      if (ctx.management().get(ObjectKey.of(w.machine())).isEmpty()) {
        ctx.management().create(w.machine());
      }
    }
    for (MachinePoolPlan.MachineWrite w : plan.machinesToUpdate()) {
      Optional<Object> cur = ctx.management().get(ObjectKey.of(w.machine()));
      if (cur.isPresent() && !cur.get().equals(w.machine())) {
        ctx.management().update(w.machine());
      }
    }
    for (MachinePoolPlan.MachineDeletion d : plan.machinesToDelete()) {
      ctx.management().delete(new ObjectKey(Machine.KIND, mp.namespace(), d.machineName()));
    }
    for (MachinePoolPlan.NodeDeletion d : plan.nodesToDelete()) {
      ctx.workload().delete(new ObjectKey("Node", "", d.nodeName()));
    }
    for (MachinePoolPlan.NodePatch p : plan.nodePatches()) {
      ctx.workload().get(Node.class, "Node", "", p.nodeName()).ifPresent(n -> {
        NodeBuilder b = new NodeBuilder(n);
        b.editMetadata().addToAnnotations(p.annotations()).endMetadata();
        if (p.removeUninitializedTaint() && n.getSpec() != null && n.getSpec().getTaints() != null) {
          b.editSpec().withTaints(n.getSpec().getTaints().stream()
              .filter(t -> !Capi.NODE_UNINITIALIZED_TAINT_KEY.equals(t.getKey())).toList()).endSpec();
        }
        Node patched = b.build();
        if (!patched.equals(n)) {
          ctx.workload().update(patched);
        }
      });
    }
    for (MachinePoolPlan.ExternalDeletion d : plan.externalObjectsToDelete()) {
      ctx.management().delete(new ObjectKey(d.kind(), mp.namespace(), d.name()));
    }
    MachinePool current = ctx.management().get(MachinePool.class, MachinePool.KIND, mp.namespace(), mp.name()).orElse(null);
    MachinePool desired = plan.machinePool();
    if (plan.removeFinalizer()) {
      List<String> fin = new ArrayList<>(desired.metadata().getFinalizers());
      fin.remove(Capi.MACHINE_POOL_FINALIZER);
      desired = Meta.withMeta(desired, b -> b.withFinalizers(fin));
    }
    if (current != null && !desired.equals(current)) {
      ctx.management().update(desired);
    }
  }

  /** Upstream's {@code reconcileExternal}: the MachinePool becomes the controller owner, with the cluster label. */
  private void own(Object o, MachinePool mp) {
    var meta = Meta.meta(o);
    boolean owned = meta.getOwnerReferences() != null && meta.getOwnerReferences().stream()
        .anyMatch(r -> MachinePool.KIND.equals(r.getKind()) && mp.name().equals(r.getName()));
    boolean labelled = meta.getLabels() != null && mp.spec().clusterName().equals(meta.getLabels().get(Capi.CLUSTER_NAME_LABEL));
    if (owned && labelled) {
      return;
    }
    OwnerReference ref = Meta.ownerRef(mp, true);
    ctx.management().update(Meta.withMeta(o, b -> {
      if (!owned) {
        b.addToOwnerReferences(ref);
      }
      return b.addToLabels(Capi.CLUSTER_NAME_LABEL, mp.spec().clusterName());
    }));
  }
}
