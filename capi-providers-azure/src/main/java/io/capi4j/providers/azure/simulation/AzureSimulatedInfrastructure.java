package io.capi4j.providers.azure.simulation;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Arg;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.JoinConfiguration;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.Kubeadm;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfig;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.NodeRegistrationOptions;
import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineSpec;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplate;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplateResource;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplateSpec;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePoolSpec;
import io.capi4j.providers.azure.api.v1beta1.ManagedDiskParameters;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolDeploymentStrategy;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineTemplate;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolSpec;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulationProfile;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.Latency;
import io.capi4j.testing.cloud.ProviderIds;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure in capi4j's simulations: the latency profile of a cluster on Standard_D2s_v3 workers, Azure-looking provider
 * IDs, and the objects of the standard flows as capi4j values.
 *
 * <h2>Profile {@value #STANDARD_D2S_V3}</h2>
 *
 * Every figure is an initial parameter of a mechanism, to be calibrated against the seed benchmark; none is a
 * target result.
 *
 * <ul>
 *   <li>{@link #VM_CREATE}: a standalone VM (AzureMachine) from the create call until it runs: normal, mean 95s, sd 2s
 *       (cut at 85s): NIC, disk and VM creation, serialized by CAPZ's services.
 *   <li>{@link #VM_DELETE}: a standalone VM delete until it is gone: uniform 30s–60s (uncalibrated).
 *   <li>{@link #VMSS_OPERATION}: a VMSS PUT (capacity or model) until the set starts provisioning: 10s.
 *   <li>{@link #VMSS_INSTANCE_CREATE}: one VMSS instance from the start of provisioning until it runs: uniform
 *       60s–120s, all instances in parallel.
 *   <li>{@link #VMSS_INSTANCE_DELETE}: one VMSS instance delete until it is gone: uniform 30s–60s (uncalibrated).
 *   <li>{@link #AKS_NODE_CREATE} (managed profile): one AKS node until it runs: normal, mean 70s, sd 3s (cut at 60s),
 *       plus a slow path of +60s with probability {@value #AKS_SLOW_PATH_PROBABILITY} ({@link #AKS_SLOW_PATH}), as a
 *       sum of independent samples ({@link Latency#plus}).
 *   <li>{@link #NODE_REGISTER}: from an instance running until its Node exists (cloud-init, kubeadm join, kubelet):
 *       30s.
 *   <li>{@link #NODE_READY}: from the Node existing until it is Ready (CNI): 8s.
 *   <li>{@link #BOOTSTRAP_DATA}: from a KubeadmConfig's first reconcile until its bootstrap data Secret exists: 2s.
 *   <li>Draining and controller concurrency: {@link SimulationProfile}'s defaults.
 * </ul>
 *
 * <h2>Provider IDs</h2>
 *
 * Uniform VMSS instances: {@code azure:///subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/
 * virtualMachineScaleSets/<vmss>/virtualMachines/<n>}; standalone VMs:
 * {@code azure:///subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>}, with
 * subscription {@value #SUBSCRIPTION} and resource group {@value #RESOURCE_GROUP} (lower case, as CAPZ writes it).
 */
public final class AzureSimulatedInfrastructure implements SimulatedInfrastructure {
  /** The default profile. */
  public static final String STANDARD_D2S_V3 = "azure-standard-d2s-v3";
  /** The VM size of the flows. */
  public static final String VM_SIZE = "Standard_D2s_v3";
  /** The region of the flows. */
  public static final String LOCATION = "eastus";
  /** The subscription in provider IDs. */
  public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
  /** The resource group in provider IDs. */
  public static final String RESOURCE_GROUP = "capi4j-sim";

  /** Standalone VM create: normal(95s, 2s), cut at 85s. */
  public static final Latency VM_CREATE =
      Latency.normal(Duration.ofSeconds(95), Duration.ofSeconds(2), Duration.ofSeconds(85));
  /** Standalone VM delete: uniform(30s, 60s). */
  public static final Latency VM_DELETE = Latency.uniform(Duration.ofSeconds(30), Duration.ofSeconds(60));
  /** VMSS operation until provisioning starts: 10s. */
  public static final Latency VMSS_OPERATION = Latency.fixed(Duration.ofSeconds(10));
  /** VMSS instance create: uniform(60s, 120s). */
  public static final Latency VMSS_INSTANCE_CREATE = Latency.uniform(Duration.ofSeconds(60), Duration.ofSeconds(120));
  /** VMSS instance delete: uniform(30s, 60s). */
  public static final Latency VMSS_INSTANCE_DELETE = Latency.uniform(Duration.ofSeconds(30), Duration.ofSeconds(60));
  /** The probability of an AKS node's slow path. */
  public static final double AKS_SLOW_PATH_PROBABILITY = 0.07;
  /** AKS's slow path: +60s with probability {@value #AKS_SLOW_PATH_PROBABILITY}, else nothing. */
  public static final Latency AKS_SLOW_PATH =
      r -> r.nextDouble() < AKS_SLOW_PATH_PROBABILITY ? Duration.ofSeconds(60) : Duration.ZERO;
  /** AKS node create: normal(70s, 3s), cut at 60s, plus the slow path. */
  public static final Latency AKS_NODE_CREATE =
      Latency.normal(Duration.ofSeconds(70), Duration.ofSeconds(3), Duration.ofSeconds(60)).plus(AKS_SLOW_PATH);
  /** Node registration after the instance runs: 30s. */
  public static final Latency NODE_REGISTER = Latency.fixed(Duration.ofSeconds(30));
  /** Node Ready after registration: 8s. */
  public static final Latency NODE_READY = Latency.fixed(Duration.ofSeconds(8));
  /** Bootstrap data: 2s. */
  public static final Latency BOOTSTRAP_DATA = Latency.fixed(Duration.ofSeconds(2));

  private static final String NAMESPACE = "default";
  private static final String COMPUTE = "/providers/Microsoft.Compute/";

  @Override
  public String provider() {
    return "azure";
  }

  @Override
  public List<String> profiles() {
    return List.of(STANDARD_D2S_V3);
  }

  @Override
  public CloudProfile cloudProfile(String profile) {
    check(profile);
    return CloudProfile.builder()
        .name(profile)
        .vmCreate(VM_CREATE)
        .vmDelete(VM_DELETE)
        .groupOperation(VMSS_OPERATION)
        .groupInstanceCreate(VMSS_INSTANCE_CREATE)
        .groupInstanceDelete(VMSS_INSTANCE_DELETE)
        .build();
  }

  @Override
  public Optional<CloudProfile> managedPoolProfile(String profile) {
    check(profile);
    return Optional.of(CloudProfile.builder()
        .name(profile + "-aks")
        .vmCreate(VM_CREATE)
        .vmDelete(VM_DELETE)
        .groupOperation(VMSS_OPERATION)
        .groupInstanceCreate(AKS_NODE_CREATE)
        .groupInstanceDelete(VMSS_INSTANCE_DELETE)
        .build());
  }

  @Override
  public SimulationProfile simulationProfile(String profile) {
    check(profile);
    return SimulationProfile.builder()
        .bootstrapData(BOOTSTRAP_DATA)
        .nodeRegister(NODE_REGISTER)
        .nodeReady(NODE_READY)
        .build();
  }

  private static void check(String profile) {
    if (!STANDARD_D2S_V3.equals(profile)) {
      throw new IllegalArgumentException("unknown azure profile \"" + profile + "\"; known: " + STANDARD_D2S_V3);
    }
  }

  @Override
  public ProviderIds providerIds() {
    return (group, id, zone) -> {
      String base = "azure:///subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP + COMPUTE;
      return group.map(g -> base + "virtualMachineScaleSets/" + g + "/virtualMachines/" + id)
          .orElse(base + "virtualMachines/" + id);
    };
  }

  @Override
  public List<Object> machineDeploymentFlow(String clusterName, String name, int replicas, String version) {
    Map<String, String> selector = Map.of(Capi.CLUSTER_NAME_LABEL, clusterName, Capi.MACHINE_DEPLOYMENT_NAME_LABEL, name);
    MachineDeployment md = MachineDeployment.builder()
        .metadata(meta(clusterName, name))
        .spec(MachineDeploymentSpec.builder()
            .clusterName(clusterName)
            .replicas(replicas)
            .selector(new LabelSelectorBuilder().withMatchLabels(selector).build())
            .template(MachineTemplateSpec.builder()
                .metadata(TemplateMeta.builder().labels(selector).build())
                .spec(MachineSpec.builder()
                    .clusterName(clusterName)
                    .version(version)
                    .bootstrap(Bootstrap.builder().configRef(
                        ContractVersionedObjectReference.of(Kubeadm.GROUP, KubeadmConfigTemplate.KIND, name)).build())
                    .infrastructureRef(ContractVersionedObjectReference.of(Azure.GROUP, AzureMachineTemplate.KIND, name))
                    .build())
                .build())
            .build())
        .build();
    AzureMachineTemplate template = AzureMachineTemplate.builder()
        .metadata(meta(clusterName, name))
        .spec(AzureMachineTemplateSpec.builder()
            .template(AzureMachineTemplateResource.builder().spec(AzureMachineSpec.builder()
                .vmSize(VM_SIZE)
                .identity(Azure.VM_IDENTITY_NONE)
                .osDisk(osDisk())
                .build()).build())
            .build())
        .build();
    KubeadmConfigTemplate kct = KubeadmConfigTemplate.builder()
        .metadata(meta(clusterName, name))
        .spec(KubeadmConfigTemplateSpec.of(KubeadmConfigTemplateResource.builder().spec(kubeadm()).build()))
        .build();
    return List.of(md, template, kct);
  }

  @Override
  public List<Object> machinePoolFlow(String clusterName, String name, int replicas, String version) {
    MachinePool mp = machinePool(clusterName, name, replicas, version,
        Bootstrap.builder().configRef(ContractVersionedObjectReference.of(Kubeadm.GROUP, KubeadmConfig.KIND, name)).build(),
        ContractVersionedObjectReference.of(Azure.GROUP, AzureMachinePool.KIND, name));
    AzureMachinePool amp = AzureMachinePool.builder()
        .metadata(meta(clusterName, name))
        .spec(AzureMachinePoolSpec.builder()
            .location(LOCATION)
            .identity(Azure.VM_IDENTITY_NONE)
            .orchestrationMode(Azure.ORCHESTRATION_UNIFORM)
            .strategy(AzureMachinePoolDeploymentStrategy.builder()
                .type(AzureMachinePoolDeploymentStrategy.ROLLING_UPDATE)
                .rollingUpdate(MachineRollingUpdateDeployment.builder()
                    .maxSurge(new IntOrString(1))
                    .maxUnavailable(new IntOrString(0))
                    .deletePolicy(MachineRollingUpdateDeployment.OLDEST)
                    .build())
                .build())
            .template(AzureMachinePoolMachineTemplate.builder().vmSize(VM_SIZE).osDisk(osDisk()).build())
            .build())
        .build();
    KubeadmConfig config = KubeadmConfig.builder().metadata(meta(clusterName, name)).spec(kubeadm()).build();
    return List.of(mp, amp, config);
  }

  @Override
  public List<Object> managedPoolFlow(String clusterName, String name, int replicas, String version) {
    MachinePool mp = machinePool(clusterName, name, replicas, version, Bootstrap.builder().dataSecretName("").build(),
        ContractVersionedObjectReference.of(Azure.GROUP, AzureManagedMachinePool.KIND, name));
    ObjectMeta m = new ObjectMetaBuilder(meta(clusterName, name))
        .addToLabels(Azure.LABEL_AGENT_POOL_MODE, Azure.NODE_POOL_MODE_USER).build();
    AzureManagedMachinePool ammp = AzureManagedMachinePool.builder()
        .metadata(m)
        .spec(AzureManagedMachinePoolSpec.builder()
            .name(agentPoolName(name))
            .mode(Azure.NODE_POOL_MODE_USER)
            .sku(VM_SIZE)
            .osType(Azure.LINUX)
            .build())
        .build();
    return List.of(mp, ammp);
  }

  /** An AKS-valid pool name from {@code name}: lower-case letters and digits, at most 12, starting with a letter. */
  static String agentPoolName(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "pool" + s;
    }
    return s.length() > 12 ? s.substring(0, 12) : s;
  }

  private static MachinePool machinePool(String clusterName, String name, int replicas, String version, Bootstrap bootstrap,
      ContractVersionedObjectReference infra) {
    return MachinePool.builder()
        .metadata(meta(clusterName, name))
        .spec(MachinePoolSpec.builder()
            .clusterName(clusterName)
            .replicas(replicas)
            .template(MachineTemplateSpec.builder()
                .spec(MachineSpec.builder()
                    .clusterName(clusterName)
                    .version(version)
                    .bootstrap(bootstrap)
                    .infrastructureRef(infra)
                    .build())
                .build())
            .build())
        .build();
  }

  private static OSDisk osDisk() {
    return OSDisk.builder()
        .osType(Azure.LINUX)
        .diskSizeGB(128)
        .cachingType(Azure.CACHING_NONE)
        .managedDisk(ManagedDiskParameters.builder().storageAccountType("Premium_LRS").build())
        .build();
  }

  private static KubeadmConfigSpec kubeadm() {
    return KubeadmConfigSpec.builder()
        .joinConfiguration(JoinConfiguration.builder().nodeRegistration(NodeRegistrationOptions.builder()
            .name("{{ ds.meta_data[\"local_hostname\"] }}")
            .addKubeletExtraArg(Arg.of("cloud-provider", "external"))
            .build()).build())
        .build();
  }

  private static ObjectMeta meta(String clusterName, String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE)
        .addToLabels(Capi.CLUSTER_NAME_LABEL, clusterName).build();
  }
}
