package io.capi4j.providers.aws.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.RollingReplacement;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.Latency;
import io.capi4j.testing.cloud.ProviderIds;
import io.capi4j.testing.cloud.RollingReplacementStrategy;
import io.capi4j.testing.cloud.SimulatedCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ASG instance refresh strategy, where it differs from the simulated cloud's generic rolling replacement. */
class AsgInstanceRefreshTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static CloudProfile profile(boolean asg) {
    var b = CloudProfile.builder().name("t")
        .groupInstanceCreate(Latency.fixed(Duration.ofSeconds(40)))
        .groupInstanceDelete(Latency.fixed(Duration.ofSeconds(20)));
    return asg ? b.rollingReplacement(new AsgInstanceRefresh()).build() : b.build();
  }

  static long healthy(ScalingGroup g, Instant now, int warmupSeconds) {
    return g.instances().stream().filter(i -> i.state() == InstanceState.RUNNING
        && !i.runningSince().orElseThrow().plusSeconds(warmupSeconds).isAfter(now)).count();
  }

  /** Runs {@code cloud} until the refresh ends; returns the ids ever terminated and the fewest healthy seen. */
  static long[] refresh(SimulatedCloud cloud, VirtualClock clock, Set<String> terminated, int warmup) {
    long minHealthy = Long.MAX_VALUE;
    Instant end = clock.instant().plus(Duration.ofHours(1));
    while (clock.instant().isBefore(end)
        && cloud.getGroup("g").orElseThrow().rollingReplacement().orElseThrow().status().equals("InProgress")) {
      clock.runNext();
      ScalingGroup g = cloud.getGroup("g").orElseThrow();
      minHealthy = Math.min(minHealthy, healthy(g, clock.instant(), warmup));
      g.instances().stream().filter(i -> i.state() == InstanceState.DELETING).forEach(i -> terminated.add(i.id()));
    }
    return new long[] {minHealthy};
  }

  @Test
  void everyInstanceIsReplacedEvenThoseAlreadyOnTheLatestModel() {
    for (boolean asg : new boolean[] {true, false}) {
      VirtualClock clock = VirtualClock.create();
      SimulatedCloud cloud = SimulatedCloud.create(clock, profile(asg), 1, ProviderIds.simple("aws"));
      cloud.createGroup("g", 2, InstanceModel.of("1"), List.of());
      clock.advance(Duration.ofMinutes(2));
      cloud.updateModel("g", InstanceModel.of("2"));
      cloud.setCapacity("g", 4);
      clock.advance(Duration.ofMinutes(2));
      assertThat(cloud.getGroup("g").orElseThrow().instances()).extracting(Instance::modelVersion)
          .containsExactly("1", "1", "2", "2");
      cloud.startRollingReplacement("g", 50, 100, 0);
      Set<String> terminated = new HashSet<>();
      refresh(cloud, clock, terminated, 0);
      assertThat(cloud.getGroup("g").orElseThrow().rollingReplacement().orElseThrow().status()).isEqualTo("Successful");
      // CAPA never sets SkipMatching: AWS replaces all 4; the generic replacement only the 2 outdated ones.
      assertThat(terminated).as(asg ? "ASG instance refresh" : "generic").hasSize(asg ? 4 : 2);
    }
  }

  @Test
  void aMaximumAbove100LaunchesBeforeTerminatingAndKeepsEveryInstanceHealthy() {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, profile(true), 1, ProviderIds.simple("aws"));
    cloud.createGroup("g", 10, InstanceModel.of("1"), List.of());
    clock.advance(Duration.ofMinutes(3));
    cloud.updateModel("g", InstanceModel.of("2"));
    cloud.startRollingReplacement("g", 100, 150, 30);
    assertThat(cloud.getGroup("g").orElseThrow().instances()).as("5 launched above capacity first").hasSize(15);
    long[] min = refresh(cloud, clock, new HashSet<>(), 30);
    ScalingGroup g = cloud.getGroup("g").orElseThrow();
    assertThat(g.rollingReplacement().orElseThrow().status()).isEqualTo("Successful");
    assertThat(g.instances()).hasSize(10).allMatch(i -> i.modelVersion().equals("2"));
    assertThat(min[0]).isEqualTo(10);
  }

  @Test
  void theNextBatchWaitsForTheWholeBatchToWarmUp() {
    InstanceModel m = InstanceModel.of("2");
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      instances.add(Instance.builder().id("old" + i).providerID("p" + i).state(InstanceState.RUNNING).modelVersion("1")
          .createdAt(T0.minusSeconds(3600)).runningSince(T0.minusSeconds(3500)).build());
    }
    Instant now = T0.plusSeconds(200);
    instances.add(Instance.builder().id("new0").providerID("n0").state(InstanceState.RUNNING).modelVersion("2")
        .createdAt(T0.plusSeconds(1)).runningSince(now.minusSeconds(100)).build());
    instances.add(Instance.builder().id("new1").providerID("n1").state(InstanceState.RUNNING).modelVersion("2")
        .createdAt(T0.plusSeconds(1)).runningSince(now.minusSeconds(10)).build());
    ScalingGroup g = ScalingGroup.builder().id("g").capacity(10).model(m).instances(instances)
        .rollingReplacement(RollingReplacement.builder().minHealthyPercentage(80).maxHealthyPercentage(100)
            .instanceWarmupSeconds(60).startedAt(T0).status("InProgress").build())
        .build();
    RollingReplacementStrategy.Step s = new AsgInstanceRefresh().next(g, now);
    assertThat(s.terminate()).as("one new instance is still warming up").isEmpty();
    assertThat(s.nextStepAt()).contains(now.plusSeconds(50));
    assertThat(s.finished()).isEmpty();

    RollingReplacementStrategy.Step later = new AsgInstanceRefresh().next(g, now.plusSeconds(50));
    assertThat(later.terminate()).containsExactly("old0", "old1");
    assertThat(later.surge()).isZero();
  }

  @Test
  void aFailedReplacementFailsTheRefresh() {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, profile(true), 1, ProviderIds.simple("aws"));
    cloud.createGroup("g", 4, InstanceModel.of("1"), List.of());
    clock.advance(Duration.ofMinutes(2));
    cloud.updateModel("g", InstanceModel.of("2"));
    cloud.failNextInstances(1);
    cloud.startRollingReplacement("g", 75, 100, 0);
    clock.advance(Duration.ofMinutes(10));
    ScalingGroup g = cloud.getGroup("g").orElseThrow();
    assertThat(g.rollingReplacement().orElseThrow().status()).isEqualTo("Failed");
    assertThat(g.instances().stream().filter(i -> i.modelVersion().equals("1")).count()).isEqualTo(3);
    assertThat(Optional.of(g.capacity())).contains(4);
  }
}
