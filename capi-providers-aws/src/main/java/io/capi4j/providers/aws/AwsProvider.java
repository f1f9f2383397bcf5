package io.capi4j.providers.aws;

import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.providers.aws.webhooks.AWSMachinePoolWebhook;
import io.capi4j.providers.aws.webhooks.AWSMachineTemplateWebhook;
import io.capi4j.providers.aws.webhooks.AWSMachineWebhook;
import io.capi4j.providers.aws.webhooks.AWSManagedMachinePoolWebhook;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.KindSupport;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;
import java.util.List;

/** The AWS provider (CAPA): EC2 instances, Auto Scaling groups and EKS managed node groups. */
public final class AwsProvider implements InfrastructureProvider {
  private static final List<KindSupport<?>> KINDS =
      List.of(
          KindSupport.of(Aws.API_VERSION, AWSMachine.KIND, AWSMachine.class, new AWSMachineWebhook()),
          KindSupport.of(Aws.API_VERSION, AWSMachineTemplate.KIND, AWSMachineTemplate.class, new AWSMachineTemplateWebhook()),
          KindSupport.of(Aws.API_VERSION, AWSMachinePool.KIND, AWSMachinePool.class, new AWSMachinePoolWebhook()),
          KindSupport.of(Aws.API_VERSION, AWSManagedMachinePool.KIND, AWSManagedMachinePool.class,
              new AWSManagedMachinePoolWebhook()));

  /** AWSMachine, AWSMachineTemplate, AWSMachinePool and AWSManagedMachinePool of {@code infrastructure.cluster.x-k8s.io/v1beta2}. */
  @Override
  public List<KindSupport<?>> kinds() {
    return KINDS;
  }

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
