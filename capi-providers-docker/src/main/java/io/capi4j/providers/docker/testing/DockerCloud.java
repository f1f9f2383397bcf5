package io.capi4j.providers.docker.testing;

import io.capi4j.providers.docker.DockerProvider;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.Latency;
import io.capi4j.testing.cloud.ProviderIds;
import io.capi4j.testing.cloud.SimulatedCloud;
import java.time.Duration;

/**
 * A simulated docker host for CAPD: containers start in seconds, and provider IDs are spelled as CAPD spells them.
 */
public final class DockerCloud {
  private DockerCloud() {}

  /**
   * Containers: 2–6s from {@code docker run} until the container runs (uniform), 1s to remove one, all created in
   * parallel, no failures unless injected.
   */
  public static CloudProfile profile() {
    return CloudProfile.builder()
        .name("docker")
        .vmCreate(Latency.uniform(Duration.ofSeconds(2), Duration.ofSeconds(6)))
        .vmDelete(Latency.fixed(Duration.ofSeconds(1)))
        .groupInstanceCreate(Latency.uniform(Duration.ofSeconds(2), Duration.ofSeconds(6)))
        .groupInstanceDelete(Latency.fixed(Duration.ofSeconds(1)))
        .build();
  }

  /**
   * {@code docker:////<cluster>-<machine>}: a standalone container is named after its machine; a pool's container
   * {@code <id>} after the machine {@code worker-<id>} (CAPD names pool containers {@code worker-<random>}).
   */
  public static ProviderIds providerIds(String clusterName) {
    return (group, id, zone) -> DockerProvider.providerID(clusterName, group.isPresent() ? "worker-" + id : id);
  }

  /** A docker host on {@code clock} for the cluster {@code clusterName}, seeded with {@code seed}. */
  public static SimulatedCloud create(VirtualClock clock, String clusterName, long seed) {
    return SimulatedCloud.create(clock, profile(), seed, providerIds(clusterName));
  }
}
