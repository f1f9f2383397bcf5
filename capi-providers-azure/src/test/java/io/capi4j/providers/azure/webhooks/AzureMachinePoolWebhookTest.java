package io.capi4j.providers.azure.webhooks;

import static io.capi4j.providers.azure.webhooks.Fixtures.VALID_SSH_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.AzureMarketplaceImage;
import io.capi4j.providers.azure.api.v1beta1.AzureSharedGalleryImage;
import io.capi4j.providers.azure.api.v1beta1.BootDiagnostics;
import io.capi4j.providers.azure.api.v1beta1.Diagnostics;
import io.capi4j.providers.azure.api.v1beta1.DiffDiskSettings;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.api.v1beta1.NetworkInterface;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.providers.azure.api.v1beta1.UserAssignedIdentity;
import io.capi4j.providers.azure.api.v1beta1.UserManagedBootDiagnostics;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePool;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolDeploymentStrategy;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineTemplate;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolSpec;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.providers.azure.util.SshKeys;
import io.capi4j.providers.azure.util.Uuids;
import io.capi4j.util.IntOrPercent;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CAPZ's {@code internal/exp/webhooks/azuremachinepool_webhook_test.go}: create, update and default tables. */
class AzureMachinePoolWebhookTest {
  static final String ROLE = "42862306-e485-4319-9bf0-35dbc6f6fe9c";
  static final IntOrString ZERO = IntOrPercent.of(0);
  static final IntOrString ONE = IntOrPercent.of(1);

  final AzureMachinePoolWebhook webhook = new AzureMachinePoolWebhook(Fixtures.random());

  /** An AzureMachinePool named "amp" with a Linux/None OS disk and a template changed by {@code t}. */
  static AzureMachinePool amp(UnaryOperator<AzureMachinePoolMachineTemplate> t, UnaryOperator<AzureMachinePoolSpec> s) {
    AzureMachinePoolMachineTemplate template = AzureMachinePoolMachineTemplate.builder()
        .osDisk(OSDisk.builder().osType("Linux").cachingType("None").build()).build();
    return AzureMachinePool.builder().metadata(Fixtures.meta("amp"))
        .spec(s.apply(AzureMachinePoolSpec.builder().template(t.apply(template)).build())).build();
  }

  static AzureMachinePool template(UnaryOperator<AzureMachinePoolMachineTemplate> t) {
    return amp(t, s -> s);
  }

  static AzureMachinePool spec(UnaryOperator<AzureMachinePoolSpec> s) {
    return amp(t -> t, s);
  }

  static AzureMachinePool marketplace(String publisher, String offer, String sku, String version, Integer timeout) {
    return template(t -> t.withImage(Image.builder().marketplace(AzureMarketplaceImage.builder().publisher(publisher).offer(offer)
        .sku(sku).version(version).build()).build()).withSshPublicKey(VALID_SSH_KEY).withTerminateNotificationTimeout(Optional.ofNullable(timeout)));
  }

  static AzureMachinePool shared(String sub, String rg, String name, String gallery, String version, Integer timeout) {
    return template(t -> t.withImage(Image.builder().sharedGallery(AzureSharedGalleryImage.builder().subscriptionID(sub)
        .resourceGroup(rg).name(name).gallery(gallery).version(version).build()).build()).withSshPublicKey(VALID_SSH_KEY)
        .withTerminateNotificationTimeout(Optional.ofNullable(timeout)));
  }

  static AzureMachinePool byId(String id, Integer timeout) {
    return template(t -> t.withImage(Image.builder().id(id).build()).withSshPublicKey(VALID_SSH_KEY)
        .withTerminateNotificationTimeout(Optional.ofNullable(timeout)));
  }

  static AzureMachinePool sshKey(String key) {
    return template(t -> t.withSshPublicKey(key));
  }

  static AzureMachinePool systemAssigned(String role) {
    return spec(s -> s.withIdentity("SystemAssigned")
        .withSystemAssignedIdentityRole(SystemAssignedIdentityRole.builder().name(role).scope("scope").definitionID("definitionID").build()));
  }

  static AzureMachinePool userAssigned(String... ids) {
    return spec(s -> s.withIdentity("UserAssigned")
        .withUserAssignedIdentities(Stream.of(ids).map(id -> UserAssignedIdentity.builder().providerID(id).build()).toList()));
  }

  static AzureMachinePool diagnostics(String type, String uri) {
    if (type.isEmpty()) {
      return template(t -> t);
    }
    BootDiagnostics boot = BootDiagnostics.builder().storageAccountType(type)
        .userManaged(Optional.ofNullable(uri).map(u -> UserManagedBootDiagnostics.builder().storageAccountURI(u).build())).build();
    return template(t -> t.withDiagnostics(Diagnostics.builder().boot(boot).build()));
  }

  static AzureMachinePool strategy(AzureMachinePoolDeploymentStrategy st) {
    return spec(s -> s.withStrategy(st));
  }

  static AzureMachinePoolDeploymentStrategy rolling(IntOrString maxSurge, IntOrString maxUnavailable) {
    return AzureMachinePoolDeploymentStrategy.builder().type("RollingUpdate").rollingUpdate(MachineRollingUpdateDeployment.builder()
        .maxSurge(maxSurge).maxUnavailable(maxUnavailable).build()).build();
  }

  static AzureMachinePool network(String subnet, List<NetworkInterface> nics) {
    return template(t -> t.withSubnetName(subnet).withNetworkInterfaces(nics));
  }

  static NetworkInterface nic(String subnet) {
    return NetworkInterface.builder().subnetName(subnet).build();
  }

  static AzureMachinePool flexible() {
    return spec(s -> s.withOrchestrationMode("Flexible"));
  }

  static AzureMachinePool diffDisk(String option, String placement) {
    return template(t -> t.withOsDisk(t.osDisk().get().withDiffDiskSettings(
        DiffDiskSettings.builder().option(option).placement(Optional.ofNullable(placement)).build())));
  }

  static AzureMachinePool bootstrapExtension(Boolean disable) {
    return template(t -> t.withSshPublicKey(VALID_SSH_KEY).withDisableVMBootstrapExtension(Optional.ofNullable(disable)));
  }

  static AzureMachinePool knownValid() {
    return amp(t -> t.withImage(Image.builder().marketplace(AzureMarketplaceImage.builder().publisher("PUB1234").offer("OFFER1234")
            .sku("SKU1234").version("1.0.0").build()).build()).withSshPublicKey(VALID_SSH_KEY).withTerminateNotificationTimeout(10),
        s -> s.withIdentity("SystemAssigned")
            .withSystemAssignedIdentityRole(SystemAssignedIdentityRole.builder().name(ROLE).scope("scope").definitionID("definitionID").build())
            .withStrategy(rolling(ZERO, ONE)));
  }

  static Stream<Arguments> createCases() {
    String sub = "azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-resource-group/providers/"
        + "Microsoft.Compute/virtualMachines/default-20202-control-plane-";
    return Stream.of(
        Arguments.of("valid", knownValid(), null, false),
        Arguments.of("azuremachinepool with marketplace image - full", marketplace("PUB1234", "OFFER1234", "SKU1234", "1.0.0", 10), null, false),
        Arguments.of("azuremachinepool with marketplace image - missing publisher", marketplace("", "OFFER1234", "SKU1234", "1.0.0", 10), null, true),
        Arguments.of("azuremachinepool with shared gallery image - full", shared("SUB123", "RG123", "NAME123", "GALLERY1", "1.0.0", 10), null, false),
        Arguments.of("azuremachinepool with shared gallery image - missing subscription", shared("", "RG123", "NAME123", "GALLERY1", "1.0.0", 10), null, true),
        Arguments.of("azuremachinepool with image by - with id", byId("ID123", 10), null, false),
        Arguments.of("azuremachinepool with image by - without id", byId("", 10), null, true),
        Arguments.of("azuremachinepool with no image details at all", template(t -> t.withImage(Image.builder().build()).withSshPublicKey(VALID_SSH_KEY)), null, true),
        Arguments.of("azuremachinepool with valid SSHPublicKey", sshKey(VALID_SSH_KEY), null, false),
        Arguments.of("azuremachinepool with invalid SSHPublicKey", sshKey("invalid ssh key"), null, true),
        Arguments.of("azuremachinepool with wrong terminate notification - above maximum", shared("SUB123", "RG123", "NAME123", "GALLERY1", "1.0.0", 35), null, true),
        Arguments.of("azuremachinepool with wrong terminate notification - below minimum", shared("SUB123", "RG123", "NAME123", "GALLERY1", "1.0.0", 3), null, true),
        Arguments.of("azuremachinepool with system assigned identity", systemAssigned("30a757d8-fcf0-4c8b-acf0-9253a7e093ea"), null, false),
        Arguments.of("azuremachinepool with system assigned identity, but invalid role", systemAssigned("not_a_uuid"), null, true),
        Arguments.of("azuremachinepool with user assigned identity", userAssigned(sub + "7w265", sub + "a6b7d"), null, false),
        Arguments.of("azuremachinepool with user assigned identity, but without any provider ids", userAssigned(), null, true),
        Arguments.of("azuremachinepool with managed diagnostics profile", diagnostics("Managed", null), null, false),
        Arguments.of("azuremachinepool with disabled diagnostics profile", diagnostics("Disabled", null), null, false),
        Arguments.of("azuremachinepool with user managed diagnostics profile and defined user managed storage account",
            diagnostics("UserManaged", "https://fakeurl"), null, false),
        Arguments.of("azuremachinepool with empty diagnostics profile", diagnostics("", null), null, false),
        Arguments.of("azuremachinepool with user managed diagnostics profile, but empty user managed storage account",
            diagnostics("UserManaged", null), null, true),
        Arguments.of("azuremachinepool with managed diagnostics profile, but a storage account uri is set",
            diagnostics("Managed", "https://fakeurl"), null, true),
        Arguments.of("azuremachinepool with disabled diagnostics profile, but a storage account uri is set",
            diagnostics("Disabled", "https://fakeurl"), null, true),
        Arguments.of("azuremachinepool with invalid MaxSurge and MaxUnavailable rolling upgrade configuration", strategy(rolling(ZERO, ZERO)), null, true),
        Arguments.of("azuremachinepool with valid MaxSurge and MaxUnavailable rolling upgrade configuration", strategy(rolling(ZERO, ONE)), null, false),
        Arguments.of("azuremachinepool with valid legacy network configuration", network("testSubnet", List.of()), null, false),
        Arguments.of("azuremachinepool with invalid legacy network configuration", network("testSubnet", List.of(nic("testSubnet"))), null, true),
        Arguments.of("azuremachinepool with valid networkinterface configuration", network("", List.of(nic("testSubnet"))), null, false),
        Arguments.of("azuremachinepool with Flexible orchestration mode", flexible(), "v1.26.0", false),
        Arguments.of("azuremachinepool with Flexible orchestration mode and invalid Kubernetes version", flexible(), "v1.25.6", true),
        Arguments.of("azuremachinepool with Flexible orchestration mode and invalid Kubernetes version, no owner", flexible(), "", true),
        Arguments.of("azuremachinepool with invalid DiffDiskSettings", diffDisk("", "ResourceDisk"), null, true),
        Arguments.of("azuremachinepool with valid DiffDiskSettings", diffDisk("Local", "ResourceDisk"), null, false));
  }

  /** {@code version} null: no MachinePool needed; "": no owner MachinePool; else the owner's version. */
  static AdmissionContext context(String version) {
    if (version == null || version.isEmpty()) {
      return AdmissionContext.create();
    }
    return AdmissionContext.create().withObjects(List.of(Fixtures.machinePool("amp", "cluster", version)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void validateCreate(String name, AzureMachinePool amp, String version, boolean wantErr) {
    List<FieldError> errs = webhook.validate(amp, context(version));
    if (wantErr) {
      assertThat(errs).isNotEmpty();
    } else {
      assertThat(errs).isEmpty();
    }
  }

  static Stream<Arguments> updateCases() {
    return Stream.of(
        Arguments.of("azuremachinepool with valid SSHPublicKey", sshKey(""), sshKey(VALID_SSH_KEY), false),
        Arguments.of("azuremachinepool with invalid SSHPublicKey", sshKey(""), sshKey("invalid ssh key"), true),
        Arguments.of("azuremachinepool with system-assigned identity, and role unchanged",
            systemAssigned("30a757d8-fcf0-4c8b-acf0-9253a7e093ea"), systemAssigned("30a757d8-fcf0-4c8b-acf0-9253a7e093ea"), false),
        Arguments.of("azuremachinepool with system-assigned identity, and role changed",
            systemAssigned("30a757d8-fcf0-4c8b-acf0-9253a7e093ea"), systemAssigned(ROLE), true),
        Arguments.of("azuremachinepool with invalid MaxSurge and MaxUnavailable rolling upgrade configuration",
            strategy(AzureMachinePoolDeploymentStrategy.builder().build()), strategy(rolling(ZERO, ZERO)), true),
        Arguments.of("azuremachinepool with valid MaxSurge and MaxUnavailable rolling upgrade configuration",
            strategy(AzureMachinePoolDeploymentStrategy.builder().build()), strategy(rolling(ZERO, ONE)), false),
        Arguments.of("azuremachinepool network interfaces subnet changed with no deprecated subnetName set",
            network("", List.of(nic("testSubnet"))), network("", List.of(nic("testSubnet2"))), false),
        Arguments.of("azuremachinepool cannot set both networkInterfaces and deprecated subnetName on update",
            network("", List.of(nic("testSubnet"))), network("subnet", List.of(nic("testSubnet2"))), true),
        Arguments.of("azuremachinepool cannot set both networkInterfaces and deprecated subnetName when subnetName was already set",
            network("subnet", List.of()), network("subnet", List.of(nic("testSubnet2"))), true),
        Arguments.of("azuremachinepool disableVMBootstrapExtension transition from nil to true is allowed",
            bootstrapExtension(null), bootstrapExtension(true), false),
        Arguments.of("azuremachinepool disableVMBootstrapExtension transition from nil to false is allowed",
            bootstrapExtension(null), bootstrapExtension(false), false),
        Arguments.of("azuremachinepool disableVMBootstrapExtension is immutable once explicitly set",
            bootstrapExtension(true), bootstrapExtension(false), true),
        Arguments.of("azuremachinepool disableVMBootstrapExtension same value passes immutability",
            bootstrapExtension(true), bootstrapExtension(true), false),
        Arguments.of("azuremachinepool disableVMBootstrapExtension cannot be unset once explicitly set",
            bootstrapExtension(true), bootstrapExtension(null), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void validateUpdate(String name, AzureMachinePool old, AzureMachinePool amp, boolean wantErr) {
    List<FieldError> errs = webhook.validate(amp, AdmissionContext.create().withOldObject(old));
    if (wantErr) {
      assertThat(errs).isNotEmpty();
    } else {
      assertThat(errs).isEmpty();
    }
  }

  // --- TestAzureMachinePool_Default ---

  static final String SUBSCRIPTION = "5c1a2d63-0a8b-4c6e-a3a3-6b1a2c2a9d41";

  static AdmissionContext defaultContext() {
    return AdmissionContext.create().withObjects(List.of(Fixtures.machinePool("amp", "testcluster", "v1.32.0"),
        Fixtures.cluster("testcluster", "test-cluster"), Fixtures.azureCluster("test-cluster", SUBSCRIPTION)));
  }

  /** Defaults with a key already set (key generation is tested on its own, and is slow). */
  AzureMachinePool defaulted(AzureMachinePool amp) {
    AzureMachinePoolMachineTemplate t = amp.spec().templateOrEmpty();
    AzureMachinePool keyed = t.sshPublicKey().isEmpty() ? amp.withSpec(amp.spec().withTemplate(t.withSshPublicKey(VALID_SSH_KEY))) : amp;
    return webhook.applyDefaults(keyed, defaultContext());
  }

  static AzureMachinePool identity(String identity, String roleAssignmentName, SystemAssignedIdentityRole role) {
    return spec(s -> s.withIdentity(identity).withRoleAssignmentName(roleAssignmentName).withSystemAssignedIdentityRole(Optional.ofNullable(role)));
  }

  @Test
  void defaultKeepsAnExistingRoleNameAndFillsScopeAndDefinition() {
    SystemAssignedIdentityRole r = defaulted(identity("SystemAssigned", "", SystemAssignedIdentityRole.builder().name(ROLE).build()))
        .spec().systemAssignedIdentityRole().orElseThrow();
    assertThat(r.name()).isEqualTo(ROLE);
    assertThat(r.scope()).isEqualTo("/subscriptions/" + SUBSCRIPTION + "/");
    assertThat(r.definitionID()).isEqualTo("/subscriptions/" + SUBSCRIPTION
        + "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c");
  }

  @Test
  void defaultSshKey() {
    assertThat(defaulted(sshKey(VALID_SSH_KEY)).spec().templateOrEmpty().sshPublicKey()).isEqualTo(VALID_SSH_KEY);
    String generated = webhook.applyDefaults(sshKey(""), defaultContext()).spec().templateOrEmpty().sshPublicKey();
    assertThat(generated).isNotEmpty();
    assertThat(SshKeys.validate(generated)).isEmpty();
  }

  @Test
  void defaultLeavesAFullRoleUntouched() {
    SystemAssignedIdentityRole full = SystemAssignedIdentityRole.builder().name(ROLE).definitionID("testroledefinitionid").scope("testscope").build();
    assertThat(defaulted(identity("SystemAssigned", "", full)).spec().systemAssignedIdentityRole()).contains(full);
  }

  @Test
  void defaultGeneratesARoleName() {
    SystemAssignedIdentityRole r = defaulted(identity("SystemAssigned", "", SystemAssignedIdentityRole.builder().build()))
        .spec().systemAssignedIdentityRole().orElseThrow();
    assertThat(Uuids.isValid(r.name())).isTrue();
    assertThat(r.scope()).isEqualTo("/subscriptions/" + SUBSCRIPTION + "/");
  }

  @Test
  void defaultLeavesBothRoleNamesAlone() {
    AzureMachinePool got = defaulted(identity("SystemAssigned", ROLE, SystemAssignedIdentityRole.builder().name(ROLE).build()));
    assertThat(got.spec().roleAssignmentName()).isEqualTo(ROLE);
    assertThat(got.spec().systemAssignedIdentityRole().orElseThrow().scope()).isEmpty();
    assertThat(got.spec().systemAssignedIdentityRole().orElseThrow().definitionID()).isEmpty();
  }

  @Test
  void defaultSetsNoRoleForOtherIdentities() {
    assertThat(defaulted(identity("UserAssigned", "", null)).spec().systemAssignedIdentityRole()).isEmpty();
  }

  @Test
  void defaultMigratesTheDeprecatedRoleAssignmentName() {
    AzureMachinePool got = defaulted(identity("SystemAssigned", ROLE, null));
    assertThat(got.spec().roleAssignmentName()).isEmpty();
    assertThat(got.spec().systemAssignedIdentityRole().orElseThrow().name()).isEqualTo(ROLE);
    assertThat(got.spec().systemAssignedIdentityRole().orElseThrow().scope()).isEqualTo("/subscriptions/" + SUBSCRIPTION + "/");
  }

  @Test
  void defaultDiagnostics() {
    assertThat(bootType(defaulted(template(t -> t)))).isEqualTo("Managed");
    assertThat(bootType(defaulted(template(t -> t.withDiagnostics(Diagnostics.builder().build()))))).isEqualTo("Managed");
    assertThat(bootType(defaulted(diagnostics("Managed", null)))).isEqualTo("Managed");
    assertThat(bootType(defaulted(diagnostics("Disabled", null)))).isEqualTo("Disabled");
    AzureMachinePool user = defaulted(diagnostics("UserManaged", "https://fakeurl"));
    assertThat(bootType(user)).isEqualTo("UserManaged");
    assertThat(user.spec().templateOrEmpty().diagnostics().get().boot().get().userManaged().get().storageAccountURI()).isEqualTo("https://fakeurl");
  }

  static String bootType(AzureMachinePool amp) {
    return amp.spec().templateOrEmpty().diagnostics().orElseThrow().boot().orElseThrow().storageAccountType();
  }

  @Test
  void defaultNetworkInterfaces() {
    AzureMachinePoolMachineTemplate t = defaulted(network("test-subnet", List.of())).spec().templateOrEmpty();
    assertThat(t.subnetName()).isEmpty();
    assertThat(t.networkInterfaces()).containsExactly(NetworkInterface.builder().subnetName("test-subnet").privateIPConfigs(1).build());
    AzureMachinePoolMachineTemplate acc = defaulted(template(x -> x.withSubnetName("test-subnet").withAcceleratedNetworking(true)))
        .spec().templateOrEmpty();
    assertThat(acc.acceleratedNetworking()).isEmpty();
    assertThat(acc.networkInterfaces()).containsExactly(
        NetworkInterface.builder().subnetName("test-subnet").privateIPConfigs(1).acceleratedNetworking(true).build());
    AzureMachinePoolMachineTemplate both = defaulted(network("test-subnet", List.of(nic("test-subnet")))).spec().templateOrEmpty();
    assertThat(both.subnetName()).isEqualTo("test-subnet");
    assertThat(both.networkInterfaces()).containsExactly(nic("test-subnet"));
  }

  @Test
  void theStrategyDefaultAppliesOnlyWhenAbsent() {
    AzureMachinePool absent = defaulted(template(t -> t));
    assertThat(absent.spec().strategy()).contains(AzureMachinePoolWebhook.defaultStrategy());
    // strategy: {type: RollingUpdate} keeps a nil rollingUpdate (in-code fallbacks apply: deletePolicy "" = Random).
    AzureMachinePool typeOnly = defaulted(strategy(AzureMachinePoolDeploymentStrategy.builder().type("RollingUpdate").build()));
    assertThat(typeOnly.spec().strategy().orElseThrow().rollingUpdate()).isEmpty();
    AzureMachinePool empty = defaulted(strategy(AzureMachinePoolDeploymentStrategy.builder().build()));
    assertThat(empty.spec().strategy().orElseThrow().type()).isEqualTo("RollingUpdate");
    // A present rollingUpdate gets its nested defaults.
    AzureMachinePool partial = defaulted(strategy(AzureMachinePoolDeploymentStrategy.builder()
        .rollingUpdate(MachineRollingUpdateDeployment.builder().maxSurge(IntOrPercent.of("25%")).build()).build()));
    MachineRollingUpdateDeployment ru = partial.spec().strategy().orElseThrow().rollingUpdate().orElseThrow();
    assertThat(ru.maxSurge()).contains(IntOrPercent.of("25%"));
    assertThat(ru.maxUnavailable()).contains(IntOrPercent.of(0));
    assertThat(ru.deletePolicy()).isEqualTo("Oldest");
    assertThat(absent.spec().orchestrationMode()).isEqualTo("Uniform");
    assertThat(absent.spec().identity()).isEqualTo("None");
  }

  @Test
  void strategyMessagesAndPercentZero() {
    assertThat(webhook.validate(strategy(rolling(ZERO, ZERO)), AdmissionContext.create()))
        .extracting(FieldError::toString)
        .containsExactly("spec.strategy.rollingUpdate: Invalid value: rolling update strategy MaxUnavailable must not be 0 if MaxSurge is 0");
    assertThat(webhook.validate(strategy(rolling(IntOrPercent.of("0%"), ZERO)), AdmissionContext.create())).isEmpty();
  }

  @Test
  void flexibleMessages() {
    assertThat(webhook.validate(flexible(), context("v1.25.6"))).extracting(FieldError::detail)
        .containsExactly("specified Kubernetes version 1.25.6 must be >= 1.26.0 for Flexible orchestration mode");
    assertThat(webhook.validate(flexible(), context(""))).extracting(FieldError::detail)
        .allMatch(d -> d.startsWith("failed to find parent MachinePool"));
  }

  @Test
  void terminateNotificationMessages() {
    assertThat(webhook.validate(byId("ID123", 3), AdmissionContext.create())).extracting(FieldError::toString)
        .containsExactly("spec.template.terminateNotificationTimeout: Invalid value: 3: minimum timeout 5 is allowed for TerminateNotificationTimeout");
    assertThat(webhook.validate(byId("ID123", 16), AdmissionContext.create())).extracting(FieldError::detail)
        .containsExactly("maximum timeout 15 is allowed for TerminateNotificationTimeout");
  }

  @Test
  void theSchemaRequiresLocationTemplateAndVmSize() {
    AzureMachinePool noTemplate = AzureMachinePool.builder().metadata(Fixtures.meta("amp")).build();
    assertThat(webhook.checkSchema(noTemplate, AdmissionContext.create())).extracting(FieldError::field)
        .contains("spec.location", "spec.template");
    AzureMachinePool bad = spec(s -> s.withLocation("eastus").withOrchestrationMode("Mixed").withStrategy(
        AzureMachinePoolDeploymentStrategy.builder().type("Recreate").build()));
    assertThat(webhook.checkSchema(bad, AdmissionContext.create())).extracting(FieldError::field)
        .containsExactlyInAnyOrder("spec.template.vmSize", "spec.orchestrationMode", "spec.strategy.type");
  }

  @Test
  void theIdentityRoleIsCheckedWithThePoolMessages() {
    AzureMachinePool noScope = identity("SystemAssigned", "", SystemAssignedIdentityRole.builder().name(ROLE).build());
    assertThat(webhook.validate(noScope, AdmissionContext.create())).extracting(FieldError::detail)
        .containsExactlyInAnyOrder("the roleDefinitionID field cannot be empty", "the scope field cannot be empty");
    AzureMachinePool wrong = identity("UserAssigned", "", SystemAssignedIdentityRole.builder().name(ROLE).build());
    assertThat(webhook.validate(wrong, AdmissionContext.create())).extracting(FieldError::detail)
        .contains("systemAssignedIdentityRole can only be set when identity is set to 'SystemAssigned'");
    assertThat(Azure.CONTRIBUTOR_ROLE_ID).isEqualTo("b24988ac-6180-42a0-ab88-20f7382dd24c");
  }
}
