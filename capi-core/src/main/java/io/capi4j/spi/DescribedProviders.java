package io.capi4j.spi;

import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;

/**
 * Descriptor-only entries for infrastructure providers capi4j does not implement, so that the support table and
 * MachinePool validation can speak about them. They admit no kinds.
 */
public final class DescribedProviders {
  private DescribedProviders() {}

  /**
   * GCP (CAPG): GCPMachinePool on a managed instance group (experimental in CAPG, behind its MachinePool feature
   * gate, added by CAPG PR #1506; no MachinePool Machines yet, CAPG issue #1005) and GKE managed pools.
   */
  public static final class Gcp implements InfrastructureProvider {
    @Override
    public ProviderDescriptor descriptor() {
      return ProviderDescriptor.builder()
          .name("gcp")
          .displayName("GCP (CAPG)")
          .addKindPrefixes("GCP")
          .implemented(false)
          .addMachineTemplates(MachineTemplateKind.of("GCPMachineTemplate", "GCPMachine"))
          .addScalingGroupPools(PoolKind.builder().kind("GCPMachinePool").backing("MIG").build())
          .addManagedPools(PoolKind.builder().kind("GCPManagedMachinePool").backing("GKE node pool").build())
          .zones(true)
          .note("GCPMachinePool backed by a managed instance group (experimental in CAPG, no MachinePool Machines),"
              + " also GCPManagedMachinePool for GKE")
          .build();
    }
  }

  /** vSphere (CAPV): no MachinePools. */
  public static final class VSphere implements InfrastructureProvider {
    @Override
    public ProviderDescriptor descriptor() {
      return ProviderDescriptor.builder()
          .name("vsphere")
          .displayName("vSphere (CAPV)")
          .addKindPrefixes("VSphere")
          .implemented(false)
          .addMachineTemplates(MachineTemplateKind.of("VSphereMachineTemplate", "VSphereMachine"))
          .note("no scaling groups: every node is a VM that CAPI creates, so use MachineDeployments")
          .build();
    }
  }

  /** Bare metal (Metal3): no MachinePools. */
  public static final class BareMetal implements InfrastructureProvider {
    @Override
    public ProviderDescriptor descriptor() {
      return ProviderDescriptor.builder()
          .name("baremetal")
          .displayName("Bare metal (Metal3)")
          .addKindPrefixes("Metal3")
          .implemented(false)
          .addMachineTemplates(MachineTemplateKind.of("Metal3MachineTemplate", "Metal3Machine"))
          .note("no scaling groups: hosts are provisioned one by one, so use MachineDeployments")
          .build();
    }
  }
}
