package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.Reconciler;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.PlannerMemory;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.util.KubernetesNames;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a provider's {@link PoolPlanner} as its InfraMachinePool controller: it gathers the observation (the
 * MachinePool, the pool object, the provider's per-instance objects, the scaling group through the port, the
 * pool's Machines and the Nodes), plans, and applies the plan: writes the pool object, carries out the cloud
 * actions, creates, updates and deletes per-instance objects, deletes Machines, copies replicas back.
 *
 * <p>A pool's scaling group is the one its planner created ({@link CloudAction.CreateGroup}); before that, the
 * group named after the InfraMachinePool, if any.
 */
public final class InfraMachinePoolController implements Reconciler {
  private final SimContext ctx;
  private final boolean machinePoolMachines;
  private final java.util.Map<ObjectKey, PoolPlan> latest = new java.util.HashMap<>();
  /** The scaling group of each pool, as its planner named it when it created the group. */
  private final java.util.Map<ObjectKey, String> groupIds = new java.util.HashMap<>();
  private final List<String> steps = new ArrayList<>();
  /** Each pool's planner memory (what its planner derived from objects that have not changed since). */
  private final java.util.Map<ObjectKey, PlannerMemory> memories = new java.util.HashMap<>();

  public InfraMachinePoolController(SimContext ctx, boolean machinePoolMachines) {
    this.ctx = ctx;
    this.machinePoolMachines = machinePoolMachines;
  }

  /** The last plan applied for a pool. */
  public Optional<PoolPlan> latest(ObjectKey pool) {
    return Optional.ofNullable(latest.get(pool));
  }

  /** Every step of every plan applied so far, prefixed with the time and the pool (for previews and reports). */
  public List<String> steps() {
    return List.copyOf(steps);
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<Object> found = ctx.management().get(key);
    if (found.isEmpty()) {
      memories.remove(key);
      return Optional.empty();
    }
    Object pool = found.get();
    Optional<InfrastructureProvider> provider = ctx.providers().owning(key.kind());
    Optional<PoolPlanner> planner = provider.flatMap(p -> p.poolPlanner(key.kind()));
    if (planner.isEmpty()) {
      return Optional.empty();
    }
    Optional<MachinePool> mp = owningMachinePool(key);
    if (mp.isEmpty()) {
      return Optional.of(Duration.ofSeconds(10));
    }
    String machineKind = provider.get().descriptor().poolKind(key.kind())
        .flatMap(ProviderDescriptor.PoolKind::machineKind).orElse("");
    String poolLabel = KubernetesNames.mustFormatValue(mp.get().name());
    List<Object> infraMachines = machineKind.isEmpty() ? List.of()
        : PoolMembers.infraMachines(ctx.management(), machineKind, key.namespace(), poolLabel, true);
    List<Machine> machines = PoolMembers.machines(ctx.management(), key.namespace(), poolLabel);
    Optional<ScalingGroup> group = ctx.groups().getGroup(groupIds.getOrDefault(key, key.name()));
    PoolObservation obs = PoolObservation.builder()
        .machinePool(mp.get())
        .infraPool(pool)
        .infraMachines(infraMachines)
        .scalingGroup(group)
        .machines(machines)
        .nodes(ctx.workload().list(Node.class, "Node"))
        .bootstrapDataSecretName(mp.get().spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().dataSecretName())
        .now(ctx.clock().instant())
        .random(ctx.random())
        .machinePoolMachines(machinePoolMachines)
        .memory(memories.computeIfAbsent(key, k -> PlannerMemory.create()))
        .build();
    PoolPlan plan = planner.get().plan(obs);
    latest.put(key, plan);
    for (String step : plan.steps()) {
      steps.add(ctx.clock().instant() + " " + key.name() + ": " + step);
    }
    apply(key, mp.get(), machineKind, plan);
    return plan.requeueAfter();
  }

  private void apply(ObjectKey key, MachinePool mp, String machineKind, PoolPlan plan) {
    if (!plan.infraPool().equals(ctx.management().get(key).orElse(null))) {
      ctx.management().update(plan.infraPool());
    }
    for (CloudAction a : plan.cloudActions()) {
      ctx.meter().charge(ctx.profile().cloudApiCall().sample(ctx.random()));
      if (a instanceof CloudAction.CreateGroup c) {
        groupIds.put(key, c.groupId());
        if (ctx.groups().getGroup(c.groupId()).isEmpty()) {
          ctx.groups().createGroup(c.groupId(), c.capacity(), c.model(), c.zones());
        }
      } else if (a instanceof CloudAction.SetCapacity c) {
        ctx.groups().setCapacity(c.groupId(), c.capacity());
      } else if (a instanceof CloudAction.UpdateModel u) {
        ctx.groups().updateModel(u.groupId(), u.model());
      } else if (a instanceof CloudAction.DeleteInstance d) {
        ctx.groups().deleteInstance(d.groupId(), d.instanceId(), d.decrementCapacity());
      } else if (a instanceof CloudAction.StartRollingReplacement s) {
        ctx.groups().startRollingReplacement(s.groupId(), s.minHealthyPercentage(), s.maxHealthyPercentage(),
            s.instanceWarmupSeconds());
      } else if (a instanceof CloudAction.CancelRollingReplacement c) {
        ctx.groups().cancelRollingReplacement(c.groupId());
      } else if (a instanceof CloudAction.DeleteGroup d) {
        ctx.groups().deleteGroup(d.groupId());
      }
    }
    for (Object o : plan.infraMachinesToApply()) {
      if (ctx.management().get(ObjectKey.of(o)).isPresent()) {
        ctx.management().update(o);
      } else {
        ctx.management().create(o);
      }
    }
    for (String name : plan.infraMachinesToDelete()) {
      ctx.management().delete(new ObjectKey(machineKind, key.namespace(), name));
    }
    for (PoolPlan.MachineDeletion d : plan.machinesToDelete()) {
      ctx.management().delete(new ObjectKey(Machine.KIND, key.namespace(), d.machineName()));
    }
    plan.replicasToCopyBack().ifPresent(r -> {
      MachinePool current = ctx.management().get(MachinePool.class, MachinePool.KIND, mp.namespace(), mp.name()).orElse(mp);
      if (!current.spec().replicas().equals(Optional.of(r))) {
        ctx.management().update(current.withSpec(current.spec().withReplicas(r)));
      }
    });
  }

  private Optional<MachinePool> owningMachinePool(ObjectKey key) {
    return ctx.management().list(MachinePool.class, MachinePool.KIND).stream()
        .filter(mp -> mp.namespace().equals(key.namespace()))
        .filter(mp -> {
          var ref = mp.spec().templateOrEmpty().specOrEmpty().infrastructureRefOrEmpty();
          return ref.kind().equals(key.kind()) && ref.name().equals(key.name());
        })
        .findFirst();
  }
}
