package io.capi4j.providers.aws.simulation;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Arg;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.JoinConfiguration;
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
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateResource;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.providers.aws.api.v1beta2.ManagedMachinePoolScaling;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import io.capi4j.providers.aws.webhooks.EksNames;
import io.capi4j.simulation.SimulatedInfrastructure;
import io.capi4j.simulation.SimulationProfile;
import io.capi4j.testing.cloud.CloudProfile;
import io.capi4j.testing.cloud.Latency;
import io.capi4j.testing.cloud.ProviderIds;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * AWS in simulations: the {@value #PROFILE} profile, EC2 provider IDs and the example flows (a MachineDeployment of
 * AWSMachines, a MachinePool backed by an ASG, a MachinePool backed by an EKS managed node group).
 *
 * <p>The {@value #PROFILE} profile's mechanism parameters (each a latency distribution of one step, sampled with
 * the simulation's seed; none is a target result):
 *
 * <table>
 *   <caption>aws-m5-large</caption>
 *   <tr><th>Mechanism</th><th>Parameter</th></tr>
 *   <tr><td>EC2 RunInstances until the instance is {@code running}</td><td>normal(40s, 5s), at least 20s</td></tr>
 *   <tr><td>EC2 TerminateInstances until the instance is gone</td><td>normal(30s, 5s), at least 10s</td></tr>
 *   <tr><td>ASG group operation (desired capacity or launch template change) until it starts launching</td>
 *       <td>5s</td></tr>
 *   <tr><td>ASG instance launch until {@code InService}</td><td>normal(45s, 8s), at least 20s, all in parallel</td></tr>
 *   <tr><td>ASG instance termination until it is gone</td><td>normal(30s, 5s), at least 10s</td></tr>
 *   <tr><td>ASG instance refresh</td><td>{@link AsgInstanceRefresh} (min/max healthy percentages, warm-up)</td></tr>
 *   <tr><td>EKS managed node group instance launch</td><td>normal(90s, 10s), at least 45s; group operation 5s</td></tr>
 *   <tr><td>Node registration after the instance runs (cloud-init, kubeadm join, kubelet)</td>
 *       <td>normal(35s, 4s), at least 20s</td></tr>
 *   <tr><td>Node Ready after registration (CNI)</td><td>normal(8s, 2s), at least 3s</td></tr>
 *   <tr><td>Bootstrap data secret</td><td>2s</td></tr>
 * </table>
 *
 * <p>Provider IDs are {@code aws:///<az>/i-<17 hex digits>}: the simulated cloud's numeric instance IDs mixed
 * bijectively (so that they look like EC2's and never collide), other IDs hashed; an instance without a zone is in
 * {@value #DEFAULT_ZONE}.
 */
public final class AwsSimulatedInfrastructure implements SimulatedInfrastructure {
  /** The default (and only) profile. */
  public static final String PROFILE = "aws-m5-large";
  /** The zone of instances the cloud placed without one. */
  public static final String DEFAULT_ZONE = "us-east-1a";
  /** The zones of the example flows. */
  public static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

  private static final String INSTANCE_TYPE = "m5.large";
  private static final String NODES_INSTANCE_PROFILE = "nodes.cluster-api-provider-aws.sigs.k8s.io";

  @Override
  public String provider() {
    return "aws";
  }

  @Override
  public List<String> profiles() {
    return List.of(PROFILE);
  }

  private static void check(String profile) {
    if (!PROFILE.equals(profile)) {
      throw new IllegalArgumentException("unknown aws profile " + profile + "; known: " + PROFILE);
    }
  }

  private static Latency normal(int meanSeconds, int stdDevSeconds, int minSeconds) {
    return Latency.normal(Duration.ofSeconds(meanSeconds), Duration.ofSeconds(stdDevSeconds), Duration.ofSeconds(minSeconds));
  }

  @Override
  public CloudProfile cloudProfile(String profile) {
    check(profile);
    return CloudProfile.builder()
        .name(PROFILE)
        .vmCreate(normal(40, 5, 20))
        .vmDelete(normal(30, 5, 10))
        .groupOperation(Latency.fixed(Duration.ofSeconds(5)))
        .groupInstanceCreate(normal(45, 8, 20))
        .groupInstanceDelete(normal(30, 5, 10))
        .rollingReplacement(new AsgInstanceRefresh())
        .build();
  }

  @Override
  public Optional<CloudProfile> managedPoolProfile(String profile) {
    check(profile);
    return Optional.of(CloudProfile.builder()
        .name(PROFILE + "-eks")
        .vmCreate(normal(40, 5, 20))
        .vmDelete(normal(30, 5, 10))
        .groupOperation(Latency.fixed(Duration.ofSeconds(5)))
        .groupInstanceCreate(normal(90, 10, 45))
        .groupInstanceDelete(normal(30, 5, 10))
        .rollingReplacement(new AsgInstanceRefresh())
        .build());
  }

  @Override
  public SimulationProfile simulationProfile(String profile) {
    check(profile);
    return SimulationProfile.builder()
        .bootstrapData(Latency.fixed(Duration.ofSeconds(2)))
        .nodeRegister(normal(35, 4, 20))
        .nodeReady(normal(8, 2, 3))
        .build();
  }

  @Override
  public ProviderIds providerIds() {
    return (group, id, zone) -> "aws:///" + zone.orElse(DEFAULT_ZONE) + "/" + ec2InstanceId(id);
  }

  /**
   * An EC2-looking instance ID for a simulated cloud's instance ID: {@code i-0} and 16 hex digits of a bijective
   * 64-bit mix of a numeric ID, or {@code i-} and 17 hex digits of the SHA-256 of any other ID.
   */
  public static String ec2InstanceId(String cloudId) {
    try {
      long z = Long.parseLong(cloudId) + 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      return "i-0" + String.format("%016x", z);
    } catch (NumberFormatException e) {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(cloudId.getBytes(StandardCharsets.UTF_8));
        return "i-" + HexFormat.of().formatHex(d).substring(0, 17);
      } catch (NoSuchAlgorithmException x) {
        throw new IllegalStateException("every JDK has SHA-256", x);
      }
    }
  }

  private static ObjectMeta meta(String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace("default").build();
  }

  private static ContractVersionedObjectReference infra(String kind, String name) {
    return ContractVersionedObjectReference.of(Capi.INFRASTRUCTURE_GROUP, kind, name);
  }

  private static ContractVersionedObjectReference bootstrap(String kind, String name) {
    return ContractVersionedObjectReference.of(Capi.BOOTSTRAP_GROUP, kind, name);
  }

  /** A worker's kubeadm join settings: the Node is named after the EC2 host and the AWS cloud provider runs outside. */
  private static KubeadmConfigSpec joinSpec() {
    return KubeadmConfigSpec.builder()
        .joinConfiguration(JoinConfiguration.builder()
            .nodeRegistration(NodeRegistrationOptions.builder()
                .name("{{ ds.meta_data.local_hostname }}")
                .addKubeletExtraArg(Arg.of("cloud-provider", "external"))
                .build())
            .build())
        .build();
  }

  /**
   * {@inheritDoc}
   *
   * <p>A MachineDeployment with the selector and template labels its webhook would default, an AWSMachineTemplate
   * of {@code m5.large} instances and a KubeadmConfigTemplate, all named {@code name}.
   */
  @Override
  public List<Object> machineDeploymentFlow(String clusterName, String name, int replicas, String version) {
    MachineDeployment md = MachineDeployment.builder()
        .metadata(meta(name))
        .spec(MachineDeploymentSpec.builder()
            .clusterName(clusterName)
            .replicas(replicas)
            .selector(new LabelSelectorBuilder().addToMatchLabels(Capi.CLUSTER_NAME_LABEL, clusterName)
                .addToMatchLabels(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, name).build())
            .template(MachineTemplateSpec.builder()
                .metadata(TemplateMeta.builder().putLabel(Capi.CLUSTER_NAME_LABEL, clusterName)
                    .putLabel(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, name).build())
                .spec(MachineSpec.builder().clusterName(clusterName).version(version)
                    .bootstrap(Bootstrap.builder().configRef(bootstrap(KubeadmConfigTemplate.KIND, name)).build())
                    .infrastructureRef(infra(AWSMachineTemplate.KIND, name))
                    .build())
                .build())
            .build())
        .build();
    AWSMachineTemplate template = AWSMachineTemplate.builder()
        .metadata(meta(name))
        .spec(AWSMachineTemplateSpec.builder().template(AWSMachineTemplateResource.builder()
            .spec(AWSMachineSpec.builder().instanceType(INSTANCE_TYPE).iamInstanceProfile(NODES_INSTANCE_PROFILE)
                .sshKeyName("default").build())
            .build()).build())
        .build();
    KubeadmConfigTemplate kct = KubeadmConfigTemplate.builder()
        .metadata(meta(name))
        .spec(KubeadmConfigTemplateSpec.of(KubeadmConfigTemplateResource.builder().spec(joinSpec()).build()))
        .build();
    return List.of(md, template, kct);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The MachinePool spread over {@link #ZONES}, an AWSMachinePool (an ASG of {@code m5.large} instances, minSize 0
   * and maxSize the larger of 100 and twice the replicas, instance refresh keeping 90% healthy) and a KubeadmConfig,
   * all named {@code name}.
   */
  @Override
  public List<Object> machinePoolFlow(String clusterName, String name, int replicas, String version) {
    MachinePool mp = machinePool(clusterName, name, replicas, version,
        Bootstrap.builder().configRef(bootstrap(KubeadmConfig.KIND, name)).build(), AWSMachinePool.KIND);
    AWSMachinePool pool = AWSMachinePool.builder()
        .metadata(meta(name))
        .spec(AWSMachinePoolSpec.builder()
            .minSize(0)
            .maxSize(Math.max(100, 2 * replicas))
            .availabilityZones(ZONES)
            .awsLaunchTemplate(AWSLaunchTemplate.builder().instanceType(INSTANCE_TYPE)
                .iamInstanceProfile(NODES_INSTANCE_PROFILE).sshKeyName("default").build())
            .build())
        .build();
    KubeadmConfig kc = KubeadmConfig.builder().metadata(meta(name)).spec(joinSpec()).build();
    return List.of(mp, pool, kc);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The MachinePool (with an empty bootstrap data secret name: EKS bootstraps its nodes) and an
   * AWSManagedMachinePool of {@code m5.large} nodes, scaling 0 to the larger of 100 and twice the replicas, updated
   * one node at a time.
   */
  @Override
  public List<Object> managedPoolFlow(String clusterName, String name, int replicas, String version) {
    MachinePool mp = machinePool(clusterName, name, replicas, version, Bootstrap.builder().dataSecretName("").build(),
        AWSManagedMachinePool.KIND);
    AWSManagedMachinePool pool = AWSManagedMachinePool.builder()
        .metadata(meta(name))
        .spec(AWSManagedMachinePoolSpec.builder()
            .eksNodegroupName(EksNames.generate(name, "default", EksNames.MAX_NODEGROUP_NAME_LENGTH))
            .instanceType(INSTANCE_TYPE)
            .amiType(Aws.AMI_TYPE_AL2_X86_64)
            .capacityType(Aws.CAPACITY_TYPE_ON_DEMAND)
            .availabilityZones(ZONES)
            .scaling(ManagedMachinePoolScaling.builder().minSize(0).maxSize(Math.max(100, 2 * replicas)).build())
            .updateConfig(UpdateConfig.builder().maxUnavailable(1).build())
            .build())
        .build();
    return List.of(mp, pool);
  }

  private static MachinePool machinePool(String clusterName, String name, int replicas, String version,
      Bootstrap bootstrap, String infraKind) {
    return MachinePool.builder()
        .metadata(meta(name))
        .spec(MachinePoolSpec.builder()
            .clusterName(clusterName)
            .replicas(replicas)
            .failureDomains(ZONES)
            .template(MachineTemplateSpec.builder()
                .spec(MachineSpec.builder().clusterName(clusterName).version(version).bootstrap(bootstrap)
                    .infrastructureRef(infra(infraKind, name)).build())
                .build())
            .build())
        .build();
  }
}
