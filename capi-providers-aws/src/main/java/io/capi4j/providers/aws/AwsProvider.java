package io.capi4j.providers.aws;

import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;

/** The AWS provider (CAPA): EC2 instances, Auto Scaling groups and EKS managed node groups. */
public final class AwsProvider implements InfrastructureProvider {
  @Override
  public ProviderDescriptor descriptor() {
    return ProviderDescriptor.builder()
        .name("aws")
        .displayName("AWS (CAPA)")
        .addKindPrefixes("AWS")
        .addMachineTemplates(MachineTemplateKind.of("AWSMachineTemplate", "AWSMachine"))
        .addScalingGroupPools(
            PoolKind.builder()
                .kind("AWSMachinePool")
                .backing("ASG")
                .machineKind("AWSMachine")
                .rollout("ASG instance refresh within min/max healthy percentages")
                .build())
        .addManagedPools(PoolKind.builder().kind("AWSManagedMachinePool").backing("EKS").build())
        .zones(true)
        .note("AWSMachinePool backed by ASG, also AWSManagedMachinePool for EKS")
        .build();
  }
}
