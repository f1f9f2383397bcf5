package io.capi4j.testing.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.testing.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedCloudTest {
  private final VirtualClock clock = VirtualClock.create();
  private final SimulatedCloud cloud =
      SimulatedCloud.create(clock, CloudProfile.uniform("test", Duration.ofSeconds(60), Duration.ofSeconds(20)), 1,
          ProviderIds.simple("sim"));

  private ScalingGroup group() {
    return cloud.getGroup("g").orElseThrow();
  }

  private long count(InstanceState s) {
    return group().instances().stream().filter(i -> i.state() == s).count();
  }

  @Test
  void vmsRunAfterTheirCreateLatencyAndVanishAfterDelete() {
    Instance vm = cloud.create("vm-1", InstanceModel.of("v1"), Optional.of("1"));
    assertThat(vm.state()).isEqualTo(InstanceState.CREATING);
    assertThat(vm.providerID()).isEqualTo("sim:///vm-1");
    clock.advance(Duration.ofSeconds(59));
    assertThat(cloud.get("vm-1").orElseThrow().state()).isEqualTo(InstanceState.CREATING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cloud.get("vm-1").orElseThrow().state()).isEqualTo(InstanceState.RUNNING);
    cloud.delete("vm-1");
    assertThat(cloud.get("vm-1").orElseThrow().state()).isEqualTo(InstanceState.DELETING);
    clock.advance(Duration.ofSeconds(20));
    assertThat(cloud.get("vm-1")).isEmpty();
  }

  @Test
  void groupsKeepTheirCapacityAcrossZones() {
    cloud.createGroup("g", 3, InstanceModel.of("m1"), List.of("1", "2", "3"));
    clock.advance(Duration.ofSeconds(60));
    assertThat(count(InstanceState.RUNNING)).isEqualTo(3);
    assertThat(group().instances()).extracting(i -> i.zone().orElseThrow()).containsExactly("1", "2", "3");
    cloud.setCapacity("g", 5);
    clock.advance(Duration.ofSeconds(60));
    assertThat(count(InstanceState.RUNNING)).isEqualTo(5);
  }

  @Test
  void deletingAnInstanceWithoutDecrementGetsItReplaced() {
    cloud.createGroup("g", 2, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofSeconds(60));
    String victim = group().instances().get(0).id();
    cloud.deleteInstance("g", victim, false);
    clock.advance(Duration.ofSeconds(80));
    assertThat(group().instances()).extracting(Instance::id).doesNotContain(victim).hasSize(2);
    assertThat(count(InstanceState.RUNNING)).isEqualTo(2);
    cloud.deleteInstance("g", group().instances().get(0).id(), true);
    clock.advance(Duration.ofSeconds(80));
    assertThat(group().capacity()).isEqualTo(1);
    assertThat(group().instances()).hasSize(1);
  }

  @Test
  void scaleInRemovesOutdatedInstancesFirst() {
    cloud.createGroup("g", 2, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofSeconds(60));
    cloud.updateModel("g", InstanceModel.of("m2"));
    cloud.setCapacity("g", 4);
    clock.advance(Duration.ofSeconds(60));
    cloud.setCapacity("g", 2);
    clock.advance(Duration.ofSeconds(30));
    assertThat(group().instances()).extracting(Instance::modelVersion).containsOnly("m2");
  }

  @Test
  void injectedFailuresAndListeners() {
    List<String> events = new ArrayList<>();
    cloud.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance instance) {
        events.add(instance.id() + ":" + instance.state());
      }

      @Override
      public void instanceDeleted(Optional<String> groupId, Instance instance) {
        events.add(instance.id() + ":gone");
      }
    });
    cloud.failNextInstances(1);
    cloud.create("a", InstanceModel.of("v"), Optional.empty());
    cloud.create("b", InstanceModel.of("v"), Optional.empty());
    clock.advance(Duration.ofSeconds(60));
    cloud.delete("a");
    clock.advance(Duration.ofSeconds(20));
    assertThat(events).containsExactly("a:FAILED", "b:RUNNING", "a:gone");
  }

  @Test
  void rollingReplacementKeepsMinHealthyAndFinishesOnTheNewModel() {
    cloud.createGroup("g", 10, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofMinutes(2));
    cloud.updateModel("g", InstanceModel.of("m2"));
    cloud.startRollingReplacement("g", 80, 100, 30);
    assertThatThrownBy(() -> cloud.startRollingReplacement("g", 80, 100, 30)).hasMessageContaining("InstanceRefreshInProgress");
    long minRunning = Long.MAX_VALUE;
    for (int s = 0; s < 3600 && !group().rollingReplacement().orElseThrow().status().equals("Successful"); s++) {
      clock.advance(Duration.ofSeconds(1));
      minRunning = Math.min(minRunning, count(InstanceState.RUNNING));
    }
    assertThat(group().rollingReplacement().orElseThrow().status()).isEqualTo("Successful");
    assertThat(group().instances()).extracting(Instance::modelVersion).containsOnly("m2");
    assertThat(minRunning).isGreaterThanOrEqualTo(8);
  }

  @Test
  void aProfileStrategyDecidesEachReplacementStep() {
    // One instance at a time, each replaced only once nothing is being created: a strategy a provider could plug in.
    RollingReplacementStrategy oneByOne = (g, now) -> {
      if (g.instances().stream().anyMatch(i -> i.state() != InstanceState.RUNNING)) {
        return new RollingReplacementStrategy.Step(List.of(), 0, Optional.empty(), Optional.empty(), "wait");
      }
      return g.instances().stream().filter(i -> !i.modelVersion().equals(g.model().version())).findFirst()
          .map(i -> new RollingReplacementStrategy.Step(List.of(i.id()), 0, Optional.empty(), Optional.empty(), "next"))
          .orElse(new RollingReplacementStrategy.Step(List.of(), 0, Optional.empty(), Optional.of("Successful"), "done"));
    };
    SimulatedCloud sc = SimulatedCloud.create(clock, CloudProfile.builder().name("s").rollingReplacement(oneByOne)
        .groupInstanceCreate(Latency.fixed(Duration.ofSeconds(60))).build(), 1, ProviderIds.simple("sim"));
    sc.createGroup("g", 3, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofMinutes(2));
    sc.updateModel("g", InstanceModel.of("m2"));
    sc.startRollingReplacement("g", 90, 100, 0);
    long maxDeleting = 0;
    for (int s = 0; s < 1200; s++) {
      clock.advance(Duration.ofSeconds(1));
      maxDeleting = Math.max(maxDeleting, sc.getGroup("g").orElseThrow().instances().stream()
          .filter(i -> i.state() == InstanceState.DELETING).count());
    }
    ScalingGroup g = sc.getGroup("g").orElseThrow();
    assertThat(g.rollingReplacement().orElseThrow().status()).isEqualTo("Successful");
    assertThat(g.instances()).extracting(Instance::modelVersion).containsExactly("m2", "m2", "m2");
    assertThat(maxDeleting).isEqualTo(1);
  }

  @Test
  void sameSeedSameStory() {
    CloudProfile p = CloudProfile.builder().name("jitter")
        .groupInstanceCreate(Latency.uniform(Duration.ofSeconds(30), Duration.ofSeconds(90))).build();
    List<String> a = runWithSeed(p, 7);
    assertThat(runWithSeed(p, 7)).isEqualTo(a);
    assertThat(runWithSeed(p, 8)).isNotEqualTo(a);
  }

  private static List<String> runWithSeed(CloudProfile p, long seed) {
    VirtualClock c = VirtualClock.create();
    SimulatedCloud sc = SimulatedCloud.create(c, p, seed, ProviderIds.simple("sim"));
    List<String> order = new ArrayList<>();
    sc.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance instance) {
        order.add(instance.id() + "@" + c.instant());
      }
    });
    sc.createGroup("g", 5, InstanceModel.of("m", Map.of()), List.of());
    c.advance(Duration.ofMinutes(5));
    return order;
  }
}
