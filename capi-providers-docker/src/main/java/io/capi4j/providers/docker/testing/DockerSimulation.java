package io.capi4j.providers.docker.testing;

import io.capi4j.simulation.Flows;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulationProfile;
import io.capi4j.spi.Providers;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.Latency;
import io.capi4j.testing.cloud.ProviderIds;
import java.time.Duration;
import java.util.List;

/**
 * Docker (CAPD) in simulations: the {@code docker} profile (containers in seconds, kind node images that boot and
 * join in about ten seconds) and the example flows.
 */
public final class DockerSimulation implements SimulatedInfrastructure {
  @Override
  public String provider() {
    return "docker";
  }

  @Override
  public List<String> profiles() {
    return List.of("docker");
  }

  @Override
  public CloudProfile cloudProfile(String profile) {
    return DockerCloud.profile();
  }

  /** kind node images: kubeadm join about 8s after the container starts, Ready 3s later. */
  @Override
  public SimulationProfile simulationProfile(String profile) {
    return SimulationProfile.builder()
        .bootstrapData(Latency.fixed(Duration.ofSeconds(1)))
        .nodeRegister(Latency.uniform(Duration.ofSeconds(6), Duration.ofSeconds(10)))
        .nodeReady(Latency.fixed(Duration.ofSeconds(3)))
        .drain(Latency.fixed(Duration.ofSeconds(2)))
        .build();
  }

  @Override
  public ProviderIds providerIds() {
    return DockerCloud.providerIds("sim");
  }

  @Override
  public List<Object> machineDeploymentFlow(String cluster, String name, int replicas, String version) {
    return Flows.admitted("""
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: MachineDeployment
        metadata: {name: %2$s, namespace: default}
        spec:
          clusterName: %1$s
          replicas: %3$d
          template:
            spec:
              clusterName: %1$s
              version: %4$s
              bootstrap:
                configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfigTemplate, name: %2$s}
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachineTemplate, name: %2$s}
        ---
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: DockerMachineTemplate
        metadata: {name: %2$s, namespace: default}
        spec:
          template:
            spec: {}
        ---
        apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
        kind: KubeadmConfigTemplate
        metadata: {name: %2$s, namespace: default}
        spec:
          template:
            spec:
              joinConfiguration:
                nodeRegistration:
                  kubeletExtraArgs:
                  - {name: eviction-hard, value: "nodefs.available<0%%"}
        """.formatted(cluster, name, replicas, version), Providers.load());
  }

  @Override
  public List<Object> machinePoolFlow(String cluster, String name, int replicas, String version) {
    return Flows.admitted("""
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: MachinePool
        metadata: {name: %2$s, namespace: default}
        spec:
          clusterName: %1$s
          replicas: %3$d
          template:
            spec:
              clusterName: %1$s
              version: %4$s
              bootstrap:
                configRef: {apiGroup: bootstrap.cluster.x-k8s.io, kind: KubeadmConfig, name: %2$s}
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachinePool, name: %2$s}
        ---
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta2
        kind: DockerMachinePool
        metadata: {name: %2$s, namespace: default}
        spec:
          template: {}
        ---
        apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
        kind: KubeadmConfig
        metadata: {name: %2$s, namespace: default}
        spec:
          joinConfiguration:
            nodeRegistration:
              kubeletExtraArgs:
              - {name: eviction-hard, value: "nodefs.available<0%%"}
        """.formatted(cluster, name, replicas, version), Providers.load());
  }
}
