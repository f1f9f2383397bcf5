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
import io.capi4j.external.ExternalTemplates;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.providers.aws.pools.AWSMachinePoolPlanner;
import io.capi4j.providers.aws.pools.AWSManagedMachinePoolPlanner;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.validation.AdmissionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/** The AWS provider (CAPA): EC2 instances, Auto Scaling groups and EKS managed node groups. */
public final class AwsProvider implements InfrastructureProvider {
  private static final ObjectMapper MAPPER = KubernetesMapper.json();
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
        .addManagedPools(PoolKind.builder().kind("AWSManagedMachinePool").backing("EKS")
            .rollout("EKS replaces nodes under updateConfig maxUnavailable, one version step at a time").build())
        .zones(true)
        .note("AWSMachinePool backed by ASG, also AWSManagedMachinePool for EKS")
        .build();
  }

  /**
   * {@code AWSMachinePool} ({@link AWSMachinePoolPlanner}: an ASG, its launch template and instance refresh) and
   * {@code AWSManagedMachinePool} ({@link AWSManagedMachinePoolPlanner}: an EKS managed node group).
   */
  @Override
  public Optional<PoolPlanner> poolPlanner(String kind) {
    return switch (kind) {
      case AWSMachinePool.KIND -> Optional.of(new AWSMachinePoolPlanner());
      case AWSManagedMachinePool.KIND -> Optional.of(new AWSManagedMachinePoolPlanner());
      default -> Optional.empty();
    };
  }

  /**
   * The AWSMachine of a new Machine, as the API server stores it: the AWSMachineTemplate cloned as Cluster API's
   * {@code external.GenerateTemplate} does, then defaulted by the AWSMachine CRD and webhook (e.g.
   * {@code cloudInit.secureSecretsBackend: secrets-manager}, the instance metadata options' and Ignition's defaults). CAPA's controllers set nothing at
   * creation; the instance ID, provider ID and finalizer come when the AWSMachine controller first reconciles it.
   * Other templates are cloned unchanged.
   */
  @Override
  public GenericKubernetesResource infraMachineFromTemplate(GenericKubernetesResource template,
      GenerateTemplateRequest request) {
    GenericKubernetesResource out = ExternalTemplates.generate(template, request);
    if (!AWSMachineTemplate.KIND.equals(template.getKind())) {
      return out;
    }
    AWSMachine typed = MAPPER.treeToValue(MAPPER.valueToTree(out), AWSMachine.class);
    AWSMachine defaulted = new AWSMachineWebhook().applyDefaults(typed, AdmissionContext.create());
    GenericKubernetesResource result = MAPPER.treeToValue(MAPPER.valueToTree(defaulted), GenericKubernetesResource.class);
    result.setMetadata(ExternalTemplates.copy(out.getMetadata()));
    return result;
  }
}
