package io.capi4j.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.Providers;
import io.capi4j.testing.VirtualClock;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.ProviderIds;
import io.capi4j.testing.cloud.SimulatedCloud;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationMachineSetTest {
  static final InfrastructureProvider FAKE = () -> ProviderDescriptor.builder().name("fake").displayName("Fake")
      .addKindPrefixes("Fake")
      .addMachineTemplates(ProviderDescriptor.MachineTemplateKind.of("FakeMachineTemplate", "FakeMachine")).build();

  @Test
  void aMachineSetBringsUpItsMachinesAndNodes() {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock,
        CloudProfile.uniform("fake", Duration.ofSeconds(60), Duration.ofSeconds(10)), 1, ProviderIds.simple("fake"));
    Simulation sim = Simulation.builder().providers(Providers.of(List.of(FAKE))).cloud(cloud).seed(7)
        .cluster("c1", "default", "v1.32.0").build();
    GenericKubernetesResource template = new GenericKubernetesResourceBuilder()
        .withApiVersion("infrastructure.cluster.x-k8s.io/v1beta1").withKind("FakeMachineTemplate")
        .withMetadata(new ObjectMetaBuilder().withName("fmt").withNamespace("default").build()).build();
    template.setAdditionalProperties(Map.of("spec", Map.of("template", Map.of("spec", Map.of("size", "small")))));
    KubeadmConfigTemplate kct = KubeadmConfigTemplate.builder()
        .metadata(new ObjectMetaBuilder().withName("kct").withNamespace("default").build())
        .spec(KubeadmConfigTemplateSpec.builder().template(KubeadmConfigTemplateResource.builder()
            .spec(KubeadmConfigSpec.builder().addPreKubeadmCommand("echo hello").build()).build()).build())
        .build();
    MachineSet ms = MachineSet.builder()
        .metadata(new ObjectMetaBuilder().withName("ms").withNamespace("default").build())
        .spec(MachineSetSpec.builder()
            .clusterName("c1")
            .replicas(3)
            .selector(new LabelSelectorBuilder().addToMatchLabels("pool", "a").build())
            .template(MachineTemplateSpec.builder()
                .metadata(TemplateMeta.builder().putLabel("pool", "a").build())
                .spec(MachineSpec.builder().clusterName("c1").version("v1.32.0")
                    .bootstrap(Bootstrap.builder().configRef(ContractVersionedObjectReference.of(
                        "bootstrap.cluster.x-k8s.io", "KubeadmConfigTemplate", "kct")).build())
                    .infrastructureRef(ContractVersionedObjectReference.of(
                        "infrastructure.cluster.x-k8s.io", "FakeMachineTemplate", "fmt"))
                    .build())
                .build())
            .build())
        .build();
    sim.apply(List.of(template, kct, ms));
    boolean ready = sim.runUntil(() -> sim.readyNodes() == 3, Duration.ofMinutes(10));
    assertThat(sim.runtime().failures()).isEmpty();
    assertThat(ready).as(sim.management().countByKind().toString()).isTrue();
    sim.runFor(Duration.ofMinutes(1));
    assertThat(sim.management().countByKind()).containsEntry("Machine", 3).containsEntry("FakeMachine", 3)
        .containsEntry("KubeadmConfig", 3).containsEntry("Secret", 3).containsEntry("MachineSet", 1);
    MachineSet after = sim.management().get(MachineSet.class, "MachineSet", "default", "ms").orElseThrow();
    assertThat(after.statusOrEmpty().readyReplicas()).contains(3);
    assertThat(after.statusOrEmpty().availableReplicas()).contains(3);
    long writes = sim.management().writes();
    sim.runFor(Duration.ofMinutes(5));
    assertThat(sim.management().writes() - writes).as("a converged cluster stops writing").isLessThan(20);
  }

  @Test
  void theControlPlaneVersionCanBeMovedForPreflightChecks() {
    VirtualClock clock = VirtualClock.create();
    SimulatedCloud cloud = SimulatedCloud.create(clock,
        CloudProfile.uniform("fake", Duration.ofSeconds(60), Duration.ofSeconds(10)), 1, ProviderIds.simple("fake"));
    Simulation sim = Simulation.builder().providers(Providers.of(List.of(FAKE))).cloud(cloud).seed(7)
        .cluster("c1", "default", "v1.32.0").build();
    assertThat(sim.controlPlaneVersion()).isEqualTo("v1.32.0");
    sim.setControlPlaneVersion("v1.33.0");
    assertThat(sim.controlPlaneVersion()).isEqualTo("v1.33.0");
    io.capi4j.machineset.ControlPlaneView cp = io.capi4j.machineset.ControlPlaneView.of(sim.context().controlPlane());
    assertThat(cp.specVersion()).contains("v1.33.0");
    assertThat(cp.statusVersions()).containsExactly("v1.33.0");
    assertThat(cp.isUpgrading()).isFalse();
  }
}
