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
 * Every figure is a parameter of a mechanism, either taken from CAPZ/CAPI (source given) or calibrated once against
 * the seed article's 5 → 20 scale-up on Standard_D2s_v3 (marked <em>calibrated</em>); none is a target result. The
 * three ways of running workers differ only by who orchestrates, which these mechanisms model:
 *
 * <ul>
 *   <li><b>MachineDeployment</b> (CAPI and CAPZ orchestrate, one VM per Machine). CAPZ's AzureMachine controller runs
 *       at most {@value #CONCURRENCY} reconciles at once (CAPZ's {@code --azuremachine-concurrency} default), and the
 *       reconcile that creates a VM holds its worker while it waits on Azure ({@link #VM_CREATE_CALL}, charged as the
 *       simulation's {@code cloudApiCall}; CAPZ's async services wait up to {@code DefaultAzureCallTimeout} = 2s on
 *       each long-running PUT before they requeue). New Machines therefore start their VMs in waves of ten, one
 *       {@code VM_CREATE_CALL} apart, and each VM then takes a tight {@link #VM_CREATE}: 15 new Nodes arrive as ten
 *       close together and five about 7s later.
 *   <li><b>MachinePool on a VMSS</b> (Azure orchestrates). CAPZ sends one capacity PUT; the scale set starts after
 *       {@link #VMSS_OPERATION} and provisions {@value #VMSS_PARALLELISM} instances at a time
 *       ({@link #VMSS_PARALLELISM}), each taking {@link #VMSS_INSTANCE_CREATE}: Nodes arrive in waves of five, one
 *       instance creation apart.
 *   <li><b>AKS</b> (the managed service orchestrates). The agent pool PUT starts provisioning after
 *       {@link #AKS_OPERATION}; every node is provisioned at once with a tight {@link #AKS_NODE_CREATE}; one node in
 *       fifteen fails its first provisioning attempt ({@link #AKS_NODE_FAILURE_RATE}, spread evenly so that the count
 *       does not depend on the seed, {@link CloudProfile.FailureSampling#EVEN}) and is re-provisioned in place after
 *       {@link #AKS_NODE_RETRY}: most nodes arrive together, one straggles about a minute later.
 * </ul>
 *
 * The seed changes which instance is slowest or fails and each sample's jitter, not these shapes.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>Parameter</th><th>Value</th><th>Source</th></tr>
 *   <tr><td>{@link #CONCURRENCY}</td><td>10 reconciles per controller</td><td>CAPZ {@code --azuremachine-concurrency}
 *       and CAPI's {@code --*-concurrency} defaults</td></tr>
 *   <tr><td>{@link #VM_CREATE_CALL}</td><td>normal(6.5s, 0.3s), cut at 5s</td><td>calibrated; consistent with CAPZ
 *       waiting up to 2s per long-running PUT ({@code DefaultAzureCallTimeout}) plus GETs</td></tr>
 *   <tr><td>{@link #VM_CREATE}</td><td>normal(98s, 1.5s), cut at 90s</td><td>calibrated</td></tr>
 *   <tr><td>{@link #VMSS_OPERATION}</td><td>normal(48s, 1s), cut at 40s</td><td>calibrated</td></tr>
 *   <tr><td>{@link #VMSS_PARALLELISM}</td><td>5 instances at once</td><td>calibrated</td></tr>
 *   <tr><td>{@link #VMSS_INSTANCE_CREATE}</td><td>normal(27s, 1s), cut at 22s</td><td>calibrated</td></tr>
 *   <tr><td>{@link #AKS_OPERATION}</td><td>10s</td><td>calibrated</td></tr>
 *   <tr><td>{@link #AKS_NODE_CREATE}</td><td>normal(50s, 3s), cut at 40s; all at once</td><td>calibrated</td></tr>
 *   <tr><td>{@link #AKS_NODE_FAILURE_RATE}</td><td>0.067 (1 in 15), even sampling</td><td>calibrated (the
 *       article's one straggler in 15)</td></tr>
 *   <tr><td>{@link #AKS_NODE_RETRY}</td><td>10s, then a fresh {@code AKS_NODE_CREATE}</td><td>calibrated</td></tr>
 *   <tr><td>{@link #NODE_REGISTER}</td><td>30s (cloud-init, kubeadm join, kubelet)</td><td>initial figure, kept</td></tr>
 *   <tr><td>{@link #NODE_READY}</td><td>8s (CNI)</td><td>initial figure, kept</td></tr>
 *   <tr><td>{@link #BOOTSTRAP_DATA}</td><td>2s</td><td>initial figure, kept</td></tr>
 *   <tr><td>{@link #VM_DELETE}, {@link #VMSS_INSTANCE_DELETE}</td><td>uniform(30s, 60s)</td><td>uncalibrated (the
 *       benchmark deletes nothing)</td></tr>
 *   <tr><td>drain, rate limit, API latencies</td><td>{@link SimulationProfile}'s defaults</td><td>CAPI's 1s
 *       per-object rate limit; others uncalibrated</td></tr>
 * </table>
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

  /** Standalone VM create (AzureMachine), from CAPZ's create call until the VM runs: normal(98s, 1.5s), cut at 90s. */
  public static final Latency VM_CREATE =
      Latency.normal(Duration.ofMillis(98_000), Duration.ofMillis(1_500), Duration.ofSeconds(90));
  /**
   * How long the AzureMachine controller's worker waits on Azure while it starts one VM: normal(6.5s, 0.3s), cut at
   * 5s.
   */
  public static final Latency VM_CREATE_CALL =
      Latency.normal(Duration.ofMillis(6_500), Duration.ofMillis(300), Duration.ofSeconds(5));
  /** AzureMachines (and other objects) each controller reconciles at once: CAPZ's and CAPI's default, 10. */
  public static final int CONCURRENCY = 10;
  /** Standalone VM delete: uniform(30s, 60s). */
  public static final Latency VM_DELETE = Latency.uniform(Duration.ofSeconds(30), Duration.ofSeconds(60));
  /** VMSS PUT (capacity or model) until the scale set starts provisioning instances: normal(48s, 1s), cut at 40s. */
  public static final Latency VMSS_OPERATION =
      Latency.normal(Duration.ofSeconds(48), Duration.ofSeconds(1), Duration.ofSeconds(40));
  /** One VMSS instance, from the start of its provisioning until it runs: normal(27s, 1s), cut at 22s. */
  public static final Latency VMSS_INSTANCE_CREATE =
      Latency.normal(Duration.ofSeconds(27), Duration.ofSeconds(1), Duration.ofSeconds(22));
  /** VMSS instances provisioned at once: 5; later ones start as earlier ones finish. */
  public static final int VMSS_PARALLELISM = 5;
  /** VMSS instance delete: uniform(30s, 60s). */
  public static final Latency VMSS_INSTANCE_DELETE = Latency.uniform(Duration.ofSeconds(30), Duration.ofSeconds(60));
  /** AKS agent pool PUT (count or version) until AKS starts provisioning nodes: 10s. */
  public static final Latency AKS_OPERATION = Latency.fixed(Duration.ofSeconds(10));
  /** One AKS node, from the start of its provisioning until it runs: normal(50s, 3s), cut at 40s; all at once. */
  public static final Latency AKS_NODE_CREATE =
      Latency.normal(Duration.ofSeconds(50), Duration.ofSeconds(3), Duration.ofSeconds(40));
  /** The share of AKS nodes whose first provisioning attempt fails: 0.067 (one in 15), spread evenly. */
  public static final double AKS_NODE_FAILURE_RATE = 0.067;
  /** After a failed AKS node attempt, AKS re-provisions the node after 10s (then a fresh {@link #AKS_NODE_CREATE}). */
  public static final Latency AKS_NODE_RETRY = Latency.fixed(Duration.ofSeconds(10));
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
        .groupParallelism(VMSS_PARALLELISM)
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
        .groupOperation(AKS_OPERATION)
        .groupInstanceCreate(AKS_NODE_CREATE)
        .failureRate(AKS_NODE_FAILURE_RATE)
        .failureSampling(CloudProfile.FailureSampling.EVEN)
        .failedInstanceRetry(AKS_NODE_RETRY)
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
        .cloudApiCall(VM_CREATE_CALL)
        .concurrency(CONCURRENCY)
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
