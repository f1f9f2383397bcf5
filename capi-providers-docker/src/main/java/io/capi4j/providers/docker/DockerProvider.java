package io.capi4j.providers.docker;

import io.capi4j.external.ExternalTemplates;
import io.capi4j.external.GenerateTemplateRequest;
import io.capi4j.providers.docker.api.v1beta2.DevMachine;
import io.capi4j.providers.docker.api.v1beta2.DevMachinePool;
import io.capi4j.providers.docker.api.v1beta2.Docker;
import io.capi4j.providers.docker.api.v1beta2.DockerMachine;
import io.capi4j.providers.docker.api.v1beta2.DockerMachinePool;
import io.capi4j.providers.docker.api.v1beta2.DockerMachineTemplate;
import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.KindSupport;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.ProviderDescriptor.MachineTemplateKind;
import io.capi4j.spi.ProviderDescriptor.PoolKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Docker provider (CAPD, {@code test/infrastructure/docker} in the Cluster API repository): containers as
 * machines, for development and tests. MachineDeployments use DockerMachineTemplates; MachinePools use a
 * DockerMachinePool or its successor, the DevMachinePool with the docker backend.
 */
public final class DockerProvider implements InfrastructureProvider {
  private static final String ROLLOUT = "create every up-to-date replacement first, then delete the outdated";

  @Override
  public ProviderDescriptor descriptor() {
    return ProviderDescriptor.builder()
        .name("docker")
        .displayName("Docker (CAPD)")
        .addKindPrefixes("Docker", "Dev")
        .addMachineTemplates(MachineTemplateKind.of(DockerMachineTemplate.KIND, DockerMachine.KIND))
        .addScalingGroupPools(
            PoolKind.builder().kind(DockerMachinePool.KIND).backing("containers").machineKind(DockerMachine.KIND)
                .rollout(ROLLOUT).build(),
            PoolKind.builder().kind(DevMachinePool.KIND).backing("containers (docker backend)")
                .machineKind(DevMachine.KIND).rollout(ROLLOUT).build())
        .note("DockerMachinePool (and its successor DevMachinePool) for development and testing")
        .build();
  }

  @Override
  public List<KindSupport<?>> kinds() {
    return List.of(
        KindSupport.of(Docker.API_VERSION, DockerMachineTemplate.KIND, DockerMachineTemplate.class,
            new DockerMachineTemplateWebhook()),
        KindSupport.of(Docker.API_VERSION, DockerMachine.KIND, DockerMachine.class, new DockerMachineWebhook()),
        KindSupport.of(Docker.API_VERSION, DockerMachinePool.KIND, DockerMachinePool.class,
            new DockerPoolWebhooks.DockerMachinePoolWebhook()),
        KindSupport.of(Docker.API_VERSION, DevMachinePool.KIND, DevMachinePool.class,
            new DockerPoolWebhooks.DevMachinePoolWebhook()),
        KindSupport.readOnly(Docker.API_VERSION, DevMachine.KIND, DevMachine.class));
  }

  /**
   * The DockerMachine of a new Machine: the template cloned as Cluster API clones it, plus the finalizer CAPD's
   * DockerMachine controller adds before anything else. CAPD sets nothing else at creation: the container is named
   * {@link #containerName}, and {@code spec.providerID} ({@link #providerID}) and
   * {@code status.initialization.provisioned} come once the container is bootstrapped.
   */
  @Override
  public GenericKubernetesResource infraMachineFromTemplate(GenericKubernetesResource template,
      GenerateTemplateRequest request) {
    GenericKubernetesResource out = ExternalTemplates.generate(template, request);
    if (DockerMachineTemplate.KIND.equals(template.getKind())) {
      List<String> finalizers = new ArrayList<>(out.getMetadata().getFinalizers() == null ? List.of()
          : out.getMetadata().getFinalizers());
      if (!finalizers.contains(Docker.MACHINE_FINALIZER)) {
        finalizers.add(Docker.MACHINE_FINALIZER);
      }
      out.setMetadata(new ObjectMetaBuilder(out.getMetadata()).withFinalizers(finalizers).build());
    }
    return out;
  }

  @Override
  public Optional<PoolPlanner> poolPlanner(String kind) {
    if (DockerMachinePool.KIND.equals(kind)) {
      return Optional.of(new DockerMachinePoolPlanner());
    }
    if (DevMachinePool.KIND.equals(kind)) {
      return Optional.of(new DevMachinePoolPlanner());
    }
    return Optional.empty();
  }

  /** CAPD's {@code MachineContainerName}: {@code <cluster>-<machine>}, unless the machine name starts with the cluster's. */
  public static String containerName(String clusterName, String machineName) {
    return ContainerPoolPlanner.containerName(clusterName, machineName);
  }

  /** The provider ID CAPD gives a machine's Node: {@code docker:////<container name>}. */
  public static String providerID(String clusterName, String machineName) {
    return "docker:////" + containerName(clusterName, machineName);
  }

  /** The scaling group that holds the containers of the pool {@code poolName} (either pool kind). */
  public static String poolGroupId(String clusterName, String poolName) {
    return ContainerPoolPlanner.groupId(clusterName, poolName);
  }
}
