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

  /** Running times of a group's instances, in seconds after {@code start}, sorted. */
  private static List<Long> runningSeconds(ScalingGroup g, java.time.Instant start) {
    return g.instances().stream().filter(x -> x.state() == InstanceState.RUNNING)
        .map(x -> Duration.between(start, x.runningSince().orElseThrow()).toSeconds()).sorted().toList();
  }

  @Test
  void groupParallelismProvisionsInWaves() {
    CloudProfile p = CloudProfile.builder().name("waves").groupOperation(Latency.fixed(Duration.ofSeconds(5)))
        .groupInstanceCreate(Latency.fixed(Duration.ofSeconds(30))).groupParallelism(4).build();
    SimulatedCloud c = SimulatedCloud.create(clock, p, 1, ProviderIds.simple("sim"));
    java.time.Instant start = clock.instant();
    c.createGroup("g", 10, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofMinutes(5));
    assertThat(runningSeconds(c.getGroup("g").orElseThrow(), start))
        .containsExactly(35L, 35L, 35L, 35L, 65L, 65L, 65L, 65L, 95L, 95L);
  }

  private static CloudProfile failing(CloudProfile.FailureSampling sampling, double rate) {
    return CloudProfile.builder().name("failing").groupInstanceCreate(Latency.uniform(Duration.ofSeconds(50), Duration.ofSeconds(70)))
        .failureRate(rate).failureSampling(sampling).failedInstanceRetry(Latency.fixed(Duration.ofSeconds(10))).build();
  }

  private long failedAttempts(CloudProfile p, long seed, int instances) {
    VirtualClock k = VirtualClock.create();
    SimulatedCloud c = SimulatedCloud.create(k, p, seed, ProviderIds.simple("sim"));
    List<String> failed = new ArrayList<>();
    c.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance instance) {
        if (instance.state() == InstanceState.FAILED) {
          failed.add(instance.id());
        }
      }
    });
    c.createGroup("g", instances, InstanceModel.of("m1"), List.of());
    k.advance(Duration.ofMinutes(10));
    assertThat(c.getGroup("g").orElseThrow().instances()).hasSize(instances)
        .allMatch(i -> i.state() == InstanceState.RUNNING, "every instance runs in the end");
    return failed.size();
  }

  @Test
  void evenFailureSamplingFailsTheRateNotARandomNumber() {
    // 1 in 15 of 15 attempts: exactly one failure whatever the seed; 30 attempts: two.
    for (long seed = 1; seed <= 40; seed++) {
      assertThat(failedAttempts(failing(CloudProfile.FailureSampling.EVEN, 0.067), seed, 15)).as("seed %d", seed).isEqualTo(1);
      assertThat(failedAttempts(failing(CloudProfile.FailureSampling.EVEN, 0.067), seed, 30)).as("seed %d", seed).isEqualTo(2);
    }
  }

  @Test
  void independentFailureSamplingVariesWithTheSeed() {
    java.util.Set<Long> counts = new java.util.HashSet<>();
    for (long seed = 1; seed <= 40; seed++) {
      counts.add(failedAttempts(failing(CloudProfile.FailureSampling.INDEPENDENT, 0.067), seed, 15));
    }
    assertThat(counts).contains(0L, 1L).hasSizeGreaterThan(2);
  }

  @Test
  void aFailedGroupInstanceIsRetriedInPlaceOnce() {
    CloudProfile p = CloudProfile.builder().name("retry").groupInstanceCreate(Latency.fixed(Duration.ofSeconds(60)))
        .failureRate(1.0).failedInstanceRetry(Latency.fixed(Duration.ofSeconds(10))).build();
    SimulatedCloud c = SimulatedCloud.create(clock, p, 1, ProviderIds.simple("sim"));
    List<String> events = new ArrayList<>();
    c.addListener(new CloudListener() {
      @Override
      public void instanceReady(Optional<String> groupId, Instance instance) {
        events.add(clock.instant().getEpochSecond() % 3600 + "s " + instance.id() + ":" + instance.state());
      }
    });
    c.createGroup("g", 1, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofSeconds(69));
    assertThat(c.getGroup("g").orElseThrow().instances()).singleElement()
        .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.FAILED));
    clock.advance(Duration.ofSeconds(1));
    assertThat(c.getGroup("g").orElseThrow().instances()).singleElement()
        .satisfies(i -> assertThat(i.state()).isEqualTo(InstanceState.CREATING));
    clock.advance(Duration.ofMinutes(5));
    // The same instance fails at 60s, is re-provisioned at 70s and runs at 130s: a retry never fails.
    assertThat(events).containsExactly("60s 0:FAILED", "130s 0:RUNNING");
  }

  @Test
  void withoutARetryAFailedGroupInstanceStaysFailed() {
    CloudProfile p = CloudProfile.builder().name("no-retry").groupInstanceCreate(Latency.fixed(Duration.ofSeconds(60)))
        .failureRate(1.0).build();
    SimulatedCloud c = SimulatedCloud.create(clock, p, 1, ProviderIds.simple("sim"));
    c.createGroup("g", 2, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofMinutes(5));
    assertThat(c.getGroup("g").orElseThrow().instances()).hasSize(2).allMatch(i -> i.state() == InstanceState.FAILED);
  }

  @Test
  void aFailedInstanceDeletedBeforeItsRetryIsNotRetried() {
    CloudProfile p = CloudProfile.builder().name("retry").groupInstanceCreate(Latency.fixed(Duration.ofSeconds(60)))
        .groupInstanceDelete(Latency.fixed(Duration.ofSeconds(5)))
        .failureRate(1.0).failedInstanceRetry(Latency.fixed(Duration.ofSeconds(30))).build();
    SimulatedCloud c = SimulatedCloud.create(clock, p, 1, ProviderIds.simple("sim"));
    c.createGroup("g", 1, InstanceModel.of("m1"), List.of());
    clock.advance(Duration.ofSeconds(61));
    c.deleteInstance("g", "0", true);
    clock.advance(Duration.ofMinutes(5));
    assertThat(c.getGroup("g").orElseThrow().instances()).isEmpty();
  }
}
