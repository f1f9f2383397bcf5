package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.external.Contracts;
import io.capi4j.machinepool.MachinePoolInput;
import io.capi4j.machinepool.MachinePoolPlan;
import io.capi4j.machinepool.MachinePoolPlanner;
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
 * {@link MachinePoolPlanner} and applies its plan.
 */
public final class MachinePoolController implements Reconciler {
  private final SimContext ctx;
  private final Function<ObjectKey, Optional<PoolPlan>> lastPoolPlan;

  public MachinePoolController(SimContext ctx, Function<ObjectKey, Optional<PoolPlan>> lastPoolPlan) {
    this.ctx = ctx;
    this.lastPoolPlan = lastPoolPlan;
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<MachinePool> found = ctx.management().get(key);
    if (found.isEmpty()) {
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
        .map(kind -> ctx.management().list(kind).stream()
            .filter(o -> ns.equals(Meta.meta(o).getNamespace()) && Meta.meta(o).getLabels() != null
                && poolLabel.equals(Meta.meta(o).getLabels().get(Capi.MACHINE_POOL_NAME_LABEL)))
            .toList())
        .orElse(List.of());
    List<Machine> machines = ctx.management().list(Machine.class, Machine.KIND).stream()
        .filter(m -> m.namespace().equals(ns) && poolLabel.equals(m.labels().get(Capi.MACHINE_POOL_NAME_LABEL)))
        .toList();
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
        .build());
    apply(mp, plan);
    return plan.errors().isEmpty() ? plan.requeueAfter() : Optional.of(Duration.ofSeconds(1));
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
