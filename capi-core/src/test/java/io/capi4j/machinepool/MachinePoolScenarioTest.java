package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.conditions.Conditions;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudListener;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.ProviderIds;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The MachinePool planner driving a pool on {@link SimulatedCloud} together with a small fake pool provider: scale
 * 5 → 20 → 3, an instance fails, a Node never joins, and the instance behind that Node is removed with the
 * {@code cluster.x-k8s.io/delete-machine} annotation.
 */
class MachinePoolScenarioTest {
  static final String POOL = "workers";
  static final String GROUP = "workers-group";
  static final InstanceModel MODEL = InstanceModel.of("v1");

  /**
   * A pool provider in a few lines: one group whose capacity follows {@code spec.replicas}; failed instances and
   * those whose Machine carries the delete-machine annotation are deleted and replaced; one FakeMachine per live
   * instance.
   */
  static final class FakePoolProvider implements PoolPlanner {
    @Override
    public PoolPlan plan(PoolObservation o) {
      int desired = o.machinePool().spec().replicas().orElse(1);
      var plan = PoolPlan.builder();
      Optional<ScalingGroup> group = o.scalingGroup();
      if (group.isEmpty()) {
        plan.addCloudActions(new CloudAction.CreateGroup(GROUP, desired, MODEL, List.of(), "the pool has no group"));
      } else {
        Set<String> removeRequested = new HashSet<>();
        for (Machine m : o.machines()) {
          if (m.annotations().containsKey(Capi.DELETE_MACHINE_ANNOTATION)) {
            removeRequested.add(m.spec().infrastructureRefOrEmpty().name());
          }
        }
        for (Instance i : group.get().instances()) {
          if (i.state() == InstanceState.FAILED) {
            plan.addCloudActions(new CloudAction.DeleteInstance(GROUP, i.id(), false, "instance failed"));
          } else if (i.state() != InstanceState.DELETING && removeRequested.contains(infraName(i))) {
            plan.addCloudActions(new CloudAction.DeleteInstance(GROUP, i.id(), false, "its Machine asks for deletion"));
          }
        }
        if (group.get().capacity() != desired) {
          plan.addCloudActions(new CloudAction.SetCapacity(GROUP, desired, "follow spec.replicas"));
        }
      }
      List<Instance> live = group.map(g -> g.instances().stream().filter(i -> i.state() != InstanceState.DELETING)
          .toList()).orElse(List.of());
      Set<String> names = new HashSet<>();
      List<String> providerIDs = new ArrayList<>();
      for (Instance i : live) {
        names.add(infraName(i));
        boolean running = i.state() == InstanceState.RUNNING;
        if (running) {
          providerIDs.add(i.providerID());
        }
        plan.addInfraMachinesToApply(Fixtures.infraMachine(POOL, infraName(i), running ? i.providerID() : null));
        plan.addInstances(PoolInstance.builder().providerID(i.providerID())
            .upToDate(i.modelVersion().equals(group.get().model().version())).running(running).build());
      }
      for (Object im : o.infraMachines()) {
        String name = ((GenericKubernetesResource) im).getMetadata().getName();
        if (!names.contains(name)) {
          plan.addInfraMachinesToDelete(name);
        }
      }
      providerIDs.sort(null);
      plan.infraPool(Fixtures.infraPool(POOL, group.isPresent(), providerIDs, live.size(), "FakeMachine"));
      return plan.build();
    }

    static String infraName(Instance i) {
      return "fake-" + i.id();
    }
  }

  // ---- the world the plans are applied to ----
  final VirtualClock clock = VirtualClock.at(Fixtures.NOW);
  final SimulatedCloud cloud = SimulatedCloud.create(clock,
      CloudProfile.uniform("fake", Duration.ofSeconds(60), Duration.ofSeconds(30)), 7, ProviderIds.simple("fake"));
  final FakePoolProvider provider = new FakePoolProvider();
  MachinePool mp = Fixtures.machinePoolWithSecret(POOL, 5, "bootstrap-data");
  GenericKubernetesResource infraPool = Fixtures.infraPool(POOL, false, List.of(), null, null);
  final Map<String, Object> infraMachines = new LinkedHashMap<>();
  final Map<String, Machine> machines = new LinkedHashMap<>();
  final Map<String, Node> nodes = new LinkedHashMap<>();
  final Set<String> neverJoins = new HashSet<>();
  final List<String> steps = new ArrayList<>();
  MachinePoolPlan last;
  final MachinePoolMemory memory = MachinePoolMemory.create();

  MachinePoolScenarioTest() {
    cloud.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance i) {
        if (i.state() == InstanceState.RUNNING && !neverJoins.contains(i.id())) {
          nodes.put("node-" + i.id(), Fixtures.node("node-" + i.id(), i.providerID(), true, clock.instant(), "v1.32.0"));
        }
      }

      @Override
      public void instanceDeleted(Optional<String> groupId, Instance i) {
        nodes.remove("node-" + i.id());
      }
    });
  }

  /** One reconcile of the pool provider, then one of core, each plan applied at once. */
  void reconcile() {
    PoolPlan pp = provider.plan(PoolObservation.builder().machinePool(mp).infraPool(infraPool)
        .infraMachines(infraMachines.values()).scalingGroup(cloud.getGroup(GROUP)).machines(machines.values())
        .nodes(nodes.values()).now(clock.instant()).random(new SplittableRandom(1)).build());
    for (CloudAction a : pp.cloudActions()) {
      steps.add("provider: " + a);
      if (a instanceof CloudAction.CreateGroup c) {
        cloud.createGroup(c.groupId(), c.capacity(), c.model(), c.zones());
      } else if (a instanceof CloudAction.SetCapacity c) {
        cloud.setCapacity(c.groupId(), c.capacity());
      } else if (a instanceof CloudAction.DeleteInstance d) {
        cloud.deleteInstance(d.groupId(), d.instanceId(), d.decrementCapacity());
      } else {
        throw new IllegalStateException("unexpected " + a);
      }
    }
    infraPool = (GenericKubernetesResource) pp.infraPool();
    pp.infraMachinesToApply().forEach(im -> infraMachines.put(((GenericKubernetesResource) im).getMetadata().getName(), im));
    pp.infraMachinesToDelete().forEach(infraMachines::remove);

    MachinePoolInput input = Fixtures.input(mp).now(clock.instant()).infraMachinePool(infraPool)
        .infraMachines(infraMachines.values()).machines(machines.values()).nodes(nodes.values())
        .poolInstances(pp.instances()).build();
    last = MachinePoolPlanner.plan(input);
    // The pool's memory (facts of the objects that did not change since the last reconcile) changes no decision.
    assertThat(MachinePoolPlanner.plan(MachinePoolInput.builder().from(input).memory(memory).build())).isEqualTo(last);
    steps.addAll(last.steps());
    mp = last.machinePool();
    last.machinesToCreate().forEach(w -> machines.put(w.machine().name(), w.machine()));
    last.machinesToUpdate().forEach(w -> machines.put(w.machine().name(), w.machine()));
    last.machinesToDelete().forEach(d -> machines.remove(d.machineName()));
    last.nodesToDelete().forEach(d -> nodes.remove(d.nodeName()));
    last.nodePatches().forEach(p -> nodes.computeIfPresent(p.nodeName(), (k, n) -> p.applyTo(n)));
  }

  /** Reconcile every 10 seconds for {@code d}. */
  void runFor(Duration d) {
    for (long t = 0; t < d.toSeconds(); t += 10) {
      reconcile();
      clock.advance(Duration.ofSeconds(10));
    }
    reconcile();
  }

  void scaleTo(int replicas) {
    mp = mp.withSpec(mp.spec().withReplicas(replicas));
  }

  MachinePoolStatus status() {
    return mp.status().orElseThrow();
  }

  String condition(String type) {
    return Conditions.get(status().conditions(), type).map(c -> c.getStatus() + " " + c.getMessage()).orElse("-");
  }

  @Test
  void scaleFailJoinAndRemoveAChosenInstance() {
    // 5 replicas; the Node of instance 4 never joins.
    neverJoins.add("4");
    runFor(Duration.ofMinutes(3));
    assertThat(cloud.getGroup(GROUP).orElseThrow().instances()).hasSize(5);
    assertThat(machines).hasSize(5);
    assertThat(status().replicas()).contains(5);
    assertThat(status().readyReplicas()).contains(4);
    assertThat(status().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_UP);
    assertThat(condition(Capi.Conditions.AVAILABLE)).isEqualTo("False 4 available replicas, at least 5 required");
    assertThat(last.requeueAfter()).contains(MachinePoolPlanner.NOT_READY_REQUEUE);

    // 20 replicas; one new instance fails and is replaced.
    cloud.failNextInstances(1);
    scaleTo(20);
    runFor(Duration.ofMinutes(4));
    assertThat(steps).anyMatch(s -> s.contains("instance failed"));
    ScalingGroup g = cloud.getGroup(GROUP).orElseThrow();
    assertThat(g.instances()).hasSize(20).allMatch(i -> i.state() == InstanceState.RUNNING);
    assertThat(machines).hasSize(20);
    assertThat(mp.spec().providerIDList()).hasSize(20);
    assertThat(status().readyReplicas()).contains(19);
    assertThat(status().upToDateReplicas()).contains(20);
    assertThat(condition(Capi.Conditions.ROLLING_OUT)).isEqualTo("False ");

    // 3 replicas: the cloud removes the newest instances; core deletes their orphan Machines and retired Nodes.
    scaleTo(3);
    runFor(Duration.ofMinutes(2));
    assertThat(cloud.getGroup(GROUP).orElseThrow().instances()).extracting(Instance::id)
        .containsExactlyInAnyOrder("2", "3", "4");
    assertThat(machines.keySet()).containsExactlyInAnyOrder("fake-2", "fake-3", "fake-4");
    assertThat(steps).anyMatch(s -> s.startsWith("machines: delete Machine fake-") && s.contains("no longer exists"));
    assertThat(nodes.keySet()).containsExactlyInAnyOrder("node-2", "node-3");
    assertThat(status().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_UP);

    // The operator removes the instance whose Node never joined.
    Machine chosen = machines.get("fake-4");
    machines.put("fake-4", chosen.withMetadata(new ObjectMetaBuilder(chosen.metadata())
        .addToAnnotations(Capi.DELETE_MACHINE_ANNOTATION, "true").build()));
    reconcile();
    assertThat(last.instancesToRemove()).extracting(MachinePoolPlan.InstanceRemoval::machineName).containsExactly("fake-4");
    runFor(Duration.ofMinutes(3));
    assertThat(cloud.getGroup(GROUP).orElseThrow().instances()).extracting(Instance::id)
        .hasSize(3).doesNotContain("4");
    assertThat(machines).hasSize(3).doesNotContainKey("fake-4");
    assertThat(nodes).hasSize(3);
    assertThat(status().replicas()).contains(3);
    assertThat(status().readyReplicas()).contains(3);
    assertThat(status().availableReplicas()).contains(3);
    assertThat(status().nodeRefs()).hasSize(3);
    assertThat(status().phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    assertThat(condition(Capi.Conditions.AVAILABLE)).isEqualTo("True ");
    assertThat(last.errors()).isEmpty();
    assertThat(last.requeueAfter()).isEmpty();
  }
}
