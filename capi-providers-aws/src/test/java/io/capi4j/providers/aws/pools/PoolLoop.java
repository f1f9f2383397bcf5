package io.capi4j.providers.aws.pools;

import io.capi4j.api.CapiObject;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.aws.simulation.AwsSimulatedInfrastructure;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A pool planner driven against a {@link SimulatedCloud}, as a controller would: observe (MachinePool, pool object,
 * the group through the port), plan, apply the cloud actions through the port and keep the written-back pool, then
 * advance the virtual clock, event by event, to the next reconcile.
 */
final class PoolLoop {
  final VirtualClock clock = VirtualClock.create();
  final SimulatedCloud cloud;
  final PoolPlanner planner;
  MachinePool mp;
  Object pool;
  final List<PoolPlan> plans = new ArrayList<>();

  PoolLoop(CloudProfile profile, PoolPlanner planner, MachinePool mp, Object pool) {
    this.cloud = SimulatedCloud.create(clock, profile, 42, new AwsSimulatedInfrastructure().providerIds());
    this.planner = planner;
    this.mp = mp;
    this.pool = pool;
  }

  static MachinePool machinePool(String name, int replicas, String version, String infraKind, String dataSecretName) {
    return MachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build())
        .spec(MachinePoolSpec.builder().clusterName("c1").replicas(replicas)
            .template(MachineTemplateSpec.builder().spec(MachineSpec.builder().clusterName("c1").version(version)
                .bootstrap(Bootstrap.builder().dataSecretName(dataSecretName).build())
                .infrastructureRef(ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, infraKind, name))
                .build()).build())
            .build())
        .build();
  }

  String groupId() {
    return ((CapiObject) pool).name();
  }

  Optional<ScalingGroup> group() {
    return cloud.getGroup(groupId());
  }

  PoolObservation observe() {
    return PoolObservation.builder()
        .machinePool(mp)
        .infraPool(pool)
        .scalingGroup(group())
        .bootstrapDataSecretName(mp.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().dataSecretName())
        .now(clock.instant())
        .random(new SplittableRandom(1))
        .machinePoolMachines(false)
        .build();
  }

  /** One reconcile: plan and apply. */
  PoolPlan reconcile() {
    PoolPlan plan = planner.plan(observe());
    plans.add(plan);
    pool = plan.infraPool();
    for (CloudAction a : plan.cloudActions()) {
      apply(a);
    }
    plan.replicasToCopyBack().ifPresent(r -> mp = mp.withSpec(mp.spec().withReplicas(r)));
    return plan;
  }

  void apply(CloudAction a) {
    if (a instanceof CloudAction.CreateGroup c) {
      cloud.createGroup(c.groupId(), c.capacity(), c.model(), c.zones());
    } else if (a instanceof CloudAction.SetCapacity c) {
      cloud.setCapacity(c.groupId(), c.capacity());
    } else if (a instanceof CloudAction.UpdateModel u) {
      cloud.updateModel(u.groupId(), u.model());
    } else if (a instanceof CloudAction.DeleteInstance d) {
      cloud.deleteInstance(d.groupId(), d.instanceId(), d.decrementCapacity());
    } else if (a instanceof CloudAction.StartRollingReplacement s) {
      cloud.startRollingReplacement(s.groupId(), s.minHealthyPercentage(), s.maxHealthyPercentage(),
          s.instanceWarmupSeconds());
    } else if (a instanceof CloudAction.CancelRollingReplacement c) {
      cloud.cancelRollingReplacement(c.groupId());
    } else if (a instanceof CloudAction.DeleteGroup d) {
      cloud.deleteGroup(d.groupId());
    }
  }

  /**
   * Reconciles every {@code every} for {@code total}, running the cloud's events one at a time in between and
   * calling {@code afterEvent} after each (and after each reconcile).
   */
  void run(Duration total, Duration every, Consumer<Instant> afterEvent) {
    Instant end = clock.instant().plus(total);
    while (clock.instant().isBefore(end)) {
      reconcile();
      afterEvent.accept(clock.instant());
      Instant next = clock.instant().plus(every);
      while (clock.nextEventTime().map(t -> !t.isAfter(next)).orElse(false)) {
        clock.runNext();
        afterEvent.accept(clock.instant());
      }
      clock.advanceTo(next);
    }
  }

  void run(Duration total) {
    run(total, Duration.ofSeconds(10), t -> { });
  }
}
