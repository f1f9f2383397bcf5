package io.capi4j.machinepool;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.conditions.Conditions;
import io.capi4j.external.Contracts;
import io.capi4j.machinepool.MachinePoolPlan.ExternalDeletion;
import io.capi4j.machinepool.MachinePoolPlan.MachineWrite;
import io.capi4j.machinepool.MachinePoolPlan.NodeDeletion;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Upstream's MachinePool reconcile ({@code core/reconcilers/machinepool}) as a pure function.
 *
 * <p>One call is one reconcile. In order, as upstream's {@code Reconcile} and {@code doReconcile}:
 *
 * <ol>
 *   <li>the Cluster must exist (unless the MachinePool is being deleted) and the finalizer
 *       {@code machinepool.cluster.x-k8s.io} is added first, alone, as upstream does;
 *   <li>a paused Cluster or MachinePool only gets the {@code Paused} condition;
 *   <li>a deleting MachinePool deletes its bootstrap config and InfraMachinePool, waits for them, deletes its
 *       retired Nodes unless {@code nodeDeletionTimeoutSeconds} has passed, and lets its finalizer go;
 *   <li>otherwise: the {@code cluster-name} label and Cluster owner reference; the bootstrap data secret name; the
 *       InfraMachinePool's provider IDs and replicas; the MachinePool Machines; the node references (retired Nodes,
 *       Node annotations and taint); the Machines' {@code UpToDate} condition. Every phase runs even after an earlier
 *       one failed; requeues are merged (lowest wins) only while no phase failed;
 *   <li>finally the status (by {@link StatusPolicy}) and the phase (last applicable rule wins).
 * </ol>
 *
 * <p>capi4j additions, each visible in the plan's steps: orphan Machines (their InfraMachine is gone) are deleted
 * here, where upstream leaves it to the pool provider ({@link MachinePoolOptions#deleteOrphanMachines()}); Machines
 * annotated {@code cluster.x-k8s.io/delete-machine} are reported in {@link MachinePoolPlan#instancesToRemove()} for
 * the pool provider; {@link MachinePoolPlan#replicaOwner()} says who owns {@code spec.replicas}, and externally
 * managed replicas reported by the provider are copied into the spec.
 *
 * <p>Not in the plan: owner references and labels on the bootstrap config and InfraMachinePool (upstream's
 * {@code reconcileExternal} sets them; the applier does), v1beta1 conditions, and events.
 */
public final class MachinePoolPlanner {
  private MachinePoolPlanner() {}

  /** How long to wait before looking again while not all replicas are ready (upstream's 30s). */
  public static final Duration NOT_READY_REQUEUE = NodeRefs.NOT_READY_REQUEUE;

  /** The decisions of one reconcile of {@code in.machinePool()}. */
  public static MachinePoolPlan plan(MachinePoolInput in) {
    PlanScope s = new PlanScope(in);
    MachinePool mp = in.machinePool();
    ReplicaOwner owner = replicaOwner(mp);

    if (in.cluster().isEmpty() && !mp.isDeleting()) {
      s.error("failed to get Cluster " + Phases.key(mp, mp.spec().clusterName()) + " for MachinePool " + mp.key()
          + ": not found");
      return build(s, owner);
    }
    if (!mp.isDeleting() && !orEmpty(mp.metadata().getFinalizers()).contains(Capi.MACHINE_POOL_FINALIZER)) {
      List<String> finalizers = new ArrayList<>(orEmpty(mp.metadata().getFinalizers()));
      finalizers.add(Capi.MACHINE_POOL_FINALIZER);
      s.mp = mp.withMetadata(new ObjectMetaBuilder(mp.metadata()).withFinalizers(finalizers).build());
      s.step("add the finalizer " + Capi.MACHINE_POOL_FINALIZER + " first, alone, so that deletion waits for cleanup");
      return build(s, owner);
    }
    Optional<String> paused = pausedMessage(in.cluster(), mp);
    s.status(s.status().withConditions(Conditions.set(s.status().conditions(), paused.isPresent()
        ? Conditions.of(Capi.Conditions.PAUSED, Conditions.TRUE, Capi.Reasons.PAUSED, paused.get(), in.now())
        : Conditions.of(Capi.Conditions.PAUSED, Conditions.FALSE, Capi.Reasons.NOT_PAUSED, "", in.now()))));
    if (paused.isPresent()) {
      s.step("paused: " + paused.get() + ": nothing else is reconciled");
      return build(s, owner);
    }

    if (mp.isDeleting()) {
      reconcileDelete(s);
    } else {
      reconcileOwnerAndLabels(s);
      reconcileReplicaOwner(s, owner);
      run(s, x -> {
        Phases.reconcileBootstrap(x);
        return Optional.empty();
      });
      run(s, x -> {
        Phases.reconcileInfrastructure(x);
        return Optional.empty();
      });
      machinesForMachinePool(s);
      run(s, x -> {
        PoolMachines.orphansAndRemovals(x);
        return Optional.empty();
      });
      run(s, NodeRefs::reconcile);
      run(s, x -> {
        PoolMachines.setUpToDate(x);
        return Optional.empty();
      });
    }

    // Deferred, as upstream's: status, then phase.
    PoolStatus.update(s);
    if (in.options().statusPolicy() == StatusPolicy.TRUTHFUL && s.errors.isEmpty()) {
      PoolStatus.nextAvailability(s).ifPresent(d -> {
        s.step("status: a Ready Node becomes available (minReadySeconds) in " + d.getSeconds() + "s: look again then");
        merge(s, Optional.of(d));
      });
    }
    String before = s.status().phase();
    String phase = Phases.phase(s.mp);
    if (!phase.equals(before)) {
      s.step("phase: " + (before.isEmpty() ? "" : before + " -> ") + phase);
    }
    s.status(s.status().withPhase(phase));
    return build(s, owner);
  }

  /** Runs one phase as upstream's {@code doReconcile}: every phase runs; requeues count only while none failed. */
  private static void run(PlanScope s, Function<PlanScope, Optional<Duration>> phase) {
    Optional<Duration> r = phase.apply(s);
    if (s.errors.isEmpty()) {
      merge(s, r);
    }
  }

  private static void merge(PlanScope s, Optional<Duration> r) {
    if (r.isPresent() && !r.get().isZero() && (s.requeue == null || r.get().compareTo(s.requeue) < 0)) {
      s.requeue = r.get();
    }
  }

  /** {@code reconcileSetOwnerAndLabels}: the {@code cluster-name} label and a (non-controller) Cluster owner. */
  private static void reconcileOwnerAndLabels(PlanScope s) {
    Cluster cluster = s.in.cluster().orElseThrow();
    ObjectMeta meta = s.mp.metadata();
    Map<String, String> labels = new LinkedHashMap<>(s.mp.labels());
    labels.put(Capi.CLUSTER_NAME_LABEL, s.mp.spec().clusterName());
    List<OwnerReference> owners = new ArrayList<>(orEmpty(meta.getOwnerReferences()));
    boolean owned = owners.stream().anyMatch(o -> Cluster.KIND.equals(o.getKind()) && cluster.name().equals(o.getName()));
    if (!owned) {
      owners.add(new OwnerReferenceBuilder().withApiVersion(Capi.API_VERSION).withKind(Cluster.KIND)
          .withName(cluster.name()).withUid(cluster.metadata().getUid()).build());
      s.step("owner: add Cluster " + cluster.name() + " as owner of the MachinePool");
    }
    if (!labels.equals(s.mp.labels()) || !owned) {
      s.mp = s.mp.withMetadata(new ObjectMetaBuilder(meta).withLabels(labels).withOwnerReferences(owners).build());
    }
  }

  /** capi4j: who owns the replicas; copy externally managed replicas reported by the provider. */
  private static void reconcileReplicaOwner(PlanScope s, ReplicaOwner owner) {
    MachinePool mp = s.mp;
    if (owner == ReplicaOwner.EXTERNAL) {
      s.step("replicas: managed outside Cluster API (" + Capi.REPLICAS_MANAGED_BY_ANNOTATION + "="
          + mp.annotations().get(Capi.REPLICAS_MANAGED_BY_ANNOTATION) + "): core only observes; phase Scaling while"
          + " they differ from the ready replicas");
      s.in.externalReplicas().filter(r -> !mp.spec().replicas().equals(Optional.of(r))).ifPresent(r -> {
        s.mp = s.mp.withSpec(s.mp.spec().withReplicas(r));
        s.step("replicas: set spec.replicas to " + r + ", as the infrastructure reports it"
            + mp.spec().replicas().map(x -> " (was " + x + ")").orElse(""));
      });
    } else if (owner == ReplicaOwner.AUTOSCALER) {
      Optional<Integer> min = intAnnotation(mp, Capi.AUTOSCALER_MIN_SIZE_ANNOTATION);
      Optional<Integer> max = intAnnotation(mp, Capi.AUTOSCALER_MAX_SIZE_ANNOTATION);
      int replicas = mp.spec().replicas().orElse(1);
      String bounds = "[" + min.map(String::valueOf).orElse("-") + ", " + max.map(String::valueOf).orElse("-") + "]";
      if (min.map(m -> replicas < m).orElse(false) || max.map(m -> replicas > m).orElse(false)) {
        s.step("replicas: spec.replicas=" + replicas + " is outside the autoscaler's bounds " + bounds
            + ": the cluster autoscaler will move it back into range");
      } else {
        s.step("replicas: owned by the cluster autoscaler within " + bounds);
      }
    }
  }

  /** Upstream's {@code reconcileDelete}. */
  private static void reconcileDelete(PlanScope s) {
    MachinePool mp = s.mp;
    MachineSpec t = mp.spec().templateOrEmpty().specOrEmpty();
    boolean waiting = false;
    if (t.bootstrapOrEmpty().hasConfigRef() && s.in.bootstrapConfig().isPresent()) {
      ContractVersionedObjectReference ref = t.bootstrapOrEmpty().configRef().orElseThrow();
      waiting = true;
      if (!Contracts.deleting(s.in.bootstrapConfig().get())) {
        s.externalDeletions.add(new ExternalDeletion(ref.kind(), ref.name(), "the MachinePool is being deleted"));
        s.step("delete: delete " + ref.kind() + " " + ref.name());
      }
    }
    if (s.in.infraMachinePool().isPresent()) {
      ContractVersionedObjectReference ref = t.infrastructureRefOrEmpty();
      s.infraMachinePool = s.in.infraMachinePool().get();
      waiting = true;
      if (!Contracts.deleting(s.in.infraMachinePool().get())) {
        s.externalDeletions.add(new ExternalDeletion(ref.kind(), ref.name(), "the MachinePool is being deleted"));
        s.step("delete: delete " + ref.kind() + " " + ref.name());
      }
    }
    if (waiting) {
      s.step("delete: waiting for the bootstrap config and infrastructure to be gone");
      return;
    }
    Optional<Integer> timeout = t.deletionOrEmpty().nodeDeletionTimeoutSeconds();
    Optional<Instant> deletedAt = Conditions.parseTime(mp.metadata().getDeletionTimestamp());
    boolean timedOut = timeout.isPresent() && timeout.get() != 0 && deletedAt.isPresent()
        && deletedAt.get().plusSeconds(timeout.get()).isBefore(s.in.now());
    if (timedOut) {
      s.step("delete: nodeDeletionTimeoutSeconds (" + timeout.get() + "s) has passed: leave the Nodes");
    } else if (!s.status().nodeRefs().isEmpty()) {
      if (!s.in.nodesListed()) {
        s.error("failed to get the workload cluster's Nodes to delete them");
        return;
      }
      for (NodeDeletion d : NodeRefs.retiredNodes(s.status().nodeRefs(), mp.spec().providerIDList(), s::nodeByName,
          "the MachinePool is being deleted and its provider ID is no longer in spec.providerIDList")) {
        s.nodeDeletions.add(d);
        s.step("delete: delete Node " + d.nodeName());
      }
    }
    s.removeFinalizer = true;
    s.step("delete: cleanup done: remove the finalizer " + Capi.MACHINE_POOL_FINALIZER);
  }

  /**
   * {@code getMachinesForMachinePool} as seen after this reconcile's writes: the pool's Machines with this plan's
   * patches, plus the ones it creates.
   */
  private static void machinesForMachinePool(PlanScope s) {
    List<Machine> out = new ArrayList<>();
    List<MachineFacts> facts = new ArrayList<>();
    for (MachineFacts f : MachineFacts.of(s.in.machines(), s)) {
      if (!f.poolMachine) {
        continue;
      }
      MachineWrite w = s.updates.isEmpty() ? null : s.updates.get(f.machine.name());
      out.add(w == null ? f.machine : w.machine());
      facts.add(w == null ? f : new MachineFacts(w.machine(), s));
    }
    s.creates.values().forEach(w -> {
      out.add(w.machine());
      facts.add(new MachineFacts(w.machine(), s));
    });
    s.machines(List.copyOf(out), facts);
  }

  static ReplicaOwner replicaOwner(MachinePool mp) {
    if (Phases.replicasManagedExternally(mp)) {
      return ReplicaOwner.EXTERNAL;
    }
    if (mp.annotations().containsKey(Capi.AUTOSCALER_MIN_SIZE_ANNOTATION)
        || mp.annotations().containsKey(Capi.AUTOSCALER_MAX_SIZE_ANNOTATION)) {
      return ReplicaOwner.AUTOSCALER;
    }
    return ReplicaOwner.USER;
  }

  private static Optional<Integer> intAnnotation(MachinePool mp, String key) {
    try {
      return mp.annotation(key).map(String::trim).map(Integer::parseInt);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Upstream's {@code paused.EnsurePausedCondition} messages, or empty when not paused. */
  private static Optional<String> pausedMessage(Optional<Cluster> cluster, MachinePool mp) {
    List<String> msgs = new ArrayList<>();
    if (cluster.map(c -> c.spec().isPaused()).orElse(false)) {
      msgs.add("Cluster spec.paused is set to true");
    }
    if (mp.annotations().containsKey(Capi.PAUSED_ANNOTATION)) {
      msgs.add("MachinePool has the " + Capi.PAUSED_ANNOTATION + " annotation");
    }
    return msgs.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", msgs));
  }

  private static MachinePoolPlan build(PlanScope s, ReplicaOwner owner) {
    MachinePool mp = s.mp;
    if (s.removeFinalizer) {
      List<String> finalizers = new ArrayList<>(orEmpty(mp.metadata().getFinalizers()));
      finalizers.remove(Capi.MACHINE_POOL_FINALIZER);
      mp = mp.withMetadata(new ObjectMetaBuilder(mp.metadata()).withFinalizers(finalizers).build());
    }
    return MachinePoolPlan.builder()
        .machinePool(mp)
        .machinesToCreate(s.creates.values())
        .machinesToUpdate(s.updates.values())
        .machinesToDelete(s.machineDeletions)
        .instancesToRemove(s.removals)
        .nodesToDelete(s.nodeDeletions)
        .nodePatches(s.nodePatches)
        .externalObjectsToDelete(s.externalDeletions)
        .removeFinalizer(s.removeFinalizer)
        .replicaOwner(owner)
        .requeueAfter(Optional.ofNullable(s.requeue))
        .errors(s.errors)
        .steps(s.steps)
        .build();
  }

  /** The phase a MachinePool gets from its current spec and status (upstream's {@code reconcilePhase}). */
  public static String phaseOf(MachinePool mp) {
    return Phases.phase(mp);
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
