package io.capi4j.providers.azure;

import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.AzureMachine;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplate;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine;
import io.capi4j.providers.azure.webhooks.AzureMachinePoolMachineWebhook;
import io.capi4j.providers.azure.webhooks.AzureMachinePoolWebhook;
import io.capi4j.providers.azure.webhooks.AzureMachineTemplateWebhook;
import io.capi4j.providers.azure.webhooks.AzureMachineWebhook;
import io.capi4j.providers.azure.webhooks.AzureManagedMachinePoolWebhook;
import io.capi4j.providers.azure.webhooks.SharedRandom;
import io.capi4j.external.ExternalTemplates;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.manifest.KubernetesMapper;
import io.capi4j.providers.azure.pools.AzureMachinePoolPlanner;
import io.capi4j.providers.azure.pools.AzureManagedMachinePoolPlanner;
import io.capi4j.providers.azure.webhooks.AzureMachineDefaults;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.KindSupport;
import io.capi4j.spi.PoolPlanner;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;
import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Azure provider (CAPZ): VMs, VM scale sets and AKS node pools.
 *
 * <p>Its kinds are served as {@code infrastructure.cluster.x-k8s.io/v1beta1}: AzureMachineTemplate, AzureMachine,
 * AzureMachinePool, AzureMachinePoolMachine and AzureManagedMachinePool, each with CAPZ's defaults and validation.
 *
 * <p>Randomness: like CAPZ, defaulting generates an SSH public key for an empty {@code sshPublicKey} and a UUID for
 * an empty system-assigned role assignment name. The no-argument constructor (used by {@link java.util.ServiceLoader})
 * draws them from a {@link SecureRandom}, as CAPZ draws from {@code crypto/rand}; pass a seeded generator for
 * reproducible admission.
 */
public final class AzureProvider implements InfrastructureProvider {
  private static final ObjectMapper MAPPER = KubernetesMapper.json();
  private static final PoolPlanner MACHINE_POOLS = new AzureMachinePoolPlanner();
  private static final PoolPlanner MANAGED_POOLS = new AzureManagedMachinePoolPlanner();

  private final List<KindSupport<?>> kinds;

  /** The provider with generated defaults drawn from a {@link SecureRandom}. */
  public AzureProvider() {
    this(new SecureRandom());
  }

  /** The provider with generated defaults (SSH keys, role assignment names) drawn from {@code random}. */
  public AzureProvider(RandomGenerator random) {
    SharedRandom shared = new SharedRandom(random);
    this.kinds = List.of(
        KindSupport.of(Azure.API_VERSION, AzureMachineTemplate.KIND, AzureMachineTemplate.class, new AzureMachineTemplateWebhook(shared)),
        KindSupport.of(Azure.API_VERSION, AzureMachine.KIND, AzureMachine.class, new AzureMachineWebhook(shared)),
        KindSupport.of(Azure.API_VERSION, AzureMachinePool.KIND, AzureMachinePool.class, new AzureMachinePoolWebhook(shared)),
        KindSupport.of(Azure.API_VERSION, AzureMachinePoolMachine.KIND, AzureMachinePoolMachine.class, new AzureMachinePoolMachineWebhook()),
        KindSupport.of(Azure.API_VERSION, AzureManagedMachinePool.KIND, AzureManagedMachinePool.class, new AzureManagedMachinePoolWebhook()));
  }

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
        .addManagedPools(PoolKind.builder()
            .kind("AzureManagedMachinePool")
            .backing("AKS")
            .rollout("AKS upgrades the nodes itself, one surge node at a time")
            .build())
        .zones(true)
        .note("AzureMachinePool backed by VMSS, also AzureManagedMachinePool for AKS")
        .build();
  }

  @Override
  public List<KindSupport<?>> kinds() {
    return kinds;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Azure: {@code AzureMachinePool} (VMSS, {@link AzureMachinePoolPlanner}) and {@code AzureManagedMachinePool}
   * (AKS agent pool, {@link AzureManagedMachinePoolPlanner}).
   */
  @Override
  public Optional<PoolPlanner> poolPlanner(String kind) {
    return switch (kind) {
      case AzureMachinePool.KIND -> Optional.of(MACHINE_POOLS);
      case AzureManagedMachinePool.KIND -> Optional.of(MANAGED_POOLS);
      default -> Optional.empty();
    };
  }

  /**
   * {@inheritDoc}
   *
   * <p>Azure: the clone of an AzureMachineTemplate gets what CAPZ's AzureMachine defaulting adds without generating
   * values ({@link AzureMachineDefaults#forClone}), e.g. managed boot diagnostics. A template that does not decode
   * as an AzureMachineTemplate is cloned as is.
   */
  @Override
  public GenericKubernetesResource infraMachineFromTemplate(GenericKubernetesResource template, GenerateTemplateRequest request) {
    GenericKubernetesResource clone = ExternalTemplates.generate(template, request);
    if (!AzureMachine.KIND.equals(clone.getKind())) {
      return clone;
    }
    try {
      AzureMachine m = MAPPER.convertValue(clone, AzureMachine.class);
      return MAPPER.convertValue(m.withSpec(AzureMachineDefaults.forClone(m.spec())), GenericKubernetesResource.class);
    } catch (JacksonException | IllegalArgumentException e) {
      return clone;
    }
  }
}
