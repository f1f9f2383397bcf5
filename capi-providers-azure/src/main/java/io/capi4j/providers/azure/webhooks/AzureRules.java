package io.capi4j.providers.azure.webhooks;

import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineSpec;
import io.capi4j.providers.azure.api.v1beta1.DataDisk;
import io.capi4j.providers.azure.api.v1beta1.Diagnostics;
import io.capi4j.providers.azure.api.v1beta1.DiffDiskSettings;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.api.v1beta1.ManagedDiskParameters;
import io.capi4j.providers.azure.api.v1beta1.NetworkInterface;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.api.v1beta1.SecurityProfile;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.providers.azure.api.v1beta1.UefiSettings;
import io.capi4j.providers.azure.api.v1beta1.UserAssignedIdentity;
import io.capi4j.providers.azure.api.v1beta1.VMExtension;
import io.capi4j.providers.azure.util.AzureResourceIds;
import io.capi4j.providers.azure.util.SshKeys;
import io.capi4j.providers.azure.util.Uuids;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * CAPZ's shared machine-spec validators ({@code internal/webhooks/azuremachine_validation.go},
 * {@code azureimage_validation.go}), with upstream's field paths and messages.
 *
 * <p>QUIRK (kept): upstream reports paths relative to the spec ({@code osDisk.OSType}, {@code image.Marketplace}),
 * often with Go field names, and a few odd ones ({@code osDisk.managedDisk.StorageAccountType.managedDisks.storageAccountType});
 * the messages users see carry those paths, so capi4j prints them unchanged.
 */
public final class AzureRules {
  private AzureRules() {}

  static final String IMMUTABLE = "field is immutable";

  /** {@code validateAzureMachineSpec}: the checks shared by AzureMachine and AzureMachineTemplate. */
  public static List<FieldError> validateAzureMachineSpec(AzureMachineSpec spec) {
    List<FieldError> errs = new ArrayList<>();
    OSDisk osDisk = spec.osDiskOrEmpty();
    errs.addAll(validateImage(spec.image(), FieldPath.of("image")));
    errs.addAll(validateOSDisk(osDisk, FieldPath.of("osDisk")));
    errs.addAll(validateConfidentialCompute(osDisk.managedDisk(), spec.securityProfile(), FieldPath.of("securityProfile")));
    errs.addAll(validateSSHKey(spec.sshPublicKey(), FieldPath.of("sshPublicKey")));
    errs.addAll(validateUserAssignedIdentity(spec.identity(), spec.userAssignedIdentities(), FieldPath.of("userAssignedIdentities")));
    errs.addAll(validateDataDisks(spec.dataDisks(), FieldPath.of("dataDisks")));
    errs.addAll(validateDiagnostics(spec.diagnostics(), FieldPath.of("diagnostics")));
    errs.addAll(validateNetwork(spec.subnetName(), spec.acceleratedNetworking(), spec.networkInterfaces(), FieldPath.of("networkInterfaces")));
    errs.addAll(validateSystemAssignedIdentityRole(spec.identity(), spec.roleAssignmentName(), spec.systemAssignedIdentityRole(),
        FieldPath.of("systemAssignedIdentityRole")));
    errs.addAll(validateCapacityReservationGroupID(spec.capacityReservationGroupID(), FieldPath.of("capacityReservationGroupID")));
    errs.addAll(validateVMExtensions(spec.disableExtensionOperations(), spec.vmExtensions()));
    return errs;
  }

  /** {@code ValidateImage}: exactly one kind of image, each with its required details. An absent image is fine. */
  public static List<FieldError> validateImage(Optional<Image> image, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    if (image.isEmpty()) {
      return errs; // defaulted by the controller
    }
    Image i = image.get();
    boolean found = i.id().isPresent();
    if (i.marketplace().isPresent()) {
      if (found) {
        errs.add(FieldError.forbidden(p.child("Marketplace"), "Marketplace cannot be used as an image ID has been specified"));
      } else {
        found = true;
      }
    }
    if (i.sharedGallery().isPresent()) {
      if (found) {
        errs.add(FieldError.forbidden(p.child("SharedGallery"),
            "SharedGallery cannot be used as an image ID. Marketplace or ComputeGallery images has been specified"));
      } else {
        found = true;
      }
    }
    if (i.computeGallery().isPresent()) {
      if (found) {
        errs.add(FieldError.forbidden(p.child("ComputeGallery"),
            "ComputeGallery cannot be used as an image ID. Marketplace or SharedGallery images has been specified"));
      } else {
        found = true;
      }
    }
    if (!found) {
      errs.add(FieldError.required(p, "You must supply an ID, Marketplace or ComputeGallery image details"));
    }
    i.marketplace().ifPresent(m -> {
      emptyDetail(errs, p, "Publisher", m.publisher(), "AzureMarketplaceImage");
      emptyDetail(errs, p, "Offer", m.offer(), "AzureMarketplaceImage");
      emptyDetail(errs, p, "SKU", m.sku(), "AzureMarketplaceImage");
      emptyDetail(errs, p, "Version", m.version(), "AzureMarketplaceImage");
    });
    i.sharedGallery().ifPresent(g -> {
      emptyDetail(errs, p, "SubscriptionID", g.subscriptionID(), "AzureSharedGalleryImage");
      emptyDetail(errs, p, "ResourceGroup", g.resourceGroup(), "AzureSharedGalleryImage");
      emptyDetail(errs, p, "Gallery", g.gallery(), "AzureSharedGalleryImage");
      emptyDetail(errs, p, "Name", g.name(), "AzureSharedGalleryImage");
      emptyDetail(errs, p, "Version", g.version(), "AzureSharedGalleryImage");
    });
    i.id().ifPresent(id -> {
      if (id.isEmpty()) {
        errs.add(FieldError.invalid(p.child("ID"), "", "ID cannot be empty when specifying an AzureImageByID"));
      }
    });
    i.computeGallery().ifPresent(g -> {
      if (g.subscriptionID().isPresent() && g.resourceGroup().isEmpty()) {
        errs.add(FieldError.invalid(p.child("ResourceGroup"), "", "ResourceGroup cannot be empty when SubscriptionID is specified"));
      }
      if (g.resourceGroup().isPresent() && g.subscriptionID().isEmpty()) {
        errs.add(FieldError.invalid(p.child("SubscriptionID"), "", "SubscriptionID cannot be empty when ResourceGroup is specified"));
      }
    });
    return errs;
  }

  private static void emptyDetail(List<FieldError> errs, FieldPath p, String field, String value, String what) {
    if (value.isEmpty()) {
      errs.add(FieldError.invalid(p.child(field), "", field + " cannot be empty when specifying an " + what));
    }
  }

  /** {@code ValidateOSDisk}. */
  public static List<FieldError> validateOSDisk(OSDisk d, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    if (d.diskSizeGB().isPresent() && (d.diskSizeGB().get() <= 0 || d.diskSizeGB().get() > 2048)) {
      errs.add(FieldError.invalid(p.child("DiskSizeGB"), "", "the Disk size should be a value between 1 and 2048"));
    }
    if (d.osType().isEmpty()) {
      errs.add(FieldError.required(p.child("OSType"), "the OS type cannot be empty"));
    }
    errs.addAll(validateCachingType(d.cachingType(), p, d.managedDisk()));
    d.managedDisk().ifPresent(m -> errs.addAll(validateManagedDisk(m, p.child("managedDisk"), true)));
    if (d.diffDiskSettings().isPresent() && d.managedDisk().flatMap(ManagedDiskParameters::diskEncryptionSet).isPresent()) {
      errs.add(FieldError.invalid(p.child("managedDisks").child("diskEncryptionSet"),
          d.managedDisk().get().diskEncryptionSet().get().id(),
          "diskEncryptionSet is not supported when diffDiskSettings.option is 'Local'"));
    }
    if (d.diffDiskSettings().flatMap(DiffDiskSettings::placement).isPresent()
        && !d.diffDiskSettings().get().option().equals(Azure.DIFF_DISK_LOCAL)) {
      DiffDiskSettings s = d.diffDiskSettings().get();
      errs.add(raw(p.child("diffDiskSettings"), "{Option:\"" + s.option() + "\", Placement:\"" + s.placement().get() + "\"}",
          "placement is only supported when diffDiskSettings.option is 'Local'"));
    }
    return errs;
  }

  static List<FieldError> validateManagedDisk(ManagedDiskParameters m, FieldPath p, boolean isOSDisk) {
    List<FieldError> errs = new ArrayList<>(validateStorageAccountType(m.storageAccountType(), p.child("StorageAccountType"), isOSDisk));
    if (isOSDisk && m.securityProfile().flatMap(s -> s.diskEncryptionSet()).isPresent()
        && !m.securityProfile().get().securityEncryptionType().equals(Azure.ENCRYPTION_DISK_WITH_VM_GUEST_STATE)) {
      errs.add(FieldError.invalid(p.child("securityProfile").child("diskEncryptionSet"),
          m.securityProfile().get().diskEncryptionSet().get().id(),
          "diskEncryptionSet is only supported when securityEncryptionType is set to DiskWithVMGuestState"));
    }
    return errs;
  }

  static List<FieldError> validateStorageAccountType(String type, FieldPath p, boolean isOSDisk) {
    List<FieldError> errs = new ArrayList<>();
    if (isOSDisk && type.equals(Azure.ULTRA_SSD_LRS)) {
      errs.add(FieldError.invalid(p.child("managedDisks").child("storageAccountType"), type,
          "UltraSSD_LRS can only be used with data disks, it cannot be used with OS Disks"));
    }
    if (type.isEmpty()) {
      errs.add(FieldError.required(p, "the Storage Account Type for Managed Disk cannot be empty"));
      return errs;
    }
    if (!Azure.STORAGE_ACCOUNT_TYPES.contains(type)) {
      errs.add(FieldError.invalid(p, "", "allowed values are " + goList(Azure.STORAGE_ACCOUNT_TYPES)));
    }
    return errs;
  }

  static List<FieldError> validateCachingType(String cachingType, FieldPath p, Optional<ManagedDiskParameters> managedDisk) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath cp = p.child("CachingType");
    if (managedDisk.isPresent() && managedDisk.get().storageAccountType().equals(Azure.ULTRA_SSD_LRS)
        && !cachingType.equals(Azure.CACHING_NONE)) {
      errs.add(FieldError.invalid(cp, cachingType, "cachingType '" + cachingType + "' is not supported when storageAccountType is '"
          + Azure.ULTRA_SSD_LRS + "'. Allowed values are: '" + Azure.CACHING_NONE + "'"));
    }
    if (!Azure.CACHING_TYPES.contains(cachingType)) {
      errs.add(FieldError.invalid(cp, cachingType, "allowed values are " + goList(Azure.CACHING_TYPES)));
    }
    return errs;
  }

  /** {@code ValidateDataDisks}: sizes, unique name suffixes and LUNs, managed disk and caching type. */
  public static List<FieldError> validateDataDisks(List<DataDisk> disks, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    Set<Integer> luns = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (DataDisk d : disks) {
      if (d.diskSizeGB() < 4 || d.diskSizeGB() > 32767) {
        errs.add(FieldError.invalid(p.child("DiskSizeGB"), "", "the disk size should be a value between 4 and 32767"));
      }
      if (d.nameSuffix().isEmpty()) {
        errs.add(FieldError.required(p.child("NameSuffix"), "the name suffix cannot be empty"));
      }
      if (!names.add(d.nameSuffix())) {
        errs.add(FieldError.duplicate(p, d.nameSuffix()));
      }
      d.managedDisk().ifPresent(m -> errs.addAll(validateManagedDisk(m, p.child("managedDisk"), false)));
      if (d.lun().isEmpty()) {
        errs.add(FieldError.required(p, "LUN should not be nil"));
      } else if (d.lun().get() < 0 || d.lun().get() > 63) {
        errs.add(FieldError.invalid(p, d.lun().get(), "logical unit number must be between 0 and 63"));
      } else if (!luns.add(d.lun().get())) {
        errs.add(FieldError.duplicate(p, d.lun().get()));
      }
      errs.addAll(validateCachingType(d.cachingType(), p, d.managedDisk()));
    }
    return errs;
  }

  /** {@code ValidateDataDisksUpdate}: data disks can neither be added, removed nor changed. */
  public static List<FieldError> validateDataDisksUpdate(List<DataDisk> oldDisks, List<DataDisk> newDisks, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    String diskMsg = "adding/removing data disks after machine creation is not allowed";
    String fieldMsg = "modifying data disk's fields after machine creation is not allowed";
    String shown = newDisks.toString();
    if (oldDisks.size() != newDisks.size()) {
      errs.add(raw(p, shown, diskMsg));
      return errs;
    }
    Map<String, DataDisk> old = new HashMap<>();
    oldDisks.forEach(d -> old.put(d.nameSuffix(), d));
    for (int i = 0; i < newDisks.size(); i++) {
      DataDisk n = newDisks.get(i);
      DataDisk o = old.get(n.nameSuffix());
      FieldPath ip = p.index(i);
      if (o == null) {
        errs.add(raw(ip.child("nameSuffix"), shown, diskMsg));
        continue;
      }
      if (n.diskSizeGB() != o.diskSizeGB()) {
        errs.add(raw(ip.child("diskSizeGB"), shown, fieldMsg));
      }
      errs.addAll(validateManagedDisksUpdate(o.managedDisk(), n.managedDisk(), ip.child("managedDisk")));
      if (!n.lun().equals(o.lun())) {
        errs.add(raw(ip.child("lun"), shown, fieldMsg));
      }
      if (!n.cachingType().equals(o.cachingType())) {
        errs.add(raw(ip.child("cachingType"), shown, fieldMsg));
      }
    }
    return errs;
  }

  private static List<FieldError> validateManagedDisksUpdate(
      Optional<ManagedDiskParameters> o, Optional<ManagedDiskParameters> n, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    String msg = "changing managed disk options after machine creation is not allowed";
    if (o.isPresent() && n.isPresent()) {
      if (!n.get().storageAccountType().equals(o.get().storageAccountType())) {
        errs.add(raw(p.child("storageAccountType"), n.get().toString(), msg));
      }
      if (n.get().diskEncryptionSet().isPresent() && o.get().diskEncryptionSet().isPresent()) {
        if (!n.get().diskEncryptionSet().get().id().equals(o.get().diskEncryptionSet().get().id())) {
          errs.add(raw(p.child("diskEncryptionSet").child("ID"), n.get().toString(), msg));
        }
      } else if (n.get().diskEncryptionSet().isPresent() != o.get().diskEncryptionSet().isPresent()) {
        errs.add(raw(p.child("diskEncryptionSet"), n.get().toString(), msg));
      }
    } else if (o.isPresent() != n.isPresent()) {
      errs.add(raw(p, n.map(Object::toString).orElse("null"), msg));
    }
    return errs;
  }

  /** {@code ValidateSSHKey}: base64 of a parseable authorized-keys line. */
  public static List<FieldError> validateSSHKey(String key, FieldPath p) {
    return SshKeys.validate(key).map(m -> List.of(FieldError.invalid(p, key, m))).orElse(List.of());
  }

  /** {@code ValidateUserAssignedIdentity}. */
  public static List<FieldError> validateUserAssignedIdentity(String identity, List<UserAssignedIdentity> ids, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    if (!ids.isEmpty() && !identity.equals(Azure.VM_IDENTITY_USER_ASSIGNED)) {
      errs.add(FieldError.invalid(p, identity, "must be set to 'UserAssigned' when assigning any user identity to the machine"));
    }
    if (identity.equals(Azure.VM_IDENTITY_USER_ASSIGNED)) {
      if (ids.isEmpty()) {
        errs.add(FieldError.required(p, "must be specified for the 'UserAssigned' identity type"));
      }
      for (UserAssignedIdentity id : ids) {
        if (!id.providerID().isEmpty() && !AzureResourceIds.isValid(id.providerID())) {
          errs.add(FieldError.invalid(p, id.providerID(), "must be a valid Azure resource ID"));
        }
      }
    }
    return errs;
  }

  /** {@code ValidateSystemAssignedIdentity}: a GUID role assignment name that never changes. */
  public static List<FieldError> validateSystemAssignedIdentity(String identity, String oldName, String newName, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    if (identity.equals(Azure.VM_IDENTITY_SYSTEM_ASSIGNED)) {
      if (!Uuids.isValid(newName)) {
        errs.add(FieldError.invalid(p, newName,
            "Role assignment name must be a valid GUID. It is optional and will be auto-generated when not specified."));
      }
      if (!oldName.isEmpty() && !oldName.equals(newName)) {
        errs.add(FieldError.invalid(p, newName, "Role assignment name should not be modified after AzureMachine creation."));
      }
    } else if (!newName.isEmpty()) {
      errs.add(FieldError.forbidden(p, "Role assignment name should only be set when using system assigned identity."));
    }
    return errs;
  }

  /** {@code ValidateSystemAssignedIdentityRole} (AzureMachine, AzureMachineTemplate). */
  public static List<FieldError> validateSystemAssignedIdentityRole(
      String identity, String roleAssignmentName, Optional<SystemAssignedIdentityRole> role, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    if (!roleAssignmentName.isEmpty() && role.isPresent() && !role.get().name().isEmpty()) {
      errs.add(FieldError.invalid(p, role.get().name(), "cannot set both roleAssignmentName and systemAssignedIdentityRole.name"));
    }
    if (identity.equals(Azure.VM_IDENTITY_SYSTEM_ASSIGNED) && role.isPresent()) {
      if (role.get().definitionID().isEmpty()) {
        errs.add(FieldError.invalid(FieldPath.of("spec", "systemAssignedIdentityRole", "definitionID"), "",
            "the definitionID field cannot be empty"));
      }
      if (role.get().scope().isEmpty()) {
        errs.add(FieldError.invalid(FieldPath.of("spec", "systemAssignedIdentityRole", "scope"), "", "the scope field cannot be empty"));
      }
    }
    if (!identity.equals(Azure.VM_IDENTITY_SYSTEM_ASSIGNED) && role.isPresent()) {
      errs.add(FieldError.forbidden(FieldPath.of("spec", "role"),
          "systemAssignedIdentityRole can only be set when identity is set to SystemAssigned"));
    }
    return errs;
  }

  /** {@code ValidateDiagnostics}. QUIRK (kept): the Disabled case names 'Managed' in its message, as upstream does. */
  public static List<FieldError> validateDiagnostics(Optional<Diagnostics> diagnostics, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    diagnostics.flatMap(Diagnostics::boot).ifPresent(boot -> {
      String uri = boot.userManaged().map(u -> u.storageAccountURI()).orElse("");
      switch (boot.storageAccountType()) {
        case Azure.DIAGNOSTICS_USER_MANAGED -> {
          if (boot.userManaged().isEmpty()) {
            errs.add(FieldError.required(p.child("UserManaged"), "userManaged must be specified when storageAccountType is 'UserManaged'"));
          } else if (uri.isEmpty()) {
            errs.add(FieldError.required(p.child("StorageAccountURI"), "StorageAccountURI cannot be empty when storageAccountType is 'UserManaged'"));
          }
        }
        case Azure.DIAGNOSTICS_MANAGED, Azure.DIAGNOSTICS_DISABLED -> {
          if (!uri.isEmpty()) {
            errs.add(FieldError.invalid(p.child("StorageAccountURI"), uri, "StorageAccountURI cannot be set when storageAccountType is 'Managed'"));
          }
        }
        default -> {
          // other values are the CRD enum's business
        }
      }
    });
    return errs;
  }

  /** {@code ValidateNetwork}: the deprecated fields and networkInterfaces are exclusive; each NIC has an IP config. */
  public static List<FieldError> validateNetwork(String subnetName, Optional<Boolean> accelerated, List<NetworkInterface> nics, FieldPath p) {
    if (!nics.isEmpty() && !subnetName.isEmpty()) {
      return List.of(raw(p, nics.toString(), "cannot set both networkInterfaces and machine subnetName"));
    }
    if (!nics.isEmpty() && accelerated.isPresent()) {
      return List.of(raw(p, nics.toString(), "cannot set both networkInterfaces and machine acceleratedNetworking"));
    }
    for (NetworkInterface nic : nics) {
      if (nic.privateIPConfigs().orElse(0) < 1) {
        return List.of(raw(p, nics.toString(), "number of privateIPConfigs per interface must be at least 1"));
      }
    }
    return List.of();
  }

  /** {@code ValidateConfidentialCompute}: the settings a confidential VM needs for its disk encryption type. */
  public static List<FieldError> validateConfidentialCompute(
      Optional<ManagedDiskParameters> managedDisk, Optional<SecurityProfile> profile, FieldPath p) {
    List<FieldError> errs = new ArrayList<>();
    String encryption = managedDisk.flatMap(ManagedDiskParameters::securityProfile).map(s -> s.securityEncryptionType()).orElse("");
    if (profile.isEmpty() || encryption.isEmpty()) {
      return errs;
    }
    SecurityProfile sp = profile.get();
    if (!sp.securityType().equals(Azure.SECURITY_TYPE_CONFIDENTIAL_VM)) {
      errs.add(FieldError.invalid(p.child("SecurityType"), sp.securityType(),
          "SecurityType should be set to 'ConfidentialVM' when securityEncryptionType is defined"));
    }
    if (sp.uefiSettings().isEmpty()) {
      errs.add(raw(p.child("UefiSettings"), "null", "UefiSettings should be set when securityEncryptionType is defined"));
    }
    if (sp.uefiSettings().isPresent() && !sp.uefiSettings().get().vTpmEnabled().orElse(false)) {
      errs.add(raw(p.child("VTpmEnabled"), sp.uefiSettings().get().vTpmEnabled().map(String::valueOf).orElse("null"),
          "VTpmEnabled should be set to true when securityEncryptionType is defined"));
    }
    if (encryption.equals(Azure.ENCRYPTION_DISK_WITH_VM_GUEST_STATE)) {
      if (sp.encryptionAtHost().orElse(false)) {
        errs.add(FieldError.invalid(p.child("EncryptionAtHost"), true,
            "EncryptionAtHost cannot be set to 'true' when securityEncryptionType is set to 'DiskWithVMGuestState'"));
      }
      Optional<UefiSettings> uefi = sp.uefiSettings();
      if (uefi.isPresent() && !uefi.get().secureBootEnabled().orElse(false)) {
        errs.add(raw(p.child("SecureBootEnabled"), uefi.get().secureBootEnabled().map(String::valueOf).orElse("null"),
            "SecureBootEnabled should be set to true when securityEncryptionType is set to 'DiskWithVMGuestState'"));
      }
    }
    return errs;
  }

  /** {@code ValidateCapacityReservationGroupID}. */
  public static List<FieldError> validateCapacityReservationGroupID(Optional<String> id, FieldPath p) {
    if (id.isPresent() && !AzureResourceIds.isValid(id.get())) {
      return List.of(FieldError.invalid(p, id.get(), "must be a valid Azure resource ID"));
    }
    return List.of();
  }

  /**
   * {@code ValidateVMExtensions}. QUIRK (kept): the path always names AzureMachineTemplate, as upstream's does.
   */
  public static List<FieldError> validateVMExtensions(Optional<Boolean> disableExtensionOperations, List<VMExtension> extensions) {
    if (disableExtensionOperations.orElse(false) && !extensions.isEmpty()) {
      return List.of(FieldError.forbidden(FieldPath.of("AzureMachineTemplate", "spec", "template", "spec", "vmExtensions"),
          "VMExtensions must be empty when DisableExtensionOperations is true"));
    }
    return List.of();
  }

  /** {@code webhookutils.ValidateImmutable}: any change is rejected. */
  static void immutable(List<FieldError> errs, FieldPath p, Object oldValue, Object newValue) {
    if (!Objects.equals(oldValue, newValue)) {
      errs.add(raw(p, render(newValue), IMMUTABLE));
    }
  }

  /** An Invalid error whose value is already printed. */
  static FieldError raw(FieldPath p, String value, String detail) {
    return new FieldError(FieldError.Type.INVALID, p.toString(), value, detail);
  }

  /** A value as an error prints it: strings quoted, absent as null. */
  static String render(Object v) {
    Object x = v instanceof Optional<?> o ? o.orElse(null) : v;
    if (x == null) {
      return "null";
    }
    return x instanceof String s ? "\"" + s + "\"" : x.toString();
  }

  /** Go's {@code %v} of a string slice: {@code [a b c]}. */
  static String goList(List<String> values) {
    return "[" + String.join(" ", values) + "]";
  }
}
