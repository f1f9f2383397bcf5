package io.capi4j.simulation;

import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.ProviderIds;
import java.util.List;
import java.util.Optional;

/**
 * A provider's contribution to simulations, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.capi4j.simulation.SimulatedInfrastructure}): named latency profiles for its cloud,
 * how its provider IDs look, and example objects for the standard flows (a MachineDeployment, a MachinePool, a
 * managed pool).
 *
 * <p>Every figure of a profile is a documented parameter of a mechanism (a latency distribution, a parallelism, a
 * failure rate), never a target result.
 */
public interface SimulatedInfrastructure {
  /** The provider's {@code ProviderDescriptor.name()}, e.g. {@code azure}. */
  String provider();

  /** The profile names this provider offers; the first is the default. */
  List<String> profiles();

  /** The cloud behind VMs and scaling groups in a profile. */
  CloudProfile cloudProfile(String profile);

  /** The cloud behind managed pools (AKS, EKS) in a profile, when the provider has them. */
  default Optional<CloudProfile> managedPoolProfile(String profile) {
    return Optional.empty();
  }

  /** Node, bootstrap and controller latencies in a profile. */
  SimulationProfile simulationProfile(String profile);

  /**
   * Node, bootstrap and controller latencies for managed pools in a profile (managed node images often join faster
   * than kubeadm-bootstrapped ones); the same as {@link #simulationProfile} unless overridden.
   */
  default SimulationProfile managedPoolSimulationProfile(String profile) {
    return simulationProfile(profile);
  }

  /** How the provider's instances are named in provider IDs. */
  ProviderIds providerIds();

  /**
   * The objects a user creates for {@code replicas} workers as a MachineDeployment (the MachineDeployment, its
   * InfraMachineTemplate and its KubeadmConfigTemplate), in namespace {@code default} of cluster
   * {@code clusterName}.
   */
  List<Object> machineDeploymentFlow(String clusterName, String name, int replicas, String version);

  /** The objects a user creates for a MachinePool (MachinePool, InfraMachinePool, KubeadmConfig). */
  List<Object> machinePoolFlow(String clusterName, String name, int replicas, String version);

  /** The objects a user creates for a managed pool (MachinePool plus the managed InfraMachinePool), if any. */
  default List<Object> managedPoolFlow(String clusterName, String name, int replicas, String version) {
    return List.of();
  }
}
