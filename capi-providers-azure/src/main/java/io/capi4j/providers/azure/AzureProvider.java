package io.capi4j.providers.azure;

import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;

/** The Azure provider (CAPZ): VMs, VM scale sets and AKS node pools. */
public final class AzureProvider implements InfrastructureProvider {
  @Override
  public ProviderDescriptor descriptor() {
    return ProviderDescriptor.builder()
        .name("azure")
        .displayName("Azure (CAPZ)")
        .addKindPrefixes("Azure")
        .addMachineTemplates(MachineTemplateKind.of("AzureMachineTemplate", "AzureMachine"))
        .addScalingGroupPools(
            PoolKind.builder()
                .kind("AzureMachinePool")
                .backing("VMSS")
                .machineKind("AzureMachinePoolMachine")
                .rollout("surge new-model instances, delete old ones within maxUnavailable, by deletePolicy")
                .build())
        .addManagedPools(PoolKind.builder().kind("AzureManagedMachinePool").backing("AKS").build())
        .zones(true)
        .note("AzureMachinePool backed by VMSS, also AzureManagedMachinePool for AKS")
        .build();
  }
}
