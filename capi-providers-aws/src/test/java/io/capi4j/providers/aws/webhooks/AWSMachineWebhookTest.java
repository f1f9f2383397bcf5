package io.capi4j.providers.aws.webhooks;

import static io.capi4j.providers.aws.AwsTestSupport.IGNITION_ON;
import static io.capi4j.providers.aws.AwsTestSupport.meta;
import static io.capi4j.providers.aws.AwsTestSupport.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.AwsTestSupport;
import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSResourceReference;
import io.capi4j.providers.aws.api.v1beta2.CloudInit;
import io.capi4j.providers.aws.api.v1beta2.DynamicHostAllocationSpec;
import io.capi4j.providers.aws.api.v1beta2.ElasticIPPool;
import io.capi4j.providers.aws.api.v1beta2.Filter;
import io.capi4j.providers.aws.api.v1beta2.Ignition;
import io.capi4j.providers.aws.api.v1beta2.IgnitionProxy;
import io.capi4j.providers.aws.api.v1beta2.IgnitionTLS;
import io.capi4j.providers.aws.api.v1beta2.PrivateDNSName;
import io.capi4j.providers.aws.api.v1beta2.SpotMarketOptions;
import io.capi4j.providers.aws.api.v1beta2.Volume;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.AdmissionResult;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upstream's {@code webhooks/awsmachine_webhook_test.go} and {@code sshkeyname_test.go} (which run against a test
 * API server, so the CRD schema and defaults apply too), with the BootstrapFormatIgnition gate on as upstream.
 */
class AWSMachineWebhookTest {

  static AWSMachine machine(UnaryOperator<AWSMachineSpec> edit) {
    return AWSMachine.builder().metadata(meta("machine"))
        .spec(edit.apply(AWSMachineSpec.builder().instanceType("test").build())).build();
  }

  static AdmissionResult create(AWSMachine m) {
    return AwsTestSupport.ADMISSION.admit(m, AdmissionContext.create().withFeatureGates(IGNITION_ON));
  }

  static Arguments c(String name, UnaryOperator<AWSMachineSpec> edit, boolean wantErr) {
    return Arguments.of(Named.of(name, edit), wantErr);
  }

  static final SpotMarketOptions SPOT = SpotMarketOptions.builder().build();
  static final Filter FILTER = Filter.builder().name("example-name").addValue("example-value").build();
  static final DynamicHostAllocationSpec DYNAMIC = DynamicHostAllocationSpec.builder().putTag("env", "test").build();

  static Stream<Arguments> createCases() {
    return Stream.of(
        c("ensure IOPS exists if type equal to io1", s -> s.withRootVolume(Volume.builder().type("io1").build()), true),
        c("ensure IOPS exists if type equal to io2", s -> s.withRootVolume(Volume.builder().type("io2").build()), true),
        c("ensure root volume throughput is within range", s -> s.withRootVolume(Volume.builder().throughput(-125L).build()), true),
        c("ensure root volume with device name works (for clusterctl move)",
            s -> s.withRootVolume(Volume.builder().deviceName("name").type("gp2").size(8L).build()), false),
        c("ensure non root volume have device names", s -> s.withNonRootVolumes(Volume.builder().build()), true),
        c("ensure IOPS exists if type equal to io1 for non root volumes",
            s -> s.withNonRootVolumes(Volume.builder().deviceName("name").type("io1").build()), true),
        c("ensure IOPS exists if type equal to io2 for non root volumes",
            s -> s.withNonRootVolumes(Volume.builder().deviceName("name").type("io2").build()), true),
        c("ensure non root volume throughput is nonnegative",
            s -> s.withNonRootVolumes(Volume.builder().throughput(-125L).build()), true),
        c("additional security groups may have id", s -> s.withAdditionalSecurityGroups(AWSResourceReference.builder().id("id").build()), false),
        c("additional security groups may have filters",
            s -> s.withAdditionalSecurityGroups(AWSResourceReference.builder().addFilter(FILTER).build()), false),
        c("additional security groups can't have both id and filters",
            s -> s.withAdditionalSecurityGroups(AWSResourceReference.builder().id("id").addFilter(FILTER).build()), true),
        c("valid additional tags are accepted", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "key-2", "value-2")), false),
        c("invalid case, MarketType set to MarketTypeCapacityBlock and spotMarketOptions are specified",
            s -> s.withMarketType("CapacityBlock").withSpotMarketOptions(SPOT), true),
        c("invalid case, MarketType set to MarketTypeOnDemand and spotMarketOptions are specified",
            s -> s.withMarketType("OnDemand").withSpotMarketOptions(SPOT), true),
        c("invalid MarketType set to MarketTypeCapacityBlock is specified and CapacityReservationId is not provided",
            s -> s.withMarketType("CapacityBlock"), true),
        c("valid MarketType set to MarketTypeCapacityBlock and CapacityReservationId are specified",
            s -> s.withMarketType("CapacityBlock").withCapacityReservationId("cr-12345678901234567"), false),
        c("invalid case, CapacityReservationId is set and CapacityReservationPreference is not `capacity-reservation-only`",
            s -> s.withCapacityReservationId("cr-12345678901234567").withCapacityReservationPreference("None"), true),
        c("valid CapacityReservationId is set and CapacityReservationPreference is not specified",
            s -> s.withCapacityReservationId("cr-12345678901234567"), false),
        c("valid CapacityReservationId is set and CapacityReservationPreference is `capacity-reservation-only`",
            s -> s.withCapacityReservationId("cr-12345678901234567").withCapacityReservationPreference("CapacityReservationsOnly"), false),
        c("invalid CapacityReservationPreference is `CapacityReservationsOnly` and MarketType is `Spot`",
            s -> s.withCapacityReservationId("cr-12345678901234567").withCapacityReservationPreference("CapacityReservationsOnly")
                .withMarketType("Spot"), true),
        c("invalid CapacityReservationPreference is `CapacityReservationsOnly` and SpotMarketOptions is non-nil",
            s -> s.withCapacityReservationId("cr-12345678901234567").withCapacityReservationPreference("CapacityReservationsOnly")
                .withSpotMarketOptions(SPOT), true),
        c("empty instance type not allowed", s -> s.withInstanceType(""), true),
        c("instance type minimum length is 2", s -> s.withInstanceType("t"), true),
        c("invalid tags return error", s -> s.withAdditionalTags(Map.of("key-1", "value-1", "", "value-2",
            "CAPI".repeat(33), "value-3", "key-4", "CAPI".repeat(65))), true),
        c("ignition proxy and TLS can be from version 3.1", s -> s.withIgnition(Ignition.builder().version("3.1")
            .proxy(IgnitionProxy.builder().httpProxy("http://proxy.example.com:3128").build())
            .tls(IgnitionTLS.builder().addCertificateAuthority("s3://example.com/ca.pem").build()).build()), false),
        c("ignition tls with invalid CASources URL", s -> s.withIgnition(Ignition.builder().version("3.1")
            .tls(IgnitionTLS.builder().addCertificateAuthority("data;;").build()).build()), true),
        c("ignition proxy with valid URLs, and noproxy", s -> s.withIgnition(Ignition.builder().version("3.1")
            .proxy(IgnitionProxy.builder().httpProxy("http://proxy.example.com:3128").httpsProxy("https://proxy.example.com:3128")
                .addNoProxy("10.0.0.1", "example.com", ".example.com", "example.com:3128", "10.0.0.1:3128", "10.0.0.0/8", "*")
                .build()).build()), false),
        c("ignition proxy with invalid HTTPProxy URL", s -> s.withIgnition(Ignition.builder().version("3.1")
            .proxy(IgnitionProxy.builder().httpProxy("*:80").build()).build()), true),
        c("ignition proxy with invalid HTTPSProxy URL", s -> s.withIgnition(Ignition.builder().version("3.1")
            .proxy(IgnitionProxy.builder().httpsProxy("*:80").build()).build()), true),
        c("ignition proxy with invalid noproxy URL", s -> s.withIgnition(Ignition.builder().version("3.1")
            .proxy(IgnitionProxy.builder().addNoProxy("&").build()).build()), true),
        c("cannot use ignition proxy with version 2.3", s -> s.withIgnition(Ignition.builder().version("2.3.0")
            .proxy(IgnitionProxy.builder().httpProxy("http://proxy.example.com:3128").build()).build()), true),
        c("hostAffinity=invalid is invalid", s -> s.withHostAffinity("invalid"), true),
        c("hostAffinity=host does not require hostID or dynamicHostAllocation", s -> s.withTenancy("host").withHostAffinity("host"), false),
        c("hostAffinity=host with hostID is valid",
            s -> s.withTenancy("host").withHostAffinity("host").withHostID("h-09dcf61cb388b0149"), false),
        c("hostAffinity=host with dynamicHostAllocation is valid",
            s -> s.withTenancy("host").withHostAffinity("host").withDynamicHostAllocation(DYNAMIC), false),
        c("hostAffinity=default without hostID and dynamicHostAllocation is valid", s -> s.withHostAffinity("default"), false),
        c("hostAffinity=default with hostID is valid",
            s -> s.withTenancy("host").withHostAffinity("default").withHostID("h-09dcf61cb388b0149"), false),
        c("hostAffinity=default with dynamicHostAllocation is valid",
            s -> s.withTenancy("host").withHostAffinity("default").withDynamicHostAllocation(DYNAMIC), false),
        c("hostAffinity omitted (=default) without hostID and dynamicHostAllocation is valid", s -> s, false),
        c("hostAffinity omitted (=default) with hostID is valid", s -> s.withTenancy("host").withHostID("h-09dcf61cb388b0149"), false),
        c("hostAffinity omitted (=default) with dynamicHostAllocation is valid",
            s -> s.withTenancy("host").withDynamicHostAllocation(DYNAMIC), false),
        c("hostAffinity=host with both hostID and dynamicHostAllocation is not valid (mutually exclusive)",
            s -> s.withTenancy("host").withHostAffinity("host").withHostID("h-1234567890abcdef0")
                .withDynamicHostAllocation(DynamicHostAllocationSpec.builder().putTag("Environment", "test").build()), true),
        c("hostAffinity=default with both hostID and dynamicHostAllocation is not valid (mutually exclusive)",
            s -> s.withTenancy("host").withHostAffinity("default").withHostID("h-1234567890abcdef0")
                .withDynamicHostAllocation(DynamicHostAllocationSpec.builder().putTag("Environment", "test").build()), true),
        c("hostID without tenancy=host is invalid", s -> s.withTenancy("default").withHostID("h-09dcf61cb388b0149"), true),
        c("hostAffinity=host without tenancy=host is invalid", s -> s.withTenancy("default").withHostAffinity("host"), true),
        c("dynamicHostAllocation without tenancy=host is invalid", s -> s.withTenancy("dedicated").withDynamicHostAllocation(DYNAMIC), true),
        c("create with valid BYOIPv4", s -> s.withInstanceType("type").withPublicIP(true).withElasticIpPool(ElasticIPPool.builder()
            .publicIpv4Pool("ipv4pool-ec2-0123456789abcdef0").publicIpv4PoolFallbackOrder("amazon-pool").build()), false),
        c("error when BYOIPv4 without fallback", s -> s.withInstanceType("type").withPublicIP(true).withElasticIpPool(ElasticIPPool.builder()
            .publicIpv4Pool("ipv4pool-ec2-0123456789abcdef0").build()), true),
        c("error when BYOIPv4 without public ipv4 pool", s -> s.withInstanceType("type").withPublicIP(true)
            .withElasticIpPool(ElasticIPPool.builder().publicIpv4PoolFallbackOrder("amazon-pool").build()), true),
        c("error when BYOIPv4 with non-public IP set", s -> s.withInstanceType("type").withPublicIP(false).withElasticIpPool(ElasticIPPool.builder()
            .publicIpv4Pool("ipv4pool-ec2-0123456789abcdef0").publicIpv4PoolFallbackOrder("amazon-pool").build()), true),
        c("error when BYOIPv4 with invalid pool name", s -> s.withInstanceType("type").withPublicIP(true).withElasticIpPool(ElasticIPPool.builder()
            .publicIpv4Pool("ipv4poolx-ec2-0123456789abcdef").publicIpv4PoolFallbackOrder("amazon-pool").build()), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void awsMachineCreate(UnaryOperator<AWSMachineSpec> edit, boolean wantErr) {
    AdmissionResult r = create(machine(edit));
    assertThat(r.isInvalid()).as(r.errors().toString()).isEqualTo(wantErr);
  }

  static Arguments u(String name, UnaryOperator<AWSMachineSpec> old, UnaryOperator<AWSMachineSpec> now, boolean wantErr) {
    return Arguments.of(Named.of(name, old), now, wantErr);
  }

  static Stream<Arguments> updateCases() {
    return Stream.of(
        u("change in providerid, cloudinit, tags, securitygroups", s -> s,
            s -> s.withProviderID("ID").withAdditionalTags(Map.of("key-1", "value-1"))
                .withAdditionalSecurityGroups(AWSResourceReference.builder().id("ID").build())
                .withCloudInit(CloudInit.builder().secretPrefix("test").secretCount(5).build()), false),
        u("change in fields other than providerid, tags and securitygroups", s -> s,
            s -> s.withImageLookupOrg("test").withProviderID("ID").withAdditionalTags(Map.of("key-1", "value-1"))
                .withAdditionalSecurityGroups(AWSResourceReference.builder().id("ID").build())
                .withPrivateDnsName(PrivateDNSName.builder().enableResourceNameDnsAAAARecord(true).enableResourceNameDnsARecord(true).build()),
            true),
        u("change in tags adding invalid ones", s -> s.withAdditionalTags(Map.of("key-1", "value-1")),
            s -> s.withAdditionalTags(Map.of("key-1", "value-1", "", "value-2", "CAPI".repeat(33), "value-3", "key-4", "CAPI".repeat(65))),
            true),
        // Follow from the rules: the private DNS record switches may change, the hostname type may not.
        u("changing the private DNS record switches", s -> s.withPrivateDnsName(PrivateDNSName.builder().hostnameType("ip-name").build()),
            s -> s.withPrivateDnsName(PrivateDNSName.builder().hostnameType("ip-name").enableResourceNameDnsARecord(true).build()), false),
        u("changing the instance type", s -> s, s -> s.withInstanceType("m5.large"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void awsMachineUpdate(UnaryOperator<AWSMachineSpec> old, UnaryOperator<AWSMachineSpec> now, boolean wantErr) {
    AWSMachine created = AwsTestSupport.admitted(machine(old));
    AdmissionResult r = AwsTestSupport.update(created, machine(now));
    assertThat(r.isInvalid()).as(r.errors().toString()).isEqualTo(wantErr);
    if (wantErr && r.errors().stream().anyMatch(e -> e.field().equals("spec"))) {
      assertThat(render(r)).contains("spec: Forbidden: cannot be modified");
    }
  }

  @Test
  void machineDefault() {
    AWSMachine m = new AWSMachineWebhook().applyDefaults(AWSMachine.builder().metadata(meta("foo")).build(), AdmissionContext.create());
    assertThat(m.spec().cloudInitOrEmpty().secureSecretsBackend()).isEqualTo(CloudInit.SECRETS_MANAGER);
    // Defaulting is idempotent and its result validates (upstream's DefaultValidateTest).
    AWSMachine again = new AWSMachineWebhook().applyDefaults(m, AdmissionContext.create());
    assertThat(again).isEqualTo(m);
  }

  static Stream<Arguments> secretsBackendCases() {
    return Stream.of(
        Arguments.of(Named.of("with insecure skip secrets manager unset", CloudInit.builder().insecureSkipSecretsManager(false).build()),
            "secrets-manager"),
        Arguments.of(Named.of("with insecure skip secrets manager unset and secrets backend set",
            CloudInit.builder().insecureSkipSecretsManager(false).secureSecretsBackend("ssm-parameter-store").build()), "ssm-parameter-store"),
        Arguments.of(Named.of("with insecure skip secrets manager set", CloudInit.builder().insecureSkipSecretsManager(true).build()), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secretsBackendCases")
  void awsMachineSecretsBackend(CloudInit cloudInit, String expected) {
    AWSMachine m = AwsTestSupport.admitted(machine(s -> s.withCloudInit(cloudInit)));
    assertThat(m.spec().cloudInitOrEmpty().secureSecretsBackend()).isEqualTo(expected);
  }

  static Stream<Arguments> sshKeyNameCases() {
    return Stream.of(
        Arguments.of(Named.of("SSH key name is nil is valid", Optional.empty()), false),
        Arguments.of(Named.of("SSH key name is an empty string is valid", Optional.of("")), false),
        Arguments.of(Named.of("SSH key name with alphanumeric characters is valid", Optional.of("test123")), false),
        Arguments.of(Named.of("SSH key name with underscore is valid", Optional.of("test_key")), false),
        Arguments.of(Named.of("SSH key name with dash is valid", Optional.of("test-key")), false),
        Arguments.of(Named.of("SSH key name with tab is not valid", Optional.of("test-capi\t")), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sshKeyNameCases")
  void sshKeyName(Optional<String> name, boolean wantErr) {
    AdmissionResult r = create(machine(s -> s.withSshKeyName(name)));
    assertThat(r.isInvalid()).as(r.errors().toString()).isEqualTo(wantErr);
    if (wantErr) {
      assertThat(render(r)).contains("spec.sshKeyName: Invalid value: \"test-capi\\t\": Name is invalid. Must be specified in ASCII"); // Go prints %q
    }
  }

  @Test
  void crdRulesOfCapacityReservations() {
    AdmissionResult r = create(machine(s -> s.withCapacityReservationId("cr-1").withMarketType("Spot")));
    assertThat(render(r)).contains("spec: Invalid value: \"object\": capacityReservationId may not be set when marketType is Spot");
    AdmissionResult spot = create(machine(s -> s.withCapacityReservationId("cr-1").withSpotMarketOptions(SPOT)));
    assertThat(render(spot)).contains("capacityReservationId cannot be set when spotMarketOptions is specified");
  }

  @Test
  void ignitionNeedsTheFeatureGate() {
    AdmissionResult r = AwsTestSupport.create(machine(s -> s.withIgnition(Ignition.builder().build())));
    assertThat(render(r)).contains("spec.ignition: Forbidden: can be set only if the BootstrapFormatIgnition feature gate is enabled");
  }
}
