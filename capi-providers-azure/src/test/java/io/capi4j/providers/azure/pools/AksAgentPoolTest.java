package io.capi4j.providers.azure.pools;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.azure.AzureProvider;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.simulation.AzureSimulatedInfrastructure;
import io.capi4j.simulation.Simulation;
import io.capi4j.simulation.SimulationProfile;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudListener;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * An AKS agent pool on the simulated cloud with the managed (AKS) profile, driven every 5s by the Azure managed pool
 * planner: create, scale up, then a Kubernetes upgrade that AKS rolls itself, one surge node at a time.
 */
class AksAgentPoolTest {
  static final Duration TICK = Duration.ofSeconds(5);

  final VirtualClock clock = VirtualClock.create();
  final AzureSimulatedInfrastructure azure = new AzureSimulatedInfrastructure();
  final SimulationProfile sim = azure.simulationProfile(AzureSimulatedInfrastructure.STANDARD_D2S_V3);
  final SimulatedCloud cloud = SimulatedCloud.create(clock,
      azure.managedPoolProfile(AzureSimulatedInfrastructure.STANDARD_D2S_V3).orElseThrow(), 11, azure.providerIds());
  final PoolPlanner planner = new AzureProvider(new SplittableRandom(0)).poolPlanner(AzureManagedMachinePool.KIND).orElseThrow();
  final SplittableRandom random = new SplittableRandom(3);
  final Map<String, Node> nodes = new LinkedHashMap<>();
  final List<PoolPlan> plans = new ArrayList<>();
  MachinePool mp;
  AzureManagedMachinePool ammp;
  boolean checking;
  int maxLive;
  int minReady = Integer.MAX_VALUE;

  Optional<ScalingGroup> group() {
    return cloud.getGroup(ammp.name());
  }

  void setUp() {
    List<Object> flow = azure.managedPoolFlow("c1", "pool0", 3, "v1.32.0");
    mp = (MachinePool) flow.get(0);
    ammp = (AzureManagedMachinePool) flow.get(1);
    cloud.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance i) {
        if (i.state() != InstanceState.RUNNING) {
          return;
        }
        clock.schedule(sim.nodeRegister().sample(random).plus(sim.nodeReady().sample(random)), () -> {
          if (group().map(g -> g.instances().stream().anyMatch(x -> x.id().equals(i.id()))).orElse(false)) {
            nodes.put(i.providerID(), new NodeBuilder().withNewMetadata().withName("aks-" + i.id()).endMetadata()
                .withNewSpec().withProviderID(i.providerID()).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withNewNodeInfo().withKubeletVersion(i.modelAttributes().get(Simulation.KUBERNETES_VERSION)).endNodeInfo()
                .endStatus().build());
            check();
          }
        });
      }

      @Override
      public void instanceDeleted(Optional<String> groupId, Instance i) {
        nodes.remove(i.providerID());
        check();
      }
    });
  }

  /** Ready Nodes of instances that are not being deleted. */
  int ready() {
    return group().map(g -> (int) g.instances().stream().filter(i -> i.state() == InstanceState.RUNNING)
        .filter(i -> nodes.containsKey(i.providerID())).count()).orElse(0);
  }

  void check() {
    if (checking) {
      group().ifPresent(g -> maxLive = Math.max(maxLive,
          (int) g.instances().stream().filter(i -> i.state() != InstanceState.DELETING).count()));
      minReady = Math.min(minReady, ready());
    }
  }

  void reconcile() {
    PoolPlan plan = planner.plan(PoolObservation.builder().machinePool(mp).infraPool(ammp).scalingGroup(group())
        .nodes(List.copyOf(nodes.values())).bootstrapDataSecretName("").now(clock.instant()).random(random)
        .machinePoolMachines(false).build());
    plans.add(plan);
    ammp = (AzureManagedMachinePool) plan.infraPool();
    plan.cloudActions().forEach(a -> CloudActions.apply(cloud, a));
    plan.replicasToCopyBack().ifPresent(r -> mp = mp.withSpec(mp.spec().withReplicas(r)));
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

  boolean settled(int n, String kubelet) {
    return group().map(g -> g.instances().size() == n && ready() == n
        && g.instances().stream().allMatch(i -> i.modelVersion().equals(g.model().version()))
        && nodes.values().stream().allMatch(x -> x.getStatus().getNodeInfo().getKubeletVersion().equals(kubelet))
        && ammp.status().map(s -> s.ready() && s.replicas() == n).orElse(false)
        && ammp.spec().providerIDList().size() == n).orElse(false);
  }

  void version(String v) {
    mp = mp.withSpec(mp.spec().withTemplate(mp.spec().templateOrEmpty().withSpec(
        mp.spec().templateOrEmpty().specOrEmpty().withVersion(v))));
  }

  @Test
  void scaleUpAndUpgrade() {
    setUp();
    assertThat(runUntil(() -> settled(3, "v1.32.0"), Duration.ofMinutes(20))).as("created").isTrue();

    mp = mp.withSpec(mp.spec().withReplicas(5));
    assertThat(runUntil(() -> settled(5, "v1.32.0"), Duration.ofMinutes(20))).as("scaled up").isTrue();
    assertThat(plans).flatMap(PoolPlan::cloudActions).filteredOn(CloudAction.SetCapacity.class::isInstance)
        .singleElement().satisfies(a -> assertThat(((CloudAction.SetCapacity) a).capacity()).isEqualTo(5));

    version("v1.33.0");
    checking = true;
    int before = plans.size();
    assertThat(runUntil(() -> settled(5, "v1.33.0")
        && group().flatMap(ScalingGroup::rollingReplacement).map(r -> r.status().equals("Successful")).orElse(false),
        Duration.ofHours(1))).as("upgraded").isTrue();
    assertThat(maxLive).as("AKS surges by one node").isEqualTo(6);
    assertThat(minReady).as("a surge node is Ready before an old one goes").isGreaterThanOrEqualTo(5);
    List<CloudAction> upgrade = plans.subList(before, plans.size()).stream().flatMap(p -> p.cloudActions().stream()).toList();
    assertThat(upgrade).filteredOn(CloudAction.UpdateModel.class::isInstance).hasSize(1);
    assertThat(upgrade).filteredOn(CloudAction.StartRollingReplacement.class::isInstance).hasSize(1);
    assertThat(group().orElseThrow().model().attributes()).containsEntry(AzureManagedMachinePoolPlanner.ORCHESTRATOR_VERSION, "1.33.0");
  }
}
