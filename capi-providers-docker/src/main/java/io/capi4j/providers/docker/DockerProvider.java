package io.capi4j.providers.docker;

import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;

/** The Docker provider (CAPD): containers as machines, for development and tests. */
public final class DockerProvider implements InfrastructureProvider {
  @Override
  public ProviderDescriptor descriptor() {
    return ProviderDescriptor.builder()
        .name("docker")
        .displayName("Docker (CAPD)")
        .addKindPrefixes("Docker", "Dev")
        .addMachineTemplates(MachineTemplateKind.of("DockerMachineTemplate", "DockerMachine"))
        .addScalingGroupPools(
            PoolKind.builder()
                .kind("DockerMachinePool")
                .backing("containers")
                .machineKind("DockerMachine")
                .rollout("create every up-to-date replacement first, then delete the outdated")
                .build())
        .note("DockerMachinePool (and its successor DevMachinePool) for development and testing")
        .build();
  }
}
