package io.capi4j.providers.azure.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.azure.AzureProvider;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.providers.azure.simulation.AzureSimulatedInfrastructure;
import io.capi4j.simulation.SimulationProfile;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PlannerMemory;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudListener;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rolling update of an AzureMachinePool on the simulated Azure cloud, driven by a small loop that stands in for the
 * rest of the management cluster: every 5s it observes, plans with the Azure pool planner and applies the plan (cloud
 * actions through the ScalingGroups port, the pool and AzureMachinePoolMachines kept in maps); CAPI's MachinePool
 * controller is a Machine per AMPM, CAPI's Machine deletion is a drain of {@value #DRAIN_SECONDS}s (longer than a tick, so
 * the planner sees draining Machines) followed by the AMPM's
 * deletion; Nodes register and turn Ready after the profile's latencies once an instance runs.
 */
class VmssRolloutTest {
  static final int DRAIN_SECONDS = 12;
  static final Duration TICK = Duration.ofSeconds(5);
  static final String POOL = "workers";

  final VirtualClock clock = VirtualClock.create();
  final AzureSimulatedInfrastructure azure = new AzureSimulatedInfrastructure();
  final SimulationProfile sim = azure.simulationProfile(AzureSimulatedInfrastructure.STANDARD_D2S_V3);
  final SimulatedCloud cloud =
      SimulatedCloud.create(clock, azure.cloudProfile(AzureSimulatedInfrastructure.STANDARD_D2S_V3), 42, azure.providerIds());
  final PoolPlanner planner = new AzureProvider(new SplittableRandom(0)).poolPlanner(AzureMachinePool.KIND).orElseThrow();
  final SplittableRandom random = new SplittableRandom(7);

  MachinePool mp;
  AzureMachinePool amp;
  final Map<String, AzureMachinePoolMachine> ampms = new TreeMap<>();
  final Map<String, Machine> machines = new TreeMap<>();
  final Map<String, Node> nodes = new LinkedHashMap<>();
  final List<PoolPlan> plans = new ArrayList<>();
  /** The pool's planner memory, if any (a plan is the same with or without). */
  PlannerMemory memory;
  boolean checking;
  int minReady = Integer.MAX_VALUE;
  int maxCapacity;

  void setUp(int replicas, String maxSurge, String maxUnavailable) {
    List<Object> flow = azure.machinePoolFlow("c1", POOL, replicas, "v1.32.0");
    MachinePool m = (MachinePool) flow.get(0);
    mp = m.withSpec(m.spec().withTemplate(m.spec().templateOrEmpty().withSpec(m.spec().templateOrEmpty().specOrEmpty()
        .withBootstrap(m.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().withDataSecretName(POOL + "-bootstrap")))));
    AzureMachinePool a = (AzureMachinePool) flow.get(1);
    amp = a.withSpec(a.spec().withStrategy(a.spec().strategy().orElseThrow().withRollingUpdate(
        MachineRollingUpdateDeployment.builder().maxSurge(PoolFixtures.intOrString(maxSurge))
            .maxUnavailable(PoolFixtures.intOrString(maxUnavailable)).deletePolicy(MachineRollingUpdateDeployment.OLDEST)
            .build())));
    cloud.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance i) {
        if (i.state() != InstanceState.RUNNING) {
          return;
        }
        clock.schedule(sim.nodeRegister().sample(random), () -> {
          if (exists(i.id())) {
            nodes.put(i.providerID(), node(i, false));
            clock.schedule(sim.nodeReady().sample(random), () -> {
              if (nodes.containsKey(i.providerID())) {
                nodes.put(i.providerID(), node(i, true));
              }
            });
          }
        });
      }

      @Override
      public void instanceDeleted(Optional<String> groupId, Instance i) {
        nodes.remove(i.providerID());
      }
    });
  }

  boolean exists(String id) {
    return cloud.getGroup(POOL).map(g -> g.instances().stream().anyMatch(x -> x.id().equals(id)
        && x.state() != InstanceState.DELETING)).orElse(false);
  }

  static Node node(Instance i, boolean ready) {
    return new NodeBuilder().withNewMetadata().withName("node-" + i.id()).endMetadata()
        .withNewSpec().withProviderID(i.providerID()).endSpec()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .withNewNodeInfo().withKubeletVersion(i.modelAttributes().get(VmssCloudModel.KUBERNETES_VERSION)).endNodeInfo()
        .endStatus().build();
  }

  static boolean ready(Node n) {
    return AzureMachinePoolPlanner.isReady(n);
  }

  Optional<ScalingGroup> group() {
    return cloud.getGroup(POOL);
  }

  /** Instances that serve workloads: running, Node Ready, and their Machine not being drained or deleted. */
  int readyCapacity() {
    return group().map(g -> g.instances().stream()
        .filter(i -> i.state() == InstanceState.RUNNING)
        .filter(i -> nodes.containsKey(i.providerID()) && ready(nodes.get(i.providerID())))
        .filter(i -> machines.values().stream().noneMatch(m -> m.spec().providerID().equals(i.providerID()) && m.isDeleting()))
        .count()).orElse(0L).intValue();
  }

  void check() {
    group().ifPresent(g -> maxCapacity = Math.max(maxCapacity, g.capacity()));
    if (checking) {
      minReady = Math.min(minReady, readyCapacity());
    }
  }

  void reconcile() {
    PoolObservation obs = PoolObservation.builder().machinePool(mp).infraPool(amp).infraMachines(List.copyOf(ampms.values()))
        .scalingGroup(group()).machines(List.copyOf(machines.values())).nodes(List.copyOf(nodes.values()))
        .bootstrapDataSecretName(mp.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().dataSecretName())
        .now(clock.instant()).random(random).memory(Optional.ofNullable(memory)).build();
    PoolPlan plan = planner.plan(obs);
    plans.add(plan);
    amp = (AzureMachinePool) plan.infraPool();
    plan.cloudActions().forEach(a -> CloudActions.apply(cloud, a));
    String now = clock.instant().toString();
    for (Object o : plan.infraMachinesToApply()) {
      AzureMachinePoolMachine a = (AzureMachinePoolMachine) o;
      if (a.isDeleting() && (a.metadata().getFinalizers() == null || a.metadata().getFinalizers().isEmpty())) {
        ampms.remove(a.name());
        machines.values().removeIf(m -> m.spec().infrastructureRefOrEmpty().name().equals(a.name())); // CAPI: infra gone
      } else if (!ampms.containsKey(a.name())) {
        ampms.put(a.name(), a.withMetadata(new ObjectMetaBuilder(a.metadata()).withCreationTimestamp(now).build()));
      } else {
        ampms.put(a.name(), a);
      }
    }
    for (PoolPlan.MachineDeletion d : plan.machinesToDelete()) {
      Machine m = machines.get(d.machineName());
      machines.put(m.name(), m.withMetadata(new ObjectMetaBuilder(m.metadata()).withDeletionTimestamp(now).build()));
      String infra = m.spec().infrastructureRefOrEmpty().name();
      clock.schedule(Duration.ofSeconds(DRAIN_SECONDS), () -> { // drained: CAPI deletes the infra machine
        AzureMachinePoolMachine a = ampms.get(infra);
        if (a != null && !a.isDeleting()) {
          ampms.put(infra, a.withMetadata(new ObjectMetaBuilder(a.metadata()).withDeletionTimestamp(clock.instant().toString()).build()));
        }
      });
    }
    plan.replicasToCopyBack().ifPresent(r -> mp = mp.withSpec(mp.spec().withReplicas(r)));
    // CAPI's MachinePool controller: one Machine per AMPM, owning it.
    for (AzureMachinePoolMachine a : List.copyOf(ampms.values())) {
      if (a.isDeleting() || machines.containsKey(a.name())) {
        continue;
      }
      machines.put(a.name(), Machine.builder()
          .metadata(new ObjectMetaBuilder().withName(a.name()).withNamespace("default").withCreationTimestamp(now)
              .addToLabels(Capi.MACHINE_POOL_NAME_LABEL, mp.name()).build())
          .spec(MachineSpec.builder().clusterName("c1").providerID(a.spec().providerID())
              .infrastructureRef(ContractVersionedObjectReference.of(Azure.GROUP, AzureMachinePoolMachine.KIND, a.name())).build())
          .build());
      ampms.put(a.name(), a.withMetadata(new ObjectMetaBuilder(a.metadata()).addToOwnerReferences(new OwnerReferenceBuilder()
          .withApiVersion(Capi.API_VERSION).withKind(Machine.KIND).withName(a.name()).withController(true).build()).build()));
    }
    check();
  }

  boolean runUntil(BooleanSupplier done, Duration limit) {
    Instant end = clock.instant().plus(limit);
    while (clock.instant().isBefore(end)) {
      if (done.getAsBoolean()) {
        return true;
      }
      reconcile();
      Instant next = clock.instant().plus(TICK);
      while (clock.nextEventTime().isPresent() && !clock.nextEventTime().get().isAfter(next)) {
        clock.runNext();
        check();
      }
      clock.advanceTo(next);
    }
    return done.getAsBoolean();
  }

  boolean settled(int replicas, String kubeletVersion) {
    Optional<ScalingGroup> g = group();
    if (g.isEmpty() || g.get().instances().size() != replicas || readyCapacity() != replicas || ampms.size() != replicas
        || machines.size() != replicas) {
      return false;
    }
    Image latest = VmssCloudModel.image(g.get().model().attributes());
    return g.get().instances().stream().allMatch(i -> VmssCloudModel.image(i.modelAttributes()).equals(latest))
        && nodes.values().stream().allMatch(n -> n.getStatus().getNodeInfo().getKubeletVersion().equals(kubeletVersion))
        && amp.status().orElseThrow().replicas() == replicas;
  }

  /** The pool scaled up, then upgraded to v1.33.0; every plan. */
  static List<PoolPlan> scaleUpAndUpgrade(PlannerMemory memory) {
    VmssRolloutTest t = new VmssRolloutTest();
    t.memory = memory;
    t.setUp(8, "2", "1");
    assertThat(t.runUntil(() -> t.settled(8, "v1.32.0"), Duration.ofMinutes(30))).isTrue();
    t.mp = t.mp.withSpec(t.mp.spec().withTemplate(t.mp.spec().templateOrEmpty().withSpec(
        t.mp.spec().templateOrEmpty().specOrEmpty().withVersion("v1.33.0"))));
    assertThat(t.runUntil(() -> t.settled(8, "v1.33.0"), Duration.ofHours(3))).isTrue();
    return t.plans;
  }

  @Test
  void theMemoryChangesNoPlan() {
    List<PoolPlan> without = scaleUpAndUpgrade(null);
    assertThat(scaleUpAndUpgrade(PlannerMemory.create())).isEqualTo(without);
  }

  @ParameterizedTest(name = "{0} replicas, maxSurge {1}, maxUnavailable {2}")
  @CsvSource({"20, 25%, 1", "6, 1, 0"})
  void rollingUpdateKeepsCapacityAndEndsOnTheLatestModel(int replicas, String maxSurge, String maxUnavailable) {
    memory = PlannerMemory.create();
    setUp(replicas, maxSurge, maxUnavailable);
    assertThat(runUntil(() -> settled(replicas, "v1.32.0"), Duration.ofMinutes(30))).as("initial pool ready").isTrue();
    assertThat(amp.status().orElseThrow().ready()).isTrue();
    assertThat(amp.status().orElseThrow().infrastructureMachineKind()).isEqualTo(AzureMachinePoolMachine.KIND);
    assertThat(amp.spec().providerIDList()).hasSize(replicas).isSorted();
    int surge = maxSurge.endsWith("%")
        ? (int) Math.ceil(replicas * Integer.parseInt(maxSurge.substring(0, maxSurge.length() - 1)) / 100.0)
        : Integer.parseInt(maxSurge);
    int unavailable = Integer.parseInt(maxUnavailable);

    // Upgrade: the default image follows the MachinePool's version, so the VMSS model changes.
    mp = mp.withSpec(mp.spec().withTemplate(mp.spec().templateOrEmpty().withSpec(
        mp.spec().templateOrEmpty().specOrEmpty().withVersion("v1.33.0"))));
    checking = true;
    maxCapacity = 0;
    int before = plans.size();
    assertThat(runUntil(() -> settled(replicas, "v1.33.0"), Duration.ofHours(3))).as("rollout finished").isTrue();

    assertThat(minReady).as("ready capacity never below replicas - maxUnavailable").isGreaterThanOrEqualTo(replicas - unavailable);
    assertThat(maxCapacity).as("capacity never above replicas + maxSurge").isLessThanOrEqualTo(replicas + surge);
    assertThat(maxCapacity).as("the rollout surged").isGreaterThan(replicas);
    Image latest = VmssCloudModel.image(group().orElseThrow().model().attributes());
    assertThat(latest.computeGallery().orElseThrow().version()).isEqualTo("1.33.0");
    assertThat(group().orElseThrow().instances()).allSatisfy(i -> {
      assertThat(VmssCloudModel.image(i.modelAttributes())).isEqualTo(latest);
      assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    });
    assertThat(ampms.values()).allSatisfy(a -> assertThat(a.status().orElseThrow().latestModelApplied()).isTrue());
    List<PoolPlan> rollout = plans.subList(before, plans.size());
    assertThat(rollout).flatMap(PoolPlan::machinesToDelete).hasSizeGreaterThanOrEqualTo(replicas);
    assertThat(rollout).flatMap(PoolPlan::cloudActions).filteredOn(CloudAction.UpdateModel.class::isInstance).hasSize(1);
    assertThat(rollout).flatMap(PoolPlan::steps).isNotEmpty();
  }
}
