package io.capi4j.providers.azure.webhooks;

import static io.capi4j.providers.azure.webhooks.Fixtures.VALID_SSH_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capi4j.providers.azure.AzureProvider;
import io.capi4j.providers.azure.api.v1beta1.AzureMachine;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineSpec;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplate;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplateResource;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplateSpec;
import io.capi4j.providers.azure.api.v1beta1.DataDisk;
import io.capi4j.providers.azure.api.v1beta1.DiffDiskSettings;
import io.capi4j.providers.azure.api.v1beta1.ManagedDiskParameters;
import io.capi4j.providers.azure.api.v1beta1.NetworkInterface;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.api.v1beta1.SpotVMOptions;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.providers.azure.util.SshKeys;
import io.capi4j.providers.azure.util.Uuids;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.DefaultingException;
import io.capi4j.validation.FieldError;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** AzureMachine and AzureMachineTemplate defaulting and validation (CAPZ's azuremachine(template)_webhook.go). */
class AzureMachineWebhooksTest {
  static final String SUBSCRIPTION = "5c1a2d63-0a8b-4c6e-a3a3-6b1a2c2a9d41";
  final AzureMachineWebhook machines = new AzureMachineWebhook(Fixtures.random());
  final AzureMachineTemplateWebhook templates = new AzureMachineTemplateWebhook(Fixtures.random());

  static AzureMachineSpec spec(UnaryOperator<AzureMachineSpec> f) {
    return f.apply(AzureMachineSpec.builder().vmSize("Standard_D2s_v3")
        .osDisk(OSDisk.builder().osType("Linux").cachingType("None").diskSizeGB(30).build()).sshPublicKey(VALID_SSH_KEY).build());
  }

  static AzureMachine machine(UnaryOperator<AzureMachineSpec> f) {
    return AzureMachine.builder().metadata(new ObjectMetaBuilder(Fixtures.meta("m")).addToLabels("cluster.x-k8s.io/cluster-name", "c").build())
        .spec(spec(f)).build();
  }

  static AzureMachineTemplate template(UnaryOperator<AzureMachineSpec> f) {
    return AzureMachineTemplate.builder().metadata(Fixtures.meta("t"))
        .spec(AzureMachineTemplateSpec.builder().template(AzureMachineTemplateResource.builder().spec(spec(f)).build()).build()).build();
  }

  @Test
  void machineDefaults() {
    AdmissionContext ctx = AdmissionContext.create().withObjects(List.of(Fixtures.cluster("c", "azc"), Fixtures.azureCluster("azc", SUBSCRIPTION)));
    AzureMachine m = machine(s -> s.withSshPublicKey("").withIdentity("SystemAssigned").withSubnetName("nodes")
        .withDataDisks(DataDisk.builder().nameSuffix("a").diskSizeGB(8).lun(0).build(), DataDisk.builder().nameSuffix("b").diskSizeGB(8).build(),
            DataDisk.builder().nameSuffix("c").diskSizeGB(8).managedDisk(ManagedDiskParameters.builder().storageAccountType("UltraSSD_LRS").build()).build())
        .withSpotVMOptions(SpotVMOptions.builder().build())
        .withOsDisk(OSDisk.builder().diffDiskSettings(DiffDiskSettings.builder().option("Local").build()).build()));
    AzureMachineSpec s = machines.applyDefaults(m, ctx).spec();
    assertThat(SshKeys.validate(s.sshPublicKey())).isEmpty();
    assertThat(s.dataDisks()).extracting(d -> d.lun().orElseThrow()).containsExactly(0, 1, 2);
    assertThat(s.dataDisks()).extracting(DataDisk::cachingType).containsExactly("ReadWrite", "ReadWrite", "None");
    SystemAssignedIdentityRole role = s.systemAssignedIdentityRole().orElseThrow();
    assertThat(Uuids.isValid(role.name())).isTrue();
    assertThat(role.scope()).isEqualTo("/subscriptions/" + SUBSCRIPTION + "/");
    assertThat(s.spotVMOptions().orElseThrow().evictionPolicy()).hasValue("Delete");
    assertThat(s.diagnostics().orElseThrow().boot().orElseThrow().storageAccountType()).isEqualTo("Managed");
    assertThat(s.subnetName()).isEmpty();
    assertThat(s.networkInterfaces()).containsExactly(NetworkInterface.builder().subnetName("nodes").privateIPConfigs(1).build());
    assertThat(s.osDiskOrEmpty().osType()).isEqualTo("Linux");
    assertThat(s.osDiskOrEmpty().cachingType()).isEqualTo("None");
    assertThat(s.identity()).isEqualTo("SystemAssigned");
    // The generated defaults are valid.
    assertThat(machines.validate(machines.applyDefaults(m, ctx), ctx)).isEmpty();
  }

  @Test
  void aMachineWithoutClusterLabelIsRejectedByDefaulting() {
    AzureMachine m = machine(s -> s).withMetadata(Fixtures.meta("m"));
    assertThatThrownBy(() -> machines.applyDefaults(m, AdmissionContext.create())).isInstanceOf(DefaultingException.class)
        .hasMessageContaining("failed to fetch ClusterName for AzureMachine default/m");
    AdmissionResult r = Admission.create(Providers.of(List.of(new AzureProvider(new SplittableRandom(1))))).admit(m);
    assertThat(r.isInvalid()).isTrue();
  }

  @Test
  void machineCreateChecksTheRoleAssignmentName() {
    AzureMachine m = machine(s -> s.withIdentity("SystemAssigned").withSystemAssignedIdentityRole(
        SystemAssignedIdentityRole.builder().name("not-a-guid").scope("s").definitionID("d").build()));
    assertThat(machines.validate(m, AdmissionContext.create())).extracting(FieldError::field).containsExactly("roleAssignmentName");
  }

  @Test
  void machineUpdatesAreImmutableExceptWhereAllowed() {
    AzureMachine old = machine(s -> s.withNetworkInterfaces(NetworkInterface.builder().subnetName("").privateIPConfigs(1).build())
        .withAcceleratedNetworking(true));
    AdmissionContext ctx = AdmissionContext.create().withOldObject(old);
    assertThat(machines.validate(old, ctx)).isEmpty();
    assertThat(machines.validate(machine(s -> s.withNetworkInterfaces(NetworkInterface.builder().subnetName("").privateIPConfigs(1).build())
        .withAcceleratedNetworking(true).withVmSize("Standard_D4s_v3")), ctx)).isEmpty();
    assertThat(machines.validate(old.withSpec(old.spec().withSshPublicKey("x")), ctx)).extracting(FieldError::toString)
        .containsExactly("spec.sshPublicKey: Invalid value: \"x\": field is immutable");
    // acceleratedNetworking may be reset to nil, not changed.
    assertThat(machines.validate(old.withSpec(old.spec().withAcceleratedNetworking(java.util.Optional.empty())), ctx)).isEmpty();
    assertThat(machines.validate(old.withSpec(old.spec().withAcceleratedNetworking(false)), ctx)).extracting(FieldError::field)
        .containsExactly("Spec.AcceleratedNetworking");
    // The controller fills in the first interface's subnet.
    AzureMachine filled = old.withSpec(old.spec().withNetworkInterfaces(NetworkInterface.builder().subnetName("nodes").privateIPConfigs(1).build()));
    assertThat(machines.validate(filled, ctx)).isEmpty();
    AzureMachine moreNics = old.withSpec(old.spec().withNetworkInterfaces(NetworkInterface.builder().subnetName("a").privateIPConfigs(1).build(),
        NetworkInterface.builder().subnetName("b").privateIPConfigs(1).build()));
    assertThat(machines.validate(moreNics, ctx)).extracting(FieldError::field).containsExactly("spec.networkInterfaces");
  }

  @Test
  void templateDefaultsAndCreate() {
    AzureMachineTemplate t = templates.applyDefaults(template(s -> s.withSshPublicKey("")), AdmissionContext.create());
    AzureMachineSpec s = t.spec().template().spec();
    assertThat(SshKeys.validate(s.sshPublicKey())).isEmpty();
    assertThat(s.networkInterfaces()).hasSize(1);
    assertThat(s.diagnostics()).isEmpty(); // the template webhook does not default diagnostics
    assertThat(templates.validate(t, AdmissionContext.create())).isEmpty();
    assertThat(templates.validate(template(x -> x.withRoleAssignmentName("r")), AdmissionContext.create())).extracting(FieldError::detail)
        .contains(AzureMachineTemplateWebhook.ROLE_ASSIGNMENT_NAME_MSG);
    assertThat(templates.validate(template(x -> x.withIdentity("SystemAssigned").withSystemAssignedIdentityRole(
        SystemAssignedIdentityRole.builder().name("n").scope("s").definitionID("d").build())), AdmissionContext.create()))
        .extracting(FieldError::detail).contains(AzureMachineTemplateWebhook.SYSTEM_ASSIGNED_IDENTITY_ROLE_NAME_MSG);
    assertThat(templates.validate(template(x -> x.withNetworkInterfaces(NetworkInterface.builder().subnetName("a").privateIPConfigs(0).build())),
        AdmissionContext.create())).extracting(FieldError::field)
        .contains("AzureMachineTemplate.spec.template.spec.networkInterfaces.privateIPConfigs");
  }

  @Test
  void theTemplateSpecIsImmutable() {
    AzureMachineTemplate old = template(s -> s.withSshPublicKey(""));
    AzureMachineTemplate now = templates.applyDefaults(old, AdmissionContext.create());
    // Defaults added since (and the generated key) do not count as a change.
    assertThat(templates.validate(now, AdmissionContext.create().withOldObject(old))).isEmpty();
    AzureMachineTemplate changed = now.withSpec(now.spec().withTemplate(now.spec().template().withSpec(
        now.spec().template().spec().withVmSize("Standard_D4s_v3"))));
    assertThat(templates.validate(changed, AdmissionContext.create().withOldObject(now))).extracting(FieldError::detail)
        .containsExactly(AzureMachineTemplateWebhook.IMMUTABLE_MSG);
  }

  @Test
  void theCrdSchemaOfTheTemplate() {
    AzureMachineTemplate bad = template(s -> s.withVmSize("").withIdentity("Everyone").withOsDisk(OSDisk.builder().osType("Linux").cachingType("Fast").build()));
    assertThat(templates.checkSchema(bad, AdmissionContext.create())).extracting(FieldError::field).containsExactlyInAnyOrder(
        "spec.template.spec.vmSize", "spec.template.spec.identity", "spec.template.spec.osDisk.cachingType");
  }

  @Test
  void aPoolMachineKeepsItsProviderID() {
    var webhook = new AzureMachinePoolMachineWebhook();
    var old = io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine.builder().metadata(Fixtures.meta("ampm"))
        .spec(io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineSpec.builder().providerID("azure:///a").build()).build();
    assertThat(webhook.validate(old, AdmissionContext.create().withOldObject(old))).isEmpty();
    assertThat(webhook.validate(old.withSpec(old.spec().withProviderID("azure:///b")), AdmissionContext.create().withOldObject(old)))
        .extracting(FieldError::toString).containsExactly("spec.providerID: Forbidden: providerID is immutable");
    var unset = old.withSpec(old.spec().withProviderID(""));
    assertThat(webhook.validate(old, AdmissionContext.create().withOldObject(unset))).isEmpty();
  }
}
