package io.capi4j.providers.azure.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.providers.azure.AzureProvider;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplate;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.util.AzureResourceIds;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.Simulation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.SimulatedCloud;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AzureSimulatedInfrastructureTest {
  final AzureSimulatedInfrastructure azure = new AzureSimulatedInfrastructure();
  static final String P = AzureSimulatedInfrastructure.STANDARD_D2S_V3;

  @Test
  void isFoundByServiceLoaderWithItsDefaultProfile() {
    assertThat(ServiceLoader.load(SimulatedInfrastructure.class).stream().map(ServiceLoader.Provider::get)
        .filter(s -> s.provider().equals("azure"))).singleElement().isInstanceOf(AzureSimulatedInfrastructure.class);
    assertThat(azure.profiles()).first().isEqualTo(P);
    assertThat(azure.cloudProfile(P).name()).isEqualTo(P);
    assertThatThrownBy(() -> azure.cloudProfile("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void providerIdsLookLikeAzure() {
    String vmss = azure.providerIds().providerID(Optional.of("workers"), "7", Optional.of("2"));
    assertThat(vmss).isEqualTo("azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/capi4j-sim"
        + "/providers/Microsoft.Compute/virtualMachineScaleSets/workers/virtualMachines/7");
    String vm = azure.providerIds().providerID(Optional.empty(), "md-0-abcde", Optional.empty());
    assertThat(vm).isEqualTo("azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/capi4j-sim"
        + "/providers/Microsoft.Compute/virtualMachines/md-0-abcde");
    assertThat(AzureResourceIds.parse(vmss).name()).isEqualTo("7");
    assertThat(AzureResourceIds.parse(vm).resourceGroup()).isEqualTo("capi4j-sim");
  }

  static LongStream samples(io.capi4j.testing.cloud.Latency l, int n) {
    SplittableRandom r = new SplittableRandom(5);
    return LongStream.range(0, n).map(i -> l.sample(r).toSeconds());
  }

  @Test
  void latenciesFollowTheirDocumentedMechanisms() {
    CloudProfile vmss = azure.cloudProfile(P);
    assertThat(samples(vmss.vmCreate(), 1000).summaryStatistics().getAverage()).isBetween(97.0, 99.0);
    assertThat(samples(vmss.vmCreate(), 1000)).allMatch(s -> s >= 90);
    assertThat(samples(vmss.groupOperation(), 1000).summaryStatistics().getAverage()).isBetween(47.0, 49.0);
    assertThat(samples(vmss.groupInstanceCreate(), 1000).summaryStatistics().getAverage()).isBetween(26.0, 28.0);
    assertThat(vmss.groupParallelism()).isEqualTo(5);
    assertThat(vmss.failureRate()).isZero();
    CloudProfile aks = azure.managedPoolProfile(P).orElseThrow();
    assertThat(samples(aks.groupOperation(), 10)).containsOnly(10L);
    assertThat(samples(aks.groupInstanceCreate(), 2000).average().orElseThrow()).isBetween(49.0, 51.0);
    assertThat(aks.groupParallelism()).isZero();
    assertThat(aks.failureRate()).isEqualTo(0.067);
    assertThat(aks.failureSampling()).isEqualTo(CloudProfile.FailureSampling.EVEN);
    assertThat(samples(aks.failedInstanceRetry().orElseThrow(), 10)).containsOnly(10L);
    var sim = azure.simulationProfile(P);
    assertThat(sim.nodeRegister().sample(new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(sim.nodeReady().sample(new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(8));
    assertThat(sim.bootstrapData().sample(new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(2));
    assertThat(samples(sim.cloudApiCall(), 1000).summaryStatistics().getMin()).isGreaterThanOrEqualTo(5);
    assertThat(sim.concurrency()).isEqualTo(10);
  }

  @Test
  void flowsAreTheUsualObjects() {
    List<Object> md = azure.machineDeploymentFlow("c1", "md-0", 3, "v1.32.0");
    assertThat(md).hasExactlyElementsOfTypes(
        io.capi4j.api.core.v1beta2.ImmutableMachineDeployment.class,
        io.capi4j.providers.azure.api.v1beta1.ImmutableAzureMachineTemplate.class,
        io.capi4j.api.bootstrap.kubeadm.v1beta2.ImmutableKubeadmConfigTemplate.class);
    MachineDeployment d = (MachineDeployment) md.get(0);
    assertThat(d.spec().replicas()).contains(3);
    assertThat(d.spec().templateOrEmpty().specOrEmpty().infrastructureRefOrEmpty().kind()).isEqualTo(AzureMachineTemplate.KIND);
    assertThat(d.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().configRef().orElseThrow().kind())
        .isEqualTo(KubeadmConfigTemplate.KIND);
    assertThat(((AzureMachineTemplate) md.get(1)).spec().template().spec().vmSize()).isEqualTo("Standard_D2s_v3");

    List<Object> pool = azure.machinePoolFlow("c1", "mp-0", 4, "v1.32.0");
    assertThat(pool.get(0)).isInstanceOf(MachinePool.class);
    assertThat(pool.get(1)).isInstanceOf(AzureMachinePool.class);
    assertThat(pool.get(2)).isInstanceOf(KubeadmConfig.class);
    assertThat(((MachinePool) pool.get(0)).labels()).containsEntry(Capi.CLUSTER_NAME_LABEL, "c1");

    List<Object> managed = azure.managedPoolFlow("c1", "Pool-0-with-a-long-name", 2, "v1.32.0");
    AzureManagedMachinePool ammp = (AzureManagedMachinePool) managed.get(1);
    assertThat(ammp.spec().name()).contains("pool0withalo");
    assertThat(ammp.spec().mode()).isEqualTo("User");
  }

  @Test
  void theFlowsPassAdmission() {
    io.capi4j.validation.Admission admission =
        io.capi4j.validation.Admission.create(Providers.of(List.of(new AzureProvider(new SplittableRandom(1)))));
    for (List<Object> flow : List.of(azure.machineDeploymentFlow("c1", "md-0", 3, "v1.32.0"),
        azure.machinePoolFlow("c1", "mp-0", 3, "v1.32.0"), azure.managedPoolFlow("c1", "pool0", 3, "v1.32.0"))) {
      for (Object o : flow) {
        io.capi4j.validation.AdmissionResult r =
            admission.admit(o, io.capi4j.validation.AdmissionContext.create().withObjects(flow));
        assertThat(r.errors()).as(r.kind() + " " + r.name()).isEmpty();
        assertThat(r.isValid()).as(r.kind() + " " + r.name() + " " + r.notes()).isTrue();
      }
    }
  }

  /** The managed pool flow runs in capi4j's Simulation: the InfraMachinePool controller applies the AKS plans. */
  @Test
  void managedPoolRunsInTheSimulation() {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, azure.managedPoolProfile(P).orElseThrow(), 1, azure.providerIds());
    Simulation sim = Simulation.builder().providers(Providers.of(List.of(new AzureProvider(new SplittableRandom(1)))))
        .cloud(cloud).profile(azure.simulationProfile(P)).seed(1).cluster("c1", "default", "v1.32.0")
        .machinePoolMachines(false).build();
    sim.apply(azure.managedPoolFlow("c1", "pool0", 3, "v1.32.0"));
    assertThat(sim.runUntil(() -> sim.readyNodes() == 3, Duration.ofMinutes(15))).isTrue();
    assertThat(sim.pools().steps()).isNotEmpty();
    AzureManagedMachinePool ammp = sim.management().get(AzureManagedMachinePool.class, AzureManagedMachinePool.KIND, "default", "pool0")
        .orElseThrow();
    sim.runFor(Duration.ofMinutes(1));
    ammp = sim.management().get(AzureManagedMachinePool.class, AzureManagedMachinePool.KIND, "default", "pool0").orElseThrow();
    assertThat(ammp.spec().providerIDList()).hasSize(3);
    assertThat(ammp.status().orElseThrow().ready()).isTrue();
  }

  /** The VMSS flow, with bootstrap data already present, runs in capi4j's Simulation without MachinePool Machines. */
  @Test
  void machinePoolRunsInTheSimulationWithoutMachinePoolMachines() {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, azure.cloudProfile(P), 1, azure.providerIds());
    Simulation sim = Simulation.builder().providers(Providers.of(List.of(new AzureProvider(new SplittableRandom(1)))))
        .cloud(cloud).profile(azure.simulationProfile(P)).seed(1).cluster("c1", "default", "v1.32.0")
        .machinePoolMachines(false).build();
    List<Object> flow = azure.machinePoolFlow("c1", "mp-0", 4, "v1.32.0");
    MachinePool mp = (MachinePool) flow.get(0);
    mp = mp.withSpec(mp.spec().withTemplate(mp.spec().templateOrEmpty().withSpec(mp.spec().templateOrEmpty().specOrEmpty()
        .withBootstrap(mp.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty().withDataSecretName("mp-0-bootstrap")))));
    sim.apply(List.of(mp, flow.get(1)));
    assertThat(sim.runUntil(() -> sim.readyNodes() == 4, Duration.ofMinutes(15))).isTrue();
    sim.runFor(Duration.ofMinutes(1));
    AzureMachinePool amp = sim.management().get(AzureMachinePool.class, AzureMachinePool.KIND, "default", "mp-0").orElseThrow();
    assertThat(amp.spec().providerIDList()).hasSize(4);
    assertThat(amp.status().orElseThrow().replicas()).isEqualTo(4);
    assertThat(amp.status().orElseThrow().ready()).isTrue();
  }
}
