package io.capi4j.providers.azure.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePoolSpec;
import io.capi4j.providers.azure.api.v1beta1.KubeletConfig;
import io.capi4j.providers.azure.api.v1beta1.LinuxOSConfig;
import io.capi4j.providers.azure.api.v1beta1.ManagedMachinePoolScaling;
import io.capi4j.providers.azure.api.v1beta1.SysctlConfig;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CAPZ's {@code internal/webhooks/azuremanagedmachinepool_webhook_test.go}: defaulting, update, create, last System pool. */
class AzureManagedMachinePoolWebhookTest {
  final AzureManagedMachinePoolWebhook webhook = new AzureManagedMachinePoolWebhook();

  static AzureManagedMachinePool pool(String name, UnaryOperator<AzureManagedMachinePoolSpec> s) {
    return AzureManagedMachinePool.builder().metadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build())
        .spec(s.apply(AzureManagedMachinePoolSpec.builder().build())).build();
  }

  static AzureManagedMachinePool pool(UnaryOperator<AzureManagedMachinePoolSpec> s) {
    return pool("", s);
  }

  static AzureManagedMachinePoolSpec sys(AzureManagedMachinePoolSpec s) {
    return s.withMode("System").withSku("StandardD2S_V3").withOsDiskSizeGB(512);
  }

  @Test
  void defaulting() {
    AzureManagedMachinePool m = pool("fooname", AzureManagedMachinePoolWebhookTest::sys);
    AzureManagedMachinePool got = webhook.applyDefaults(m, AdmissionContext.create());
    assertThat(got.labels()).containsEntry("azuremanagedmachinepool.infrastructure.cluster.x-k8s.io/agentpoolmode", "System");
    assertThat(got.spec().name()).hasValue("fooname");
    assertThat(got.spec().osType()).hasValue("Linux");
    assertThat(webhook.applyDefaults(m.withSpec(m.spec().withName("")), AdmissionContext.create()).spec().name()).hasValue("fooname");
    assertThat(webhook.applyDefaults(m.withSpec(m.spec().withName("barname")), AdmissionContext.create()).spec().name()).hasValue("barname");
    assertThat(webhook.applyDefaults(m.withSpec(m.spec().withOsDiskType("Ephemeral")), AdmissionContext.create()).spec().osDiskType())
        .hasValue("Ephemeral");
    assertThat(got.spec().osDiskType()).hasValue("Managed");
    assertThat(got.spec().scaleDownMode()).hasValue("Delete");
  }

  static Stream<Arguments> updateCases() {
    List<Arguments> c = new ArrayList<>();
    c.add(Arguments.of("Cannot change Name of the agentpool", pool(s -> s.withName("pool-old")), pool(s -> s.withName("pool-new")), true));
    c.add(Arguments.of("Cannot change SKU of the agentpool", pool(s -> sys(s).withSku("StandardD2S_V4")), pool(s -> sys(s)), true));
    c.add(Arguments.of("Cannot change OSType of the agentpool", pool(s -> sys(s).withOsType("Windows").withSku("StandardD2S_V4")),
        pool(s -> sys(s).withOsType("Linux")), true));
    c.add(Arguments.of("Cannot change OSDiskSizeGB of the agentpool", pool(s -> sys(s).withOsDiskSizeGB(1024)), pool(s -> sys(s)), true));
    c.add(Arguments.of("Cannot add AvailabilityZones after creating agentpool", pool(s -> sys(s)),
        pool(s -> sys(s).withAvailabilityZones("1", "2", "3")), true));
    c.add(Arguments.of("Cannot remove AvailabilityZones after creating agentpool", pool(s -> sys(s).withAvailabilityZones("1", "2", "3")),
        pool(s -> sys(s)), true));
    c.add(Arguments.of("Cannot change AvailabilityZones of the agentpool", pool(s -> sys(s).withAvailabilityZones("1", "2", "3")),
        pool(s -> sys(s).withAvailabilityZones("1", "2")), true));
    c.add(Arguments.of("AvailabilityZones order can be different", pool(s -> sys(s).withAvailabilityZones("1", "2", "3")),
        pool(s -> sys(s).withAvailabilityZones("1", "3", "2")), false));
    c.add(Arguments.of("Cannot change MaxPods of the agentpool", pool(s -> sys(s).withMaxPods(25)), pool(s -> sys(s).withMaxPods(24)), true));
    c.add(Arguments.of("Unchanged MaxPods in an agentpool should not result in an error", pool(s -> sys(s).withMaxPods(30)),
        pool(s -> sys(s).withMaxPods(30)), false));
    c.add(Arguments.of("Cannot change OSDiskType of the agentpool", pool(s -> sys(s).withMaxPods(24).withOsDiskType("Managed")),
        pool(s -> sys(s).withMaxPods(24).withOsDiskType("Ephemeral")), true));
    c.add(Arguments.of("Unchanged OSDiskType in an agentpool should not result in an error",
        pool(s -> sys(s).withMaxPods(30).withOsDiskType("Managed")), pool(s -> sys(s).withMaxPods(30).withOsDiskType("Managed")), false));
    c.add(Arguments.of("Unexpected error, value EnableUltraSSD is unchanged", pool(s -> s.withEnableUltraSSD(true)),
        pool(s -> s.withEnableUltraSSD(true)), false));
    c.add(Arguments.of("EnableUltraSSD feature is immutable and currently enabled on this agentpool", pool(s -> s.withEnableUltraSSD(true)),
        pool(s -> s.withEnableUltraSSD(false)), true));
    c.add(Arguments.of("Unexpected error, value EnableNodePublicIP is unchanged", pool(s -> s.withEnableNodePublicIP(true)),
        pool(s -> s.withEnableNodePublicIP(true)), false));
    c.add(Arguments.of("EnableNodePublicIP feature is immutable and currently enabled on this agentpool",
        pool(s -> s.withEnableNodePublicIP(true)), pool(s -> s.withEnableNodePublicIP(false)), true));
    c.add(Arguments.of("NodeTaints are mutable", pool(s -> s), pool(s -> s), false));
    c.add(Arguments.of("Can't add a node label that begins with kubernetes.azure.com", pool(s -> s.withNodeLabels(Map.of("foo", "bar"))),
        pool(s -> s.withNodeLabels(Map.of("foo", "bar", "kubernetes.azure.com/scalesetpriority", "spot"))), true));
    c.add(Arguments.of("Can't update kubeletconfig", pool(s -> s.withKubeletConfig(KubeletConfig.builder().failSwapOn(false).build())),
        pool(s -> s.withKubeletConfig(KubeletConfig.builder().failSwapOn(true).build())), true));
    c.add(Arguments.of("Can't update LinuxOSConfig", pool(s -> s.withLinuxOSConfig(LinuxOSConfig.builder().swapFileSizeMB(5).build())),
        pool(s -> s.withLinuxOSConfig(LinuxOSConfig.builder().swapFileSizeMB(10).build())), true));
    c.add(Arguments.of("Can't update SubnetName with error", pool(s -> s.withSubnetName("my-subnet-1")),
        pool(s -> s.withSubnetName("my-subnet")), true));
    c.add(Arguments.of("Can update SubnetName if subnetName is empty", pool(s -> s), pool(s -> s.withSubnetName("my-subnet")), false));
    c.add(Arguments.of("Can't update SubnetName without error", pool(s -> s.withSubnetName("my-subnet")),
        pool(s -> s.withSubnetName("my-subnet")), false));
    c.add(Arguments.of("Cannot update enableFIPS", pool(s -> s.withEnableFIPS(false)), pool(s -> s.withEnableFIPS(true)), true));
    c.add(Arguments.of("Cannot update enableEncryptionAtHost", pool(s -> s.withEnableEncryptionAtHost(false)),
        pool(s -> s.withEnableEncryptionAtHost(true)), true));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void validateUpdate(String name, AzureManagedMachinePool old, AzureManagedMachinePool now, boolean wantErr) {
    List<FieldError> errs = webhook.validate(now, AdmissionContext.create().withOldObject(old));
    if (wantErr) {
      assertThat(errs).isNotEmpty();
    } else {
      assertThat(errs).isEmpty();
    }
  }

  static KubeletConfig kubelet(UnaryOperator<KubeletConfig> k) {
    return k.apply(KubeletConfig.builder().build());
  }

  static AzureManagedMachinePool portRange(String range) {
    return pool(s -> s.withLinuxOSConfig(LinuxOSConfig.builder().sysctls(SysctlConfig.builder().netIpv4IpLocalPortRange(range).build()).build()));
  }

  static Stream<Arguments> createCases() {
    String prefix = "subscriptions/11111111-2222-aaaa-bbbb-cccccccccccc/resourceGroups/public-ip-test/providers/Microsoft.Network/"
        + "publicipprefixes/public-ip-prefix";
    String len81 = "3DgIb8EZMkLs0KlyPaTcNxoJU9ufmW6jvXrweqz1hVp5nS4RtH2QY7AFOiC5nS4RtH2QY7AFOiC3DgIb8";
    List<Arguments> c = new ArrayList<>();
    c.add(Arguments.of("valid", pool(s -> s.withMaxPods(30).withOsDiskType("Ephemeral")), 0));
    c.add(Arguments.of("another valid permutation", pool(s -> s.withMaxPods(249).withOsDiskType("Managed")), 0));
    c.add(Arguments.of("valid - optional configuration not present", pool(s -> s), 0));
    c.add(Arguments.of("too many MaxPods", pool(s -> s.withMaxPods(251)), 1));
    for (String bad : List.of("1+subnet", "1", "-a_b-c", "-_-_", "abc@#$")) {
      c.add(Arguments.of("invalid subnetname " + bad, pool(s -> s.withSubnetName(bad)), 1));
    }
    c.add(Arguments.of("invalid subnetname with versioning", pool(s -> s.withSubnetName("workload-ampt-v0.1.0.")), 1));
    c.add(Arguments.of("invalid subnetname with character length 81", pool(s -> s.withSubnetName(len81)), 1));
    c.add(Arguments.of("valid subnetname with character length 80", pool(s -> s.withSubnetName(len81.substring(0, 80))), 0));
    c.add(Arguments.of("valid subnetname with versioning", pool(s -> s.withSubnetName("workload-ampt-v0.1.0")), 0));
    for (String good : List.of("1abc", "1-a-b-c", "my-subnet")) {
      c.add(Arguments.of("valid subnetname " + good, pool(s -> s.withSubnetName(good)), 0));
    }
    c.add(Arguments.of("too few MaxPods", pool(s -> s.withMaxPods(9)), 1));
    c.add(Arguments.of("ostype Windows with System mode not allowed", pool(s -> s.withMode("System").withOsType("Windows")), 1));
    c.add(Arguments.of("ostype windows with User mode", pool(s -> s.withMode("User").withOsType("Windows")), 0));
    c.add(Arguments.of("Windows clusters with 6char or less name", pool("pool0", s -> s.withMode("User").withOsType("Windows")), 0));
    c.add(Arguments.of("Windows clusters with more than 6char names are not allowed",
        pool(s -> s.withName("pool0-name-too-long").withMode("User").withOsType("Windows")), 1));
    c.add(Arguments.of("valid label", pool(s -> s.withMode("User").withOsType("Linux").withNodeLabels(Map.of("foo", "bar"))), 0));
    c.add(Arguments.of("kubernetes.azure.com label", pool(s -> s.withMode("User").withOsType("Linux")
        .withNodeLabels(Map.of("kubernetes.azure.com/scalesetpriority", "spot"))), 1));
    c.add(Arguments.of("pool with invalid public ip prefix",
        pool(s -> s.withEnableNodePublicIP(true).withNodePublicIPPrefixID("not a valid resource ID")), 1));
    c.add(Arguments.of("pool with public ip prefix cannot omit node public IP", pool(s -> s.withNodePublicIPPrefixID(prefix)), 1));
    c.add(Arguments.of("pool with public ip prefix cannot disable node public IP",
        pool(s -> s.withEnableNodePublicIP(false).withNodePublicIPPrefixID(prefix)), 1));
    c.add(Arguments.of("pool with public ip prefix with node public IP enabled ok",
        pool(s -> s.withEnableNodePublicIP(true).withNodePublicIPPrefixID(prefix)), 0));
    c.add(Arguments.of("pool with public ip prefix with leading slash with node public IP enabled ok",
        pool(s -> s.withEnableNodePublicIP(true).withNodePublicIPPrefixID("/" + prefix)), 0));
    c.add(Arguments.of("pool without public ip prefix with node public IP unset ok", pool(s -> s), 0));
    c.add(Arguments.of("pool without public ip prefix with node public IP enabled ok", pool(s -> s.withEnableNodePublicIP(true)), 0));
    c.add(Arguments.of("pool without public ip prefix with node public IP disabled ok", pool(s -> s.withEnableNodePublicIP(false)), 0));
    c.add(Arguments.of("KubeletConfig CPUCfsQuotaPeriod needs 'ms' suffix",
        pool(s -> s.withKubeletConfig(kubelet(k -> k.withCpuCfsQuotaPeriod("100")))), 1));
    c.add(Arguments.of("KubeletConfig CPUCfsQuotaPeriod has valid 'ms' suffix",
        pool(s -> s.withKubeletConfig(kubelet(k -> k.withCpuCfsQuotaPeriod("100ms")))), 0));
    c.add(Arguments.of("KubeletConfig ImageGcLowThreshold can't be more than ImageGcHighThreshold",
        pool(s -> s.withKubeletConfig(kubelet(k -> k.withImageGcLowThreshold(100).withImageGcHighThreshold(99)))), 1));
    c.add(Arguments.of("KubeletConfig ImageGcLowThreshold is lower than ImageGcHighThreshold",
        pool(s -> s.withKubeletConfig(kubelet(k -> k.withImageGcLowThreshold(99).withImageGcHighThreshold(100)))), 0));
    c.add(Arguments.of("valid KubeletConfig AllowedUnsafeSysctls values", pool(s -> s.withKubeletConfig(kubelet(k ->
        k.withAllowedUnsafeSysctls("kernel.shm*", "kernel.msg*", "kernel.sem", "fs.mqueue.*", "net.*")))), 0));
    c.add(Arguments.of("more valid KubeletConfig AllowedUnsafeSysctls values", pool(s -> s.withKubeletConfig(kubelet(k ->
        k.withAllowedUnsafeSysctls("kernel.shm.something", "kernel.msg.foo.bar", "kernel.sem", "fs.mqueue.baz",
            "net.my.configuration.path")))), 0));
    c.add(Arguments.of("an invalid KubeletConfig AllowedUnsafeSysctls value in a set", pool(s -> s.withKubeletConfig(kubelet(k ->
        k.withAllowedUnsafeSysctls("kernel.shm.something", "kernel.msg.foo.bar", "kernel.sem", "fs.mqueue.baz",
            "net.my.configuration.path", "kernel.not.allowed")))), 1));
    c.add(Arguments.of("validLinuxOSConfig Sysctls NetIpv4IpLocalPortRange.First is less than NetIpv4IpLocalPortRange.Last",
        portRange("2000 33000"), 0));
    c.add(Arguments.of("an invalid LinuxOSConfig Sysctls NetIpv4IpLocalPortRange.First string is ill-formed", portRange("wrong 33000"), 1));
    c.add(Arguments.of("an invalid LinuxOSConfig Sysctls NetIpv4IpLocalPortRange.Last string is ill-formed", portRange("2000 wrong"), 1));
    c.add(Arguments.of("an invalid LinuxOSConfig Sysctls NetIpv4IpLocalPortRange.First less than allowed value", portRange("1020 32999"), 1));
    c.add(Arguments.of("an invalid LinuxOSConfig Sysctls NetIpv4IpLocalPortRange.Last less than allowed value", portRange("1024 32000"), 1));
    c.add(Arguments.of("an invalid LinuxOSConfig Sysctls NetIpv4IpLocalPortRange.First is greater than NetIpv4IpLocalPortRange.Last",
        portRange("33000 32999"), 1));
    c.add(Arguments.of("valid LinuxOSConfig Sysctls is set by disabling FailSwapOn", pool(s -> s.withKubeletConfig(kubelet(k ->
        k.withFailSwapOn(false))).withLinuxOSConfig(LinuxOSConfig.builder().swapFileSizeMB(1500).build())), 0));
    c.add(Arguments.of("an invalid LinuxOSConfig Sysctls is set with FailSwapOn set to true", pool(s -> s.withKubeletConfig(kubelet(k ->
        k.withFailSwapOn(true))).withLinuxOSConfig(LinuxOSConfig.builder().swapFileSizeMB(1500).build())), 1));
    c.add(Arguments.of("an invalid LinuxOSConfig Sysctls is set without disabling FailSwapOn",
        pool(s -> s.withLinuxOSConfig(LinuxOSConfig.builder().swapFileSizeMB(1500).build())), 1));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void validateCreate(String name, AzureManagedMachinePool m, int errorLen) {
    assertThat(webhook.validate(m, AdmissionContext.create())).hasSize(errorLen);
  }

  static Stream<Arguments> nameCases() {
    return Stream.of(
        Arguments.of("linux name of 12 is fine", "abcdefghijkl", "Linux", null),
        Arguments.of("linux name of 13 is too long", "abcdefghijklm", "Linux",
            "spec.name: Invalid value: \"Linux\": For OSType Linux, spec.name can not be longer than 12 characters."),
        Arguments.of("no OS type counts as Linux", "abcdefghijklm", null,
            "spec.name: Invalid value: null: For OSType Linux, spec.name can not be longer than 12 characters."),
        Arguments.of("windows name of 7 is too long", "abcdefg", "Windows",
            "spec.name: Invalid value: \"abcdefg\": For OSType Windows, spec.name can not be longer than 6 characters."),
        Arguments.of("must begin with a lowercase letter", "1pool", "Linux",
            "spec.name: Invalid value: \"1pool\": spec.name must begin with a lowercase letter."),
        Arguments.of("uppercase is not allowed", "poolA", "Linux",
            "spec.name: Invalid value: \"poolA\": spec.name may only contain lowercase alphanumeric characters."),
        Arguments.of("dashes are not allowed", "pool-a", "Linux",
            "spec.name: Invalid value: \"pool-a\": spec.name may only contain lowercase alphanumeric characters."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nameCases")
  void names(String title, String name, String osType, String want) {
    AzureManagedMachinePool m = pool(s -> s.withName(name).withMode("User").withOsType(java.util.Optional.ofNullable(osType)));
    List<String> errs = webhook.validate(m, AdmissionContext.create()).stream().map(FieldError::toString).toList();
    if (want == null) {
      assertThat(errs).isEmpty();
    } else {
      assertThat(errs).containsExactly(want);
    }
  }

  @Test
  void theMetadataNameIsCheckedWhenSpecNameIsEmpty() {
    assertThat(webhook.validate(pool("Pool", s -> s.withMode("User")), AdmissionContext.create())).extracting(FieldError::detail)
        .containsExactly("when spec.name is empty, metadata.name must begin with a lowercase letter.");
  }

  @Test
  void aSystemPoolMustRunLinux() {
    assertThat(webhook.validate(pool(s -> s.withMode("System").withOsType("Windows")), AdmissionContext.create()))
        .extracting(FieldError::toString).containsExactly("spec.osType: Forbidden: System node pooll must have OSType 'Linux'");
  }

  // --- the last System pool ---

  static AzureManagedMachinePool labelled(String name, String mode) {
    AzureManagedMachinePool p = pool(name, s -> s.withMode(mode).withSku("Standard_D2s_v3"));
    return p.withMetadata(new ObjectMetaBuilder(p.metadata()).addToLabels("cluster.x-k8s.io/cluster-name", "test-cluster")
        .addToLabels("azuremanagedmachinepool.infrastructure.cluster.x-k8s.io/agentpoolmode", mode).build());
  }

  static Cluster cluster(boolean deleting) {
    Cluster c = Fixtures.cluster("test-cluster", "test-cluster");
    return deleting ? c.withMetadata(new ObjectMetaBuilder(c.metadata()).withDeletionTimestamp("2026-01-01T00:00:00Z").build()) : c;
  }

  @Test
  void theLastSystemPoolCannotBeDeletedOrTurnedIntoAUserPool() {
    AzureManagedMachinePool system = labelled("sys", "System");
    AdmissionContext alone = AdmissionContext.create().withObjects(List.of(cluster(false), system, labelled("user", "User")));
    assertThat(webhook.validateDelete(system, alone)).extracting(FieldError::detail).allMatch(d -> d.endsWith(
        "AKS Cluster must have at least one system pool"));
    AzureManagedMachinePool toUser = system.withSpec(system.spec().withMode("User"));
    assertThat(webhook.validate(toUser, alone.withOldObject(system))).extracting(FieldError::toString).containsExactly(
        "spec.mode: Forbidden: Cannot change node pool mode to User, you must have at least one System node pool in your cluster");
  }

  @Test
  void anotherSystemPoolOfTheSameClusterAllowsIt() {
    AzureManagedMachinePool system = labelled("sys", "System");
    AdmissionContext two = AdmissionContext.create().withObjects(List.of(system, labelled("sys2", "System")));
    assertThat(webhook.validateDelete(system, two)).isEmpty();
    assertThat(webhook.validate(system.withSpec(system.spec().withMode("User")), two.withOldObject(system))).isEmpty();
    // A System pool of another cluster does not count.
    AzureManagedMachinePool other = labelled("sys3", "System");
    other = other.withMetadata(new ObjectMetaBuilder(other.metadata()).addToLabels("cluster.x-k8s.io/cluster-name", "other").build());
    assertThat(webhook.validateDelete(system, AdmissionContext.create().withObjects(List.of(system, other)))).isNotEmpty();
  }

  @Test
  void deletingClusterOrMoveOrNoClusterLabelSkipTheRule() {
    AzureManagedMachinePool system = labelled("sys", "System");
    // The owner cluster is being deleted.
    assertThat(webhook.validateDelete(system, AdmissionContext.create().withObjects(List.of(cluster(true), system)))).isEmpty();
    // clusterctl move deletes the pool.
    AzureManagedMachinePool moving = system.withMetadata(new ObjectMetaBuilder(system.metadata())
        .addToAnnotations("clusterctl.cluster.x-k8s.io/delete-for-move", "true").build());
    assertThat(webhook.validateDelete(moving, AdmissionContext.create().withObjects(List.of(cluster(false), moving)))).isEmpty();
    // Without the cluster-name label there is nothing to check.
    assertThat(webhook.validateDelete(pool("p", s -> s.withMode("System")), AdmissionContext.create())).isEmpty();
    // A User pool can always be deleted; User to System is allowed.
    AzureManagedMachinePool user = labelled("user", "User");
    assertThat(webhook.validateDelete(user, AdmissionContext.create())).isEmpty();
    assertThat(webhook.validate(user.withSpec(user.spec().withMode("System")), AdmissionContext.create().withOldObject(user))).isEmpty();
  }

  @Test
  void scalingBoundsAreACapi4jRule() {
    AzureManagedMachinePool bad = pool("p", s -> s.withMode("User").withScaling(ManagedMachinePoolScaling.builder().minSize(5).maxSize(3).build()));
    assertThat(webhook.validate(bad, AdmissionContext.create())).extracting(FieldError::toString)
        .containsExactly("spec.scaling.maxSize: Invalid value: 3: must be greater than or equal to minSize 5 (capi4j)");
    AzureManagedMachinePool ok = pool("p", s -> s.withMode("User").withScaling(ManagedMachinePoolScaling.builder().minSize(3).maxSize(3).build()));
    assertThat(webhook.validate(ok, AdmissionContext.create())).isEmpty();
    AzureManagedMachinePool noBounds = pool("p", s -> s.withMode("User").withScaling(ManagedMachinePoolScaling.builder().build()));
    assertThat(webhook.validate(noBounds, AdmissionContext.create())).isEmpty();
  }

  @Test
  void theSchemaRequiresModeAndSku() {
    assertThat(webhook.checkSchema(pool("p", s -> s), AdmissionContext.create())).extracting(FieldError::field)
        .containsExactly("spec.mode", "spec.sku");
    assertThat(webhook.checkSchema(pool("p", s -> s.withMode("Other").withSku("x").withOsType("Mac")), AdmissionContext.create()))
        .extracting(FieldError::field).containsExactly("spec.mode", "spec.osType");
  }
}
