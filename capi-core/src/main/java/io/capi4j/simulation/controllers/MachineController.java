package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineInitializationStatus;
import io.capi4j.api.core.v1beta2.MachineNodeReference;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.external.Contracts;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.Reconciler;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simulated Machine controller (upstream {@code core/reconcilers/machine}, simplified): it takes bootstrap data
 * and the provider ID from the Machine's bootstrap config and InfraMachine, matches the Node by provider ID, sets
 * the v1beta2 conditions the MachineSet and MachineDeployment read (BootstrapConfigReady, InfrastructureReady,
 * NodeReady, NodeHealthy, Ready, Available with minReadySeconds, UpToDate) and the phase, and on deletion drains,
 * deletes the InfraMachine and bootstrap config, deletes the Node and removes its finalizer.
 */
public final class MachineController implements Reconciler {
  private final SimContext ctx;
  private final java.util.Map<ObjectKey, Instant> drainUntil = new java.util.HashMap<>();

  /** The index of Nodes by {@code spec.providerID} in the workload cluster. */
  public static final String NODE_PROVIDER_ID_INDEX = "Node.spec.providerID";

  public MachineController(SimContext ctx) {
    this.ctx = ctx;
    // Finding a Machine's Node by listing every Node would make each reconcile O(Nodes).
    ctx.workload().addIndex(NODE_PROVIDER_ID_INDEX, "Node", o -> o instanceof Node n && n.getSpec() != null
        && n.getSpec().getProviderID() != null ? List.of(n.getSpec().getProviderID()) : List.of());
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<Machine> found = ctx.management().get(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Machine m = found.get();
    Instant now = ctx.clock().instant();
    if (m.isDeleting()) {
      return reconcileDelete(key, m, now);
    }
    if (!hasFinalizer(m)) {
      ctx.management().update(Meta.withMeta(m, b -> b.addToFinalizers(Capi.MACHINE_FINALIZER)));
      return Optional.empty();
    }
    MachineSpec spec = m.spec();
    MachineStatus status = m.statusOrEmpty();
    MachineInitializationStatus init = status.initialization().orElse(MachineInitializationStatus.builder().build());
    boolean bootstrapReady = spec.bootstrap().flatMap(b -> b.dataSecretName()).isPresent();
    // Bootstrap.
    if (spec.bootstrapOrEmpty().hasConfigRef() && spec.bootstrapOrEmpty().dataSecretName().isEmpty()) {
      ContractVersionedObjectReference ref = spec.bootstrapOrEmpty().configRef().get();
      Optional<Object> cfg = ctx.management().get(new ObjectKey(ref.kind(), m.namespace(), ref.name()));
      if (cfg.isPresent()) {
        adopt(cfg.get(), m);
        if (Contracts.dataSecretCreated(cfg.get()) && Contracts.dataSecretName(cfg.get()).isPresent()) {
          spec = spec.withBootstrap(spec.bootstrapOrEmpty().withDataSecretName(Contracts.dataSecretName(cfg.get()).get()));
          init = init.withBootstrapDataSecretCreated(true);
          bootstrapReady = true;
        }
      }
    } else if (bootstrapReady) {
      init = spec.bootstrapOrEmpty().hasConfigRef() ? init.withBootstrapDataSecretCreated(true) : init;
    }
    // Infrastructure.
    boolean infraReady = init.infrastructureProvisioned().orElse(false);
    ContractVersionedObjectReference infraRef = spec.infrastructureRefOrEmpty();
    Optional<Object> infra = ctx.management().get(new ObjectKey(infraRef.kind(), m.namespace(), infraRef.name()));
    if (infra.isPresent()) {
      adopt(infra.get(), m);
      if (Contracts.provisioned(infra.get()) && Contracts.providerID(infra.get()).isPresent()) {
        spec = spec.withProviderID(Contracts.providerID(infra.get()).get());
        init = init.withInfrastructureProvisioned(true);
        infraReady = true;
      }
    }
    // Node.
    Optional<Node> node = spec.providerID().isEmpty() ? Optional.empty() : nodeByProviderID(spec.providerID());
    String nodeName = status.nodeName();
    if (node.isPresent() && nodeName.isEmpty()) {
      nodeName = node.get().getMetadata().getName();
    }
    boolean nodeReady = node.map(MachineController::isNodeReady).orElse(false);
    List<Condition> conds = status.conditions();
    conds = Conditions.set(conds, cond(Capi.Conditions.BOOTSTRAP_CONFIG_READY, bootstrapReady, now));
    conds = Conditions.set(conds, cond(Capi.Conditions.INFRASTRUCTURE_READY, infraReady, now));
    conds = Conditions.set(conds, cond(Capi.Conditions.NODE_READY, nodeReady, now));
    conds = Conditions.set(conds, cond(Capi.Conditions.NODE_HEALTHY, nodeReady, now));
    boolean healthCheckOk = !Conditions.isFalse(conds, Capi.Conditions.HEALTH_CHECK_SUCCEEDED);
    boolean ready = bootstrapReady && infraReady && nodeReady && healthCheckOk;
    conds = Conditions.set(conds, cond(Capi.Conditions.READY, ready, now));
    Optional<Duration> requeue = Optional.empty();
    boolean available = false;
    if (ready) {
      Instant readySince = Conditions.lastTransitionTime(conds, Capi.Conditions.READY).orElse(now);
      Instant availableAt = readySince.plusSeconds(spec.minReadySeconds().orElse(0));
      available = !availableAt.isAfter(now);
      if (!available) {
        requeue = Optional.of(Duration.between(now, availableAt));
      }
    }
    conds = Conditions.set(conds, cond(Capi.Conditions.AVAILABLE, available, now));
    Optional<Boolean> upToDate = upToDate(m);
    if (upToDate.isPresent()) {
      conds = Conditions.set(conds, cond(Capi.Conditions.UP_TO_DATE, upToDate.get(), now));
    }
    String phase = phase(status.phase(), init, spec, nodeName);
    io.capi4j.api.core.v1beta2.ImmutableMachineStatus.Builder sb = MachineStatus.builder().from(status).conditions(conds).initialization(init).phase(phase)
        .observedGeneration(1L);
    if (!nodeName.isEmpty()) {
      sb.nodeRef(MachineNodeReference.of(nodeName));
      node.map(n -> n.getStatus() == null ? null : n.getStatus().getNodeInfo()).ifPresent(sb::nodeInfo);
    }
    Machine updated = m.withSpec(spec).withStatus(sb.build());
    if (!updated.equals(m)) {
      ctx.management().update(updated);
    }
    return requeue;
  }

  private Optional<Duration> reconcileDelete(ObjectKey key, Machine m, Instant now) {
    if (!m.statusOrEmpty().nodeName().isEmpty()
        && !m.annotations().containsKey(Capi.EXCLUDE_NODE_DRAINING_ANNOTATION)) {
      Instant until = drainUntil.computeIfAbsent(key, k -> now.plus(ctx.profile().drain().sample(ctx.random())));
      if (now.isBefore(until)) {
        return Optional.of(Duration.between(now, until));
      }
    }
    ContractVersionedObjectReference infraRef = m.spec().infrastructureRefOrEmpty();
    ObjectKey infraKey = new ObjectKey(infraRef.kind(), m.namespace(), infraRef.name());
    if (ctx.management().get(infraKey).isPresent()) {
      ctx.management().delete(infraKey);
      return Optional.of(Duration.ofSeconds(5));
    }
    Optional<ContractVersionedObjectReference> cfgRef = m.spec().bootstrapOrEmpty().configRef();
    if (cfgRef.isPresent()) {
      ObjectKey cfgKey = new ObjectKey(cfgRef.get().kind(), m.namespace(), cfgRef.get().name());
      if (ctx.management().get(cfgKey).isPresent()) {
        ctx.management().delete(cfgKey);
        return Optional.of(Duration.ofSeconds(1));
      }
    }
    String nodeName = m.statusOrEmpty().nodeName();
    if (!nodeName.isEmpty()) {
      ctx.workload().delete(new ObjectKey("Node", "", nodeName));
    }
    drainUntil.remove(key);
    List<String> finalizers = new ArrayList<>(m.metadata().getFinalizers());
    finalizers.remove(Capi.MACHINE_FINALIZER);
    ctx.management().update(Meta.withMeta(m, b -> b.withFinalizers(finalizers)));
    return Optional.empty();
  }

  /** Makes the Machine the controller owner of its bootstrap config or InfraMachine, as upstream does. */
  private void adopt(Object o, Machine m) {
    ObjectMeta meta = Meta.meta(o);
    boolean owned = meta.getOwnerReferences() != null && meta.getOwnerReferences().stream()
        .anyMatch(r -> "Machine".equals(r.getKind()) && m.name().equals(r.getName()));
    if (owned) {
      return;
    }
    List<OwnerReference> refs = new ArrayList<>();
    if (meta.getOwnerReferences() != null) {
      for (OwnerReference r : meta.getOwnerReferences()) {
        if (!(MachineSet.KIND.equals(r.getKind()))) {
          refs.add(r);
        }
      }
    }
    refs.add(Meta.ownerRef(m, true));
    ctx.management().update(Meta.withMeta(o, b -> b.withOwnerReferences(refs)));
  }

  /** UpToDate for Machines of a MachineSet of a MachineDeployment: the MachineSet's template is the MD's. */
  private Optional<Boolean> upToDate(Machine m) {
    Optional<OwnerReference> owner = Meta.controller(m).filter(r -> MachineSet.KIND.equals(r.getKind()));
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    Optional<MachineSet> ms = ctx.management().get(MachineSet.class, MachineSet.KIND, m.namespace(), owner.get().getName());
    if (ms.isEmpty()) {
      return Optional.empty();
    }
    String mdName = ms.get().labels().get(Capi.MACHINE_DEPLOYMENT_NAME_LABEL);
    if (mdName == null) {
      return Optional.empty();
    }
    Optional<MachineDeployment> md = ctx.management().get(MachineDeployment.class, MachineDeployment.KIND, m.namespace(), mdName);
    return md.map(d -> TemplateComparison.upToDate(ms.get().spec().templateOrEmpty().specOrEmpty(),
        d.spec().templateOrEmpty().specOrEmpty()));
  }

  /** The first Node (in key order) with this provider ID. */
  private Optional<Node> nodeByProviderID(String providerID) {
    for (Object o : ctx.workload().byIndex(NODE_PROVIDER_ID_INDEX, providerID)) {
      if (o instanceof Node n) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  static boolean isNodeReady(Node n) {
    return n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean hasFinalizer(Machine m) {
    return m.metadata().getFinalizers() != null && m.metadata().getFinalizers().contains(Capi.MACHINE_FINALIZER);
  }

  private static Condition cond(String type, boolean ok, Instant now) {
    return Conditions.of(type, ok ? Conditions.TRUE : Conditions.FALSE, ok ? type : "Not" + type, "", now);
  }

  /** Upstream's phase chain: independent ifs, the last one that matches wins. */
  static String phase(String current, MachineInitializationStatus init, MachineSpec spec, String nodeName) {
    String phase = current.isEmpty() ? MachineStatus.PHASE_PENDING : current;
    boolean infra = init.infrastructureProvisioned().orElse(false);
    if (init.bootstrapDataSecretCreated().orElse(false) && !infra) {
      phase = MachineStatus.PHASE_PROVISIONING;
    }
    if (!spec.providerID().isEmpty()) {
      phase = MachineStatus.PHASE_PROVISIONED;
    }
    if (!nodeName.isEmpty() && infra) {
      phase = MachineStatus.PHASE_RUNNING;
    }
    return phase;
  }
}
