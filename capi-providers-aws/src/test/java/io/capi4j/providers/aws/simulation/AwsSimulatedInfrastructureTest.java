package io.capi4j.providers.aws.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.providers.aws.AwsProvider;
import io.capi4j.providers.aws.AwsTestSupport;
import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.Simulation;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.ProviderIds;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.capi4j.validation.AdmissionResult;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AwsSimulatedInfrastructureTest {
  static final AwsSimulatedInfrastructure AWS = new AwsSimulatedInfrastructure();

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(SimulatedInfrastructure.class).stream().map(ServiceLoader.Provider::type))
        .contains(AwsSimulatedInfrastructure.class);
    assertThat(AWS.provider()).isEqualTo(new AwsProvider().descriptor().name());
    assertThat(AWS.profiles()).containsExactly("aws-m5-large");
    assertThatThrownBy(() -> AWS.cloudProfile("gcp")).hasMessageContaining("unknown aws profile gcp");
  }

  @Test
  void theProfileSamplesItsDocumentedMechanisms() {
    CloudProfile asg = AWS.cloudProfile(AwsSimulatedInfrastructure.PROFILE);
    CloudProfile eks = AWS.managedPoolProfile(AwsSimulatedInfrastructure.PROFILE).orElseThrow();
    assertThat(asg.rollingReplacement()).containsInstanceOf(AsgInstanceRefresh.class);
    assertThat(asg.groupOperation().sample(new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(5));
    assertThat(mean(asg, true)).isBetween(43.0, 47.0);
    assertThat(mean(eks, true)).isBetween(88.0, 92.0);
    assertThat(mean(asg, false)).isBetween(38.0, 42.0);
    assertThat(AWS.simulationProfile(AwsSimulatedInfrastructure.PROFILE).bootstrapData().sample(new SplittableRandom(1)))
        .isEqualTo(Duration.ofSeconds(2));
  }

  private static double mean(CloudProfile p, boolean group) {
    SplittableRandom r = new SplittableRandom(3);
    double sum = 0;
    for (int i = 0; i < 2000; i++) {
      sum += (group ? p.groupInstanceCreate() : p.vmCreate()).sample(r).toMillis() / 1000.0;
    }
    return sum / 2000;
  }

  @Test
  void providerIdsLookLikeEc2AndNeverCollide() {
    ProviderIds ids = AWS.providerIds();
    assertThat(ids.providerID(Optional.of("g"), "0", Optional.of("us-east-1b"))).matches("aws:///us-east-1b/i-0[0-9a-f]{16}");
    assertThat(ids.providerID(Optional.empty(), "worker-abc", Optional.empty())).matches("aws:///us-east-1a/i-[0-9a-f]{17}");
    assertThat(ids.providerID(Optional.of("g"), "5", Optional.empty()))
        .isEqualTo(ids.providerID(Optional.of("other"), "5", Optional.empty()));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(AwsSimulatedInfrastructure.ec2InstanceId(Integer.toString(i)));
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void theExampleFlowsAreValid() {
    List<Object> all = new java.util.ArrayList<>();
    all.addAll(AWS.machineDeploymentFlow("c1", "md", 3, "v1.32.0"));
    all.addAll(AWS.machinePoolFlow("c1", "mp", 5, "v1.32.0"));
    all.addAll(AWS.managedPoolFlow("c1", "eks", 2, "v1.31.4"));
    assertThat(all).extracting(o -> o.getClass().getSimpleName().replace("Immutable", "")).containsExactly(
        "MachineDeployment", "AWSMachineTemplate", "KubeadmConfigTemplate", "MachinePool", "AWSMachinePool",
        "KubeadmConfig", "MachinePool", "AWSManagedMachinePool");
    for (Object o : all) {
      AdmissionResult r = AwsTestSupport.ADMISSION.admit(o);
      assertThat(r.errors()).as(o.getClass().getSimpleName()).isEmpty();
    }
  }

  @Test
  void aMachinePoolFlowBringsUpItsNodesInASimulation() {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock, AWS.cloudProfile("aws-m5-large"), 7, AWS.providerIds());
    Simulation sim = Simulation.builder().providers(Providers.of(List.of(new AwsProvider()))).cloud(cloud).seed(7)
        .profile(AWS.simulationProfile("aws-m5-large")).cluster("c1", "default", "v1.31.0").build();
    List<Object> flow = AWS.machinePoolFlow("c1", "workers", 6, "v1.32.0");
    // capi4j's simulation has no MachinePool controller: give the MachinePool its bootstrap data secret directly.
    MachinePool mp = (MachinePool) flow.get(0);
    mp = mp.withSpec(mp.spec().withTemplate(mp.spec().templateOrEmpty().withSpec(mp.spec().templateOrEmpty()
        .specOrEmpty().withBootstrap(mp.spec().templateOrEmpty().specOrEmpty().bootstrapOrEmpty()
            .withDataSecretName("workers")))));
    sim.apply(List.of(mp, flow.get(1), flow.get(2)));
    boolean ready = sim.runUntil(() -> sim.readyNodes() == 6, Duration.ofMinutes(10));
    assertThat(sim.runtime().failures()).isEmpty();
    assertThat(ready).as(sim.management().countByKind().toString()).isTrue();
    assertThat(sim.clock().instant()).isBefore(VirtualClock.create().instant().plus(Duration.ofMinutes(3)));
    sim.runFor(Duration.ofMinutes(1));
    AWSMachinePool pool = sim.management().get(AWSMachinePool.class, AWSMachinePool.KIND, "default", "workers").orElseThrow();
    assertThat(pool.spec().providerIDList()).hasSize(6).allMatch(id -> id.matches("aws:///us-east-1[abc]/i-0[0-9a-f]{16}"));
    assertThat(pool.status().orElseThrow().replicas()).contains(6);
    assertThat(pool.status().orElseThrow().infrastructureMachineKind()).isEqualTo("AWSMachine");
    assertThat(pool.status().orElseThrow().instances()).allMatch(i -> i.version().equals(Optional.of("v1.32.0")));
    assertThat(sim.management().list(AWSMachine.class, AWSMachine.KIND)).hasSize(6)
        .allMatch(m -> m.status().orElseThrow().ready().orElse(false));
    assertThat(sim.workload().list(Node.class, "Node")).hasSize(6)
        .allMatch(n -> n.getStatus().getNodeInfo().getKubeletVersion().equals("v1.32.0"));
    long writes = sim.management().writes();
    sim.runFor(Duration.ofMinutes(10));
    assertThat(sim.management().writes() - writes).as("a converged pool stops writing").isZero();
  }
}
