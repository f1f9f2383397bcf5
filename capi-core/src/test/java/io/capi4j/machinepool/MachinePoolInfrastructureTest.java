package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.spi.DescribedProviders;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;
import io.capi4j.spi.Providers;
import io.capi4j.validation.FieldError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link MachinePoolInfrastructure#check}: which infrastructures can back a MachinePool, and why not. */
class MachinePoolInfrastructureTest {

  /** An Azure-like provider, as capi-providers-azure describes itself. */
  static final InfrastructureProvider AZURE = () -> ProviderDescriptor.builder()
      .name("azure").displayName("Azure (CAPZ)").addKindPrefixes("Azure")
      .addMachineTemplates(MachineTemplateKind.of("AzureMachineTemplate", "AzureMachine"))
      .addScalingGroupPools(PoolKind.builder().kind("AzureMachinePool").backing("VMSS")
          .machineKind("AzureMachinePoolMachine").build())
      .addManagedPools(PoolKind.builder().kind("AzureManagedMachinePool").backing("AKS").build())
      .build();

  /** A provider whose only MachinePools are managed node pools. */
  static final InfrastructureProvider MANAGED_ONLY = () -> ProviderDescriptor.builder()
      .name("example").displayName("Example (managed)").addKindPrefixes("Example")
      .addMachineTemplates(MachineTemplateKind.of("ExampleMachineTemplate", "ExampleMachine"))
      .addManagedPools(PoolKind.builder().kind("ExampleManagedMachinePool").backing("managed node pool").build())
      .build();

  static final Providers PROVIDERS = Providers.of(List.of(AZURE, new DescribedProviders.VSphere(),
      new DescribedProviders.BareMetal(), new DescribedProviders.Gcp(), MANAGED_ONLY));

  static MachinePool pool(String kind) {
    MachinePool mp = Fixtures.machinePool("mp", 1);
    var t = mp.spec().templateOrEmpty();
    return mp.withSpec(mp.spec().withTemplate(t.withSpec(t.specOrEmpty().withInfrastructureRef(
        ContractVersionedObjectReference.of("infrastructure.cluster.x-k8s.io", kind, "mp")))));
  }

  static Optional<FieldError> check(String kind) {
    return MachinePoolInfrastructure.check(pool(kind), PROVIDERS);
  }

  @Test
  void vSphereHasNoScalingGroups() {
    assertThat(check("VSphereMachinePool")).hasValueSatisfying(e -> {
      assertThat(e.field()).isEqualTo("spec.template.spec.infrastructureRef.kind");
      assertThat(e.type()).isEqualTo(FieldError.Type.INVALID);
      assertThat(e.toString()).isEqualTo("spec.template.spec.infrastructureRef.kind: Invalid value: \"VSphereMachinePool\":"
          + " vSphere (CAPV) has no scaling groups: it creates every node as a single machine, so no InfraMachinePool"
          + " kind exists to back a MachinePool; use a MachineDeployment with a VSphereMachineTemplate instead");
    });
  }

  @Test
  void bareMetalHasNoScalingGroups() {
    assertThat(check("Metal3MachineTemplate")).hasValueSatisfying(e -> assertThat(e.detail())
        .startsWith("Bare metal (Metal3) has no scaling groups")
        .endsWith("use a MachineDeployment with a Metal3MachineTemplate instead"));
  }

  @Test
  void gcpPoolsAreMigsAndGkeNodePools() {
    assertThat(check("GCPMachinePool")).isEmpty();
    assertThat(check("GCPManagedMachinePool")).isEmpty();
    assertThat(check("GCPMachineTemplate")).hasValueSatisfying(e -> assertThat(e.detail()).isEqualTo(
        "GCPMachineTemplate is not a MachinePool infrastructure kind of GCP (CAPG); its pool kinds are"
            + " GCPMachinePool, GCPManagedMachinePool (GCPMachineTemplate is for MachineDeployments)"));
  }

  @Test
  void aProviderWithOnlyManagedPoolsRejectsOtherPoolKinds() {
    assertThat(check("ExampleMachinePool")).hasValueSatisfying(e -> assertThat(e.detail()).isEqualTo(
        "Example (managed) supports MachinePools only as managed pools: ExampleManagedMachinePool (managed node pool);"
            + " ExampleMachinePool cannot back a MachinePool, use a MachineDeployment with a ExampleMachineTemplate"
            + " for other workers"));
    assertThat(check("ExampleManagedMachinePool")).isEmpty();
  }

  @Test
  void azurePoolsAreFine() {
    assertThat(check("AzureMachinePool")).isEmpty();
    assertThat(check("AzureManagedMachinePool")).isEmpty();
  }

  @Test
  void aKindTheProviderDoesNotListAsPoolKindGetsThePoolKinds() {
    assertThat(check("AzureMachineTemplate")).hasValueSatisfying(e -> assertThat(e.detail()).isEqualTo(
        "AzureMachineTemplate is not a MachinePool infrastructure kind of Azure (CAPZ); its pool kinds are"
            + " AzureMachinePool, AzureManagedMachinePool (AzureMachineTemplate is for MachineDeployments)"));
  }

  @Test
  void unknownKindsAreNotJudged() {
    assertThat(check("FooMachinePool")).isEmpty();
    assertThat(check("")).isEmpty();
  }
}
