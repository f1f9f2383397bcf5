package io.capi4j.providers.azure.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.api.v1beta1.AzureComputeGalleryImage;
import io.capi4j.providers.azure.api.v1beta1.AzureMarketplaceImage;
import io.capi4j.providers.azure.api.v1beta1.DataDisk;
import io.capi4j.providers.azure.api.v1beta1.DiffDiskSettings;
import io.capi4j.providers.azure.api.v1beta1.DiskEncryptionSetParameters;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.api.v1beta1.ManagedDiskParameters;
import io.capi4j.providers.azure.api.v1beta1.NetworkInterface;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.api.v1beta1.SecurityProfile;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.providers.azure.api.v1beta1.UefiSettings;
import io.capi4j.providers.azure.api.v1beta1.UserAssignedIdentity;
import io.capi4j.providers.azure.api.v1beta1.VMDiskSecurityProfile;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CAPZ's {@code internal/webhooks/azuremachine_validation_test.go} tables, plus image checks. */
class AzureRulesTest {
  static final String UUID1 = "30a757d8-fcf0-4c8b-acf0-9253a7e093ea";
  static final String UUID2 = "42862306-e485-4319-9bf0-35dbc6f6fe9c";

  static void check(List<FieldError> errs, boolean wantErr) {
    if (wantErr) {
      assertThat(errs).isNotEmpty();
    } else {
      assertThat(errs).isEmpty();
    }
  }

  // --- TestAzureMachine_ValidateSSHKey ---

  static Stream<Arguments> sshCases() throws Exception {
    String raw = new String(Base64.getDecoder().decode(Fixtures.VALID_SSH_KEY), StandardCharsets.US_ASCII);
    byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    byte[] pub = java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
    for (byte[] part : List.of("ssh-ed25519".getBytes(StandardCharsets.US_ASCII), pub)) {
      blob.write(new byte[] {0, 0, 0, (byte) part.length});
      blob.write(part);
    }
    String ed = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " me@host";
    String b64 = raw.substring("ssh-rsa ".length()).trim();
    return Stream.of(
        Arguments.of("valid ssh key", Fixtures.VALID_SSH_KEY, false),
        Arguments.of("invalid ssh key", "invalid ssh key", true),
        Arguments.of("ssh key not base64 encoded", raw, true),
        Arguments.of("an ed25519 key with a comment", enc(ed), false),
        Arguments.of("a key behind options", enc("no-pty,command=\"echo hi\" ssh-rsa " + b64 + " c"), false),
        Arguments.of("a truncated key blob", enc("ssh-rsa " + b64.substring(0, 40)), true),
        Arguments.of("an empty key", "", true));
  }

  static String enc(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sshCases")
  void validateSSHKey(String name, String key, boolean wantErr) {
    check(AzureRules.validateSSHKey(key, FieldPath.of("sshPublicKey")), wantErr);
  }

  @Test
  void sshKeyMessages() {
    assertThat(AzureRules.validateSSHKey("invalid ssh key", FieldPath.of("sshPublicKey"))).extracting(FieldError::detail)
        .containsExactly("the SSH public key is not properly base64 encoded");
    assertThat(AzureRules.validateSSHKey(enc("ssh-rsa AAAA"), FieldPath.of("sshPublicKey"))).extracting(FieldError::detail)
        .containsExactly("the SSH public key is not valid");
  }

  // --- TestAzureMachine_ValidateOSDisk ---

  static io.capi4j.providers.azure.api.v1beta1.ImmutableOSDisk.Builder disk() {
    return OSDisk.builder();
  }

  static ManagedDiskParameters managed(String type) {
    return ManagedDiskParameters.builder().storageAccountType(type).build();
  }

  static Stream<Arguments> osDiskCases() {
    List<Arguments> c = new ArrayList<>();
    c.add(Arguments.of("valid os disk spec", disk().diskSizeGB(30).osType("Linux").cachingType("None")
        .managedDisk(managed("Premium_LRS")).build(), false));
    c.add(Arguments.of("invalid os disk cache type", disk().diskSizeGB(30).osType("Linux").cachingType("invalid_cache_type")
        .managedDisk(managed("Premium_LRS")).build(), true));
    c.add(Arguments.of("valid ephemeral os disk spec", disk().diskSizeGB(30).cachingType("None").osType("blah")
        .diffDiskSettings(DiffDiskSettings.builder().option("Local").build()).managedDisk(managed("Standard_LRS")).build(), false));
    c.add(Arguments.of("valid resourceDisk placement spec with option local", disk().diskSizeGB(30).cachingType("None").osType("blah")
        .diffDiskSettings(DiffDiskSettings.builder().option("Local").placement("ResourceDisk").build()).managedDisk(managed("Standard_LRS"))
        .build(), false));
    c.add(Arguments.of("valid resourceDisk placement spec requires option local", disk().diskSizeGB(30).cachingType("None").osType("blah")
        .diffDiskSettings(DiffDiskSettings.builder().placement("ResourceDisk").build()).managedDisk(managed("Standard_LRS")).build(), true));
    c.add(Arguments.of("byoc encryption with ephemeral os disk spec", disk().diskSizeGB(30).cachingType("None").osType("blah")
        .diffDiskSettings(DiffDiskSettings.builder().option("Local").build())
        .managedDisk(managed("Standard_LRS").withDiskEncryptionSet(DiskEncryptionSetParameters.builder().id("disk-encryption-set").build()))
        .build(), true));
    List<OSDisk> invalid = List.of(
        disk().build(),
        disk().diskSizeGB(0).osType("blah").build(),
        disk().diskSizeGB(-10).osType("blah").build(),
        disk().diskSizeGB(2050).osType("blah").build(),
        disk().diskSizeGB(20).osType("").build(),
        disk().diskSizeGB(30).osType("blah").managedDisk(ManagedDiskParameters.builder().build()).build(),
        disk().diskSizeGB(30).osType("blah").managedDisk(managed("")).build(),
        disk().diskSizeGB(30).osType("blah").managedDisk(managed("invalid_type")).build(),
        disk().diskSizeGB(30).osType("blah").managedDisk(managed("Premium_LRS"))
            .diffDiskSettings(DiffDiskSettings.builder().option("Local").build()).build());
    for (int i = 0; i < invalid.size(); i++) {
      c.add(Arguments.of("invalid os disk spec-" + i, invalid.get(i), true));
    }
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("osDiskCases")
  void validateOSDisk(String name, OSDisk d, boolean wantErr) {
    check(AzureRules.validateOSDisk(d, FieldPath.of("osDisk")), wantErr);
  }

  @Test
  void osDiskMessagesKeepUpstreamPaths() {
    assertThat(AzureRules.validateOSDisk(disk().build(), FieldPath.of("osDisk"))).extracting(FieldError::toString).containsExactly(
        "osDisk.OSType: Required value: the OS type cannot be empty",
        "osDisk.CachingType: Invalid value: \"\": allowed values are [None ReadOnly ReadWrite]");
    assertThat(AzureRules.validateOSDisk(disk().osType("Linux").cachingType("None").managedDisk(managed("UltraSSD_LRS")).build(),
        FieldPath.of("osDisk"))).extracting(FieldError::field)
        .containsExactly("osDisk.managedDisk.StorageAccountType.managedDisks.storageAccountType");
  }

  // --- TestAzureMachine_ValidateDataDisks ---

  static DataDisk dd(String name, int size, Integer lun, String caching, String storage) {
    var b = DataDisk.builder().nameSuffix(name).diskSizeGB(size).lun(Optional.ofNullable(lun)).cachingType(caching);
    if (storage != null) {
      b.managedDisk(managed(storage));
    }
    return b.build();
  }

  static Stream<Arguments> dataDiskCases() {
    return Stream.of(
        Arguments.of("valid nil data disks", List.of(), false),
        Arguments.of("valid empty data disks", List.of(), false),
        Arguments.of("valid disks", List.of(dd("my_disk", 64, 0, "None", null), dd("my_other_disk", 64, 1, "None", null)), false),
        Arguments.of("duplicate names", List.of(dd("disk", 64, 0, "None", null), dd("disk", 64, 1, "None", null)), true),
        Arguments.of("duplicate LUNs", List.of(dd("my_disk", 64, 0, "None", null), dd("my_other_disk", 64, 0, "None", null)), true),
        Arguments.of("invalid disk size", List.of(dd("my_disk", 0, 0, "None", null)), true),
        Arguments.of("empty name", List.of(dd("", 0, 0, "None", null)), true),
        Arguments.of("invalid disk cachingType", List.of(dd("my_disk", 64, 0, "invalidCacheType", null)), true),
        Arguments.of("valid disk cachingType", List.of(dd("my_disk", 64, 0, "None", null)), false),
        Arguments.of("valid managed disk storage account type",
            List.of(dd("my_disk_1", 64, 0, "None", "Premium_LRS"), dd("my_disk_2", 64, 1, "None", "Standard_LRS")), false),
        Arguments.of("invalid managed disk storage account type", List.of(dd("my_disk_1", 64, 0, "None", "invalid storage account")), true),
        Arguments.of("valid combination of managed disk storage account type UltraSSD_LRS and cachingType None",
            List.of(dd("my_disk_1", 64, 0, "None", "UltraSSD_LRS")), false),
        Arguments.of("invalid combination of managed disk storage account type UltraSSD_LRS and cachingType ReadWrite",
            List.of(dd("my_disk_1", 64, 0, "ReadWrite", "UltraSSD_LRS")), true),
        Arguments.of("invalid combination of managed disk storage account type UltraSSD_LRS and cachingType ReadOnly",
            List.of(dd("my_disk_1", 64, 0, "ReadOnly", "UltraSSD_LRS")), true),
        Arguments.of("a missing LUN", List.of(dd("my_disk", 64, null, "None", null)), true),
        Arguments.of("a LUN out of range", List.of(dd("my_disk", 64, 64, "None", null)), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataDiskCases")
  void validateDataDisks(String name, List<DataDisk> disks, boolean wantErr) {
    check(AzureRules.validateDataDisks(disks, FieldPath.of("dataDisks")), wantErr);
  }

  // --- TestAzureMachine_ValidateSystemAssignedIdentity / Role / UserAssignedIdentity ---

  static Stream<Arguments> systemAssignedCases() {
    return Stream.of(
        Arguments.of("valid UUID", UUID1, "", "SystemAssigned", false),
        Arguments.of("wrong Identity type", UUID1, "", "None", true),
        Arguments.of("not a valid UUID", "notaguid", "", "SystemAssigned", true),
        Arguments.of("empty", "", "", "SystemAssigned", true),
        Arguments.of("changed", UUID1, UUID2, "SystemAssigned", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systemAssignedCases")
  void validateSystemAssignedIdentity(String name, String role, String old, String identity, boolean wantErr) {
    check(AzureRules.validateSystemAssignedIdentity(identity, old, role, FieldPath.of("sshPublicKey")), wantErr);
  }

  static SystemAssignedIdentityRole role(String name, String scope, String definition) {
    return SystemAssignedIdentityRole.builder().name(name).scope(scope).definitionID(definition).build();
  }

  static Stream<Arguments> roleCases() {
    return Stream.of(
        Arguments.of("valid role", "SystemAssigned", "", role(UUID1, "fake-scope", "fake-definition-id"), false),
        Arguments.of("valid role using deprecated role assignment name", "SystemAssigned", UUID1, role("", "fake-scope", "fake-definition-id"), false),
        Arguments.of("set both system assigned identity role and role assignment name", "SystemAssigned", UUID1,
            role(UUID2, "fake-scope", "fake-definition-id"), true),
        Arguments.of("wrong Identity type", "UserAssigned", "", role(UUID1, "fake-scope", "fake-definition-id"), true),
        Arguments.of("missing scope", "SystemAssigned", "", role(UUID1, "", "fake-definition-id"), true),
        Arguments.of("missing definition id", "SystemAssigned", "", role(UUID1, "fake-scope", ""), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roleCases")
  void validateSystemAssignedIdentityRole(String name, String identity, String roleAssignmentName, SystemAssignedIdentityRole role,
      boolean wantErr) {
    check(AzureRules.validateSystemAssignedIdentityRole(identity, roleAssignmentName, Optional.of(role),
        FieldPath.of("systemAssignedIdentityRole")), wantErr);
  }

  static Stream<Arguments> userAssignedCases() {
    String tail = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-resource-group/providers/"
        + "Microsoft.Compute/virtualMachines/default-20202-control-plane-7w265";
    return Stream.of(
        Arguments.of("empty identity list", List.of(), true),
        Arguments.of("invalid: providerID must start with slash", List.of(tail.substring(1)), true),
        Arguments.of("invalid: providerID must start with subscriptions or providers",
            List.of("azure:///prescriptions" + tail.substring("/subscriptions".length())), true),
        Arguments.of("valid", List.of(tail), false),
        Arguments.of("valid with provider prefix", List.of("azure://" + tail), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userAssignedCases")
  void validateUserAssignedIdentity(String name, List<String> ids, boolean wantErr) {
    check(AzureRules.validateUserAssignedIdentity("UserAssigned",
        ids.stream().map(i -> UserAssignedIdentity.builder().providerID(i).build()).toList(), FieldPath.of("userAssignedIdentities")), wantErr);
  }

  // --- TestAzureMachine_ValidateDataDisksUpdate ---

  static Stream<Arguments> dataDiskUpdateCases() {
    return Stream.of(
        Arguments.of("valid nil data disks", List.of(), List.of(), false),
        Arguments.of("valid empty data disks", List.of(), List.of(), false),
        Arguments.of("valid data disk updates",
            List.of(dd("my_disk", 64, 0, "None", "Standard_LRS"), dd("my_other_disk", 64, 1, "None", "Standard_LRS")),
            List.of(dd("my_disk", 64, 0, "None", "Standard_LRS"), dd("my_other_disk", 64, 1, "None", "Standard_LRS")), false),
        Arguments.of("cannot update data disk fields after machine creation", List.of(dd("my_disk_1", 128, 0, "None", "Premium_LRS")),
            List.of(dd("my_disk_1", 64, 0, "None", "Standard_LRS")), true),
        Arguments.of("validate updates to optional fields", List.of(dd("my_disk_1", 128, null, "None", null)),
            List.of(dd("my_disk_1", 128, 0, "", "Standard_LRS")), true),
        Arguments.of("data disks cannot be added after machine creation",
            List.of(dd("my_disk_1", 64, 0, "None", "Premium_LRS"), dd("my_disk_2", 64, 2, "None", "Premium_LRS")),
            List.of(dd("my_disk_1", 64, 0, "None", "Standard_LRS")), true),
        Arguments.of("data disks cannot be removed after machine creation", List.of(dd("my_disk_1", 64, 0, "None", "Standard_LRS")),
            List.of(dd("my_disk_1", 64, 0, "None", "Standard_LRS"), dd("my_disk_2", 64, 2, "None", "Premium_LRS")), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataDiskUpdateCases")
  void validateDataDisksUpdate(String name, List<DataDisk> old, List<DataDisk> now, boolean wantErr) {
    check(AzureRules.validateDataDisksUpdate(old, now, FieldPath.of("dataDisks")), wantErr);
  }

  // --- TestAzureMachine_ValidateNetwork ---

  static NetworkInterface nic(String subnet, Boolean accelerated, int configs) {
    return NetworkInterface.builder().subnetName(subnet).acceleratedNetworking(Optional.ofNullable(accelerated)).privateIPConfigs(configs).build();
  }

  static Stream<Arguments> networkCases() {
    return Stream.of(
        Arguments.of("valid config with deprecated network fields", "subnet1", true, List.of(), false),
        Arguments.of("valid config with networkInterfaces fields", "", null, List.of(nic("subnet1", true, 1)), false),
        Arguments.of("valid config with multiple networkInterfaces", "", null, List.of(nic("subnet1", true, 1), nic("subnet2", true, 30)), false),
        Arguments.of("invalid config using both deprecated subnetName and networkInterfaces", "subnet1", null, List.of(nic("subnet1", null, 1)), true),
        Arguments.of("invalid config using both deprecated acceleratedNetworking and networkInterfaces", "", true,
            List.of(nic("subnet1", true, 1)), true),
        Arguments.of("invalid config setting privateIPConfigs to less than 1", "", null, List.of(nic("subnet1", true, 0)), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networkCases")
  void validateNetwork(String name, String subnet, Boolean accelerated, List<NetworkInterface> nics, boolean wantErr) {
    check(AzureRules.validateNetwork(subnet, Optional.ofNullable(accelerated), nics, FieldPath.of("networkInterfaces")), wantErr);
  }

  // --- TestAzureMachine_ValidateConfidentialCompute ---

  static ManagedDiskParameters encryption(String type) {
    return ManagedDiskParameters.builder().securityProfile(VMDiskSecurityProfile.builder().securityEncryptionType(type).build()).build();
  }

  static SecurityProfile profile(Boolean atHost, String type, Boolean vtpm, Boolean secureBoot, boolean uefi) {
    var b = SecurityProfile.builder().encryptionAtHost(Optional.ofNullable(atHost)).securityType(type);
    if (uefi) {
      b.uefiSettings(UefiSettings.builder().vTpmEnabled(Optional.ofNullable(vtpm)).secureBootEnabled(Optional.ofNullable(secureBoot)).build());
    }
    return b.build();
  }

  static Stream<Arguments> confidentialCases() {
    String cvm = "ConfidentialVM";
    return Stream.of(
        Arguments.of("valid configuration without confidential compute", encryption(""), null, false),
        Arguments.of("valid configuration without confidential compute and host encryption enabled", encryption(""),
            profile(true, "", null, null, false), false),
        Arguments.of("valid configuration with VMGuestStateOnly encryption and secure boot disabled", encryption("VMGuestStateOnly"),
            profile(null, cvm, true, false, true), false),
        Arguments.of("valid configuration with VMGuestStateOnly encryption and secure boot enabled", encryption("VMGuestStateOnly"),
            profile(null, cvm, true, true, true), false),
        Arguments.of("valid configuration with VMGuestStateOnly encryption and EncryptionAtHost enabled", encryption("VMGuestStateOnly"),
            profile(true, cvm, true, null, true), false),
        Arguments.of("valid configuration with DiskWithVMGuestState encryption", encryption("DiskWithVMGuestState"),
            profile(null, cvm, true, true, true), false),
        Arguments.of("invalid configuration with DiskWithVMGuestState encryption and EncryptionAtHost enabled",
            encryption("DiskWithVMGuestState"), profile(true, "", null, null, false), true),
        Arguments.of("invalid configuration with DiskWithVMGuestState encryption and vTPM disabled", encryption("DiskWithVMGuestState"),
            profile(null, cvm, false, false, true), true),
        Arguments.of("invalid configuration with DiskWithVMGuestState encryption and secure boot disabled", encryption("DiskWithVMGuestState"),
            profile(null, cvm, true, false, true), true),
        Arguments.of("invalid configuration with DiskWithVMGuestState encryption and SecurityType not set to ConfidentialVM",
            encryption("DiskWithVMGuestState"), profile(null, "", true, true, true), true),
        Arguments.of("invalid configuration with VMGuestStateOnly encryption and SecurityType not set to ConfidentialVM",
            encryption("VMGuestStateOnly"), profile(null, "", true, true, true), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confidentialCases")
  void validateConfidentialCompute(String name, ManagedDiskParameters disk, SecurityProfile profile, boolean wantErr) {
    check(AzureRules.validateConfidentialCompute(Optional.of(disk), Optional.ofNullable(profile), FieldPath.of("securityProfile")), wantErr);
  }

  // --- images ---

  static Image marketplace(String publisher, String offer, String sku, String version) {
    return Image.builder().marketplace(AzureMarketplaceImage.builder().publisher(publisher).offer(offer).sku(sku).version(version).build()).build();
  }

  static Stream<Arguments> imageCases() {
    AzureComputeGalleryImage gallery = AzureComputeGalleryImage.builder().gallery("g").name("n").version("1.0.0").build();
    return Stream.of(
        Arguments.of("no image is defaulted by the controller", null, List.of()),
        Arguments.of("an empty image", Image.builder().build(),
            List.of("image: Required value: You must supply an ID, Marketplace or ComputeGallery image details")),
        Arguments.of("a full marketplace image", marketplace("p", "o", "s", "1"), List.of()),
        Arguments.of("a marketplace image without details", marketplace("", "", "", ""), List.of(
            "image.Publisher: Invalid value: \"\": Publisher cannot be empty when specifying an AzureMarketplaceImage",
            "image.Offer: Invalid value: \"\": Offer cannot be empty when specifying an AzureMarketplaceImage",
            "image.SKU: Invalid value: \"\": SKU cannot be empty when specifying an AzureMarketplaceImage",
            "image.Version: Invalid value: \"\": Version cannot be empty when specifying an AzureMarketplaceImage")),
        Arguments.of("an ID and a marketplace image", marketplace("p", "o", "s", "1").withId("id"),
            List.of("image.Marketplace: Forbidden: Marketplace cannot be used as an image ID has been specified")),
        Arguments.of("a compute gallery image", Image.builder().computeGallery(gallery).build(), List.of()),
        Arguments.of("a compute gallery image with a subscription but no resource group",
            Image.builder().computeGallery(gallery.withSubscriptionID("sub")).build(),
            List.of("image.ResourceGroup: Invalid value: \"\": ResourceGroup cannot be empty when SubscriptionID is specified")),
        Arguments.of("an ID and a compute gallery image", Image.builder().id("id").computeGallery(gallery).build(),
            List.of("image.ComputeGallery: Forbidden: ComputeGallery cannot be used as an image ID. Marketplace or SharedGallery images has been specified")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imageCases")
  void validateImage(String name, Image image, List<String> want) {
    assertThat(AzureRules.validateImage(Optional.ofNullable(image), FieldPath.of("image"))).extracting(FieldError::toString)
        .containsExactlyElementsOf(want);
  }

  @Test
  void capacityReservationAndExtensions() {
    assertThat(AzureRules.validateCapacityReservationGroupID(Optional.of("not-an-id"), FieldPath.of("capacityReservationGroupID")))
        .extracting(FieldError::detail).containsExactly("must be a valid Azure resource ID");
    assertThat(AzureRules.validateCapacityReservationGroupID(Optional.of(
        "/subscriptions/123/resourceGroups/rg/providers/Microsoft.Compute/capacityReservationGroups/crg"), FieldPath.of("x"))).isEmpty();
    assertThat(AzureRules.validateVMExtensions(Optional.of(true), List.of(
        io.capi4j.providers.azure.api.v1beta1.VMExtension.builder().name("e").publisher("p").version("1").build())))
        .extracting(FieldError::toString).containsExactly(
            "AzureMachineTemplate.spec.template.spec.vmExtensions: Forbidden: VMExtensions must be empty when DisableExtensionOperations is true");
  }
}
