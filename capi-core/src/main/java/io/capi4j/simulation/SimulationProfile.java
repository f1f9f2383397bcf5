package io.capi4j.simulation;

import io.capi4j.testing.cloud.Latency;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Latencies of what happens in and around a cluster besides the cloud: the bootstrap provider writing bootstrap
 * data, a booted instance registering its Node (cloud-init, kubeadm join, kubelet), the Node turning Ready (CNI),
 * and draining a Node before its Machine is deleted; plus controller concurrency.
 */
@Value.Immutable
public abstract class SimulationProfile {
  /** From a KubeadmConfig's first reconcile until its bootstrap data Secret exists. */
  @Value.Default
  public Latency bootstrapData() {
    return Latency.fixed(Duration.ofSeconds(2));
  }

  /** From an instance running until its Node object exists (NotReady). */
  @Value.Default
  public Latency nodeRegister() {
    return Latency.fixed(Duration.ofSeconds(30));
  }

  /** From a Node object existing until it is Ready. */
  @Value.Default
  public Latency nodeReady() {
    return Latency.fixed(Duration.ofSeconds(10));
  }

  /** How long draining a Node takes. */
  @Value.Default
  public Latency drain() {
    return Latency.fixed(Duration.ofSeconds(5));
  }

  /**
   * How long a provider's controller waits on one cloud API call (a VM create, a scale-set update) while holding its
   * worker, before it returns and polls the long-running operation later.
   */
  @Value.Default
  public Latency cloudApiCall() {
    return Latency.none();
  }

  /** Reconciles each controller runs at once (upstream defaults: 10 for most CAPI controllers). */
  @Value.Default
  public int concurrency() {
    return 10;
  }

  /** Minimum time between two reconciles of one object (upstream's rate limit: 1s). */
  @Value.Default
  public Duration minReconcileInterval() {
    return Duration.ofSeconds(1);
  }

  /** Informer and API latencies. */
  @Value.Default
  public ControllerRuntime.Timing timing() {
    return ControllerRuntime.Timing.defaults();
  }

  public static SimulationProfile defaults() {
    return builder().build();
  }

  public static ImmutableSimulationProfile.Builder builder() {
    return ImmutableSimulationProfile.builder();
  }
}
