package io.capi4j.providers.docker;

import io.capi4j.api.CapiObject;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ClusterSpec;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.ImmutableMachinePool;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinepool.MachinePoolInput;
import io.capi4j.machinepool.MachinePoolPlan;
import io.capi4j.machinepool.MachinePoolPlanner;
import io.capi4j.providers.docker.api.v1beta2.Docker;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudListener;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.capi4j.providers.docker.testing.DockerCloud;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A tiny management cluster for one MachinePool backed by a CAPD pool on a simulated docker host: each
 * {@link #reconcile()} runs the pool planner, then core's MachinePool planner, and applies both plans; a few lines
 * stand in for the Machine controller's deletion (no drain) and for kubeadm join (a Node appears when its container
 * runs).
 */
final class PoolWorld {
  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  static final String NS = "default";
  static final String CLUSTER = "dev";

  final VirtualClock clock = VirtualClock.at(START);
  final SimulatedCloud cloud = DockerCloud.create(clock, CLUSTER, 11);
  final PoolPlanner planner;
  final String poolKind;
  MachinePool mp;
  Object pool;
  final Map<String, CapiObject> infraMachines = new LinkedHashMap<>();
  final Map<String, Machine> machines = new LinkedHashMap<>();
  final Map<String, Node> nodes = new LinkedHashMap<>();
  final List<String> steps = new ArrayList<>();
  PoolPlan lastPoolPlan;
  MachinePoolPlan lastPlan;
  int minRunning = Integer.MAX_VALUE;
  boolean watchRunning;

  PoolWorld(String poolKind, PoolPlanner planner, Object pool, int replicas, String version) {
    this.poolKind = poolKind;
    this.planner = planner;
    this.pool = pool;
    this.mp = machinePool(poolKind, replicas, version);
    cloud.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance i) {
        if (i.state() == InstanceState.RUNNING) {
          String name = DockerProvider.containerName(CLUSTER, "worker-" + i.id());
          nodes.put(name, new NodeBuilder().withNewMetadata().withName(name).withUid(name).endMetadata()
              .withNewSpec().withProviderID(i.providerID()).endSpec()
              .withNewStatus().addNewCondition().withType("Ready").withStatus("True")
              .withLastTransitionTime(Conditions.format(clock.instant())).endCondition()
              .withNewNodeInfo().withKubeletVersion(mp.spec().templateOrEmpty().specOrEmpty().version()).endNodeInfo()
              .endStatus().build());
        }
      }

      @Override
      public void instanceDeleted(Optional<String> groupId, Instance i) {
        nodes.remove(DockerProvider.containerName(CLUSTER, "worker-" + i.id()));
      }
    });
  }

  static MachinePool machinePool(String poolKind, int replicas, String version) {
    MachineSpec spec = MachineSpec.builder().clusterName(CLUSTER)
        .bootstrap(Bootstrap.builder().dataSecretName("workers-bootstrap").build())
        .infrastructureRef(ContractVersionedObjectReference.of(Docker.GROUP, poolKind, "workers"))
        .version(version).build();
    return ImmutableMachinePool.builder()
        .metadata(new ObjectMetaBuilder().withName("workers").withNamespace(NS).withUid("workers-uid")
            .withFinalizers(Capi.MACHINE_POOL_FINALIZER).build())
        .spec(MachinePoolSpec.builder().clusterName(CLUSTER).replicas(replicas)
            .template(MachineTemplateSpec.builder().spec(spec).build()).build())
        .build();
  }

  static Cluster cluster() {
    return Cluster.builder().metadata(new ObjectMetaBuilder().withName(CLUSTER).withNamespace(NS).withUid("c").build())
        .spec(ClusterSpec.builder().build()).build();
  }

  String now() {
    return Conditions.format(clock.instant());
  }

  void reconcile() {
    lastPoolPlan = planner.plan(PoolObservation.builder().machinePool(mp).infraPool(pool)
        .infraMachines(infraMachines.values()).scalingGroup(cloud.getGroup(DockerProvider.poolGroupId(CLUSTER, "workers")))
        .machines(machines.values()).nodes(nodes.values()).now(clock.instant()).random(new SplittableRandom(3))
        .build());
    steps.addAll(lastPoolPlan.steps());
    for (CloudAction a : lastPoolPlan.cloudActions()) {
      if (a instanceof CloudAction.CreateGroup c) {
        cloud.createGroup(c.groupId(), c.capacity(), c.model(), c.zones());
      } else if (a instanceof CloudAction.SetCapacity c) {
        cloud.setCapacity(c.groupId(), c.capacity());
      } else if (a instanceof CloudAction.UpdateModel u) {
        cloud.updateModel(u.groupId(), u.model());
      } else if (a instanceof CloudAction.DeleteInstance d) {
        cloud.deleteInstance(d.groupId(), d.instanceId(), d.decrementCapacity());
      } else if (a instanceof CloudAction.DeleteGroup d) {
        cloud.deleteGroup(d.groupId());
      }
    }
    pool = lastPoolPlan.infraPool();
    lastPoolPlan.infraMachinesToApply().forEach(o -> infraMachines.put(((CapiObject) o).name(), (CapiObject) o));
    lastPoolPlan.infraMachinesToDelete().forEach(infraMachines::remove);
    // Machine deletion, as CAPI's Machine controller does it (without drain): mark the Machine and its InfraMachine.
    for (PoolPlan.MachineDeletion d : lastPoolPlan.machinesToDelete()) {
      machines.computeIfPresent(d.machineName(), (k, m) -> m.withMetadata(
          new ObjectMetaBuilder(m.metadata()).withDeletionTimestamp(now()).build()));
    }
    for (Machine m : machines.values()) {
      if (m.isDeleting()) {
        infraMachines.computeIfPresent(m.spec().infrastructureRefOrEmpty().name(), (k, im) -> markDeleting(im));
      }
    }
    machines.values().removeIf(m -> m.isDeleting() && !infraMachines.containsKey(m.spec().infrastructureRefOrEmpty().name()));

    lastPlan = MachinePoolPlanner.plan(MachinePoolInput.builder().machinePool(mp).cluster(cluster()).now(clock.instant())
        .infraMachinePool(pool).infraMachines(new ArrayList<>(infraMachines.values())).machines(machines.values())
        .nodes(nodes.values()).poolInstances(lastPoolPlan.instances()).build());
    steps.addAll(lastPlan.steps());
    mp = lastPlan.machinePool();
    lastPlan.machinesToCreate().forEach(w -> machines.put(w.machine().name(), w.machine()));
    lastPlan.machinesToUpdate().forEach(w -> machines.put(w.machine().name(), w.machine()));
    lastPlan.machinesToDelete().forEach(d -> machines.computeIfPresent(d.machineName(), (k, m) -> m.withMetadata(
        new ObjectMetaBuilder(m.metadata()).withDeletionTimestamp(now()).build())));
    lastPlan.nodesToDelete().forEach(d -> nodes.remove(d.nodeName()));
    lastPlan.nodePatches().forEach(p -> nodes.computeIfPresent(p.nodeName(), (k, n) -> p.applyTo(n)));
    track();
  }

  @SuppressWarnings("unchecked")
  private CapiObject markDeleting(CapiObject im) {
    if (im.isDeleting()) {
      return im;
    }
    try {
      var with = im.getClass().getMethod("withMetadata", io.fabric8.kubernetes.api.model.ObjectMeta.class);
      return (CapiObject) with.invoke(im, new ObjectMetaBuilder(im.metadata()).withDeletionTimestamp(now()).build());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  long running() {
    return cloud.getGroup(DockerProvider.poolGroupId(CLUSTER, "workers"))
        .map(g -> g.instances().stream().filter(i -> i.state() == InstanceState.RUNNING).count()).orElse(0L);
  }

  void track() {
    if (watchRunning) {
      minRunning = (int) Math.min(minRunning, running());
    }
  }

  /** Reconcile every {@code step} for {@code d}, checking the running containers after every event as well. */
  void runFor(Duration d, Duration step) {
    Instant end = clock.instant().plus(d);
    while (clock.instant().isBefore(end)) {
      reconcile();
      Instant next = clock.instant().plus(step);
      while (clock.nextEventTime().map(t -> !t.isAfter(next)).orElse(false)) {
        clock.runNext();
        track();
      }
      clock.advanceTo(next);
    }
    reconcile();
  }

  void update(Function<MachinePool, MachinePool> f) {
    mp = f.apply(mp);
  }
}
