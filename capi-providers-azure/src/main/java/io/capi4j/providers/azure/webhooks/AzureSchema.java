package io.capi4j.providers.azure.webhooks;

import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.api.v1beta1.BootDiagnostics;
import io.capi4j.providers.azure.api.v1beta1.DataDisk;
import io.capi4j.providers.azure.api.v1beta1.Diagnostics;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.api.v1beta1.SecurityProfile;
import io.capi4j.providers.azure.api.v1beta1.SpotVMOptions;
import io.capi4j.providers.azure.api.v1beta1.UserAssignedIdentity;
import io.capi4j.providers.azure.api.v1beta1.VMExtension;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.capi4j.webhooks.Schema;
import java.util.List;
import java.util.Optional;

/**
 * The CAPZ CRD schema rules shared by the VM-like kinds (required fields, enums, patterns), with the API server's
 * wording. Rules the validating webhooks already check with their own message are left to the webhooks.
 */
final class AzureSchema {
  private AzureSchema() {}

  static final List<String> IDENTITIES =
      List.of(Azure.VM_IDENTITY_NONE, Azure.VM_IDENTITY_SYSTEM_ASSIGNED, Azure.VM_IDENTITY_USER_ASSIGNED);

  static void identity(List<FieldError> errs, FieldPath p, String identity) {
    Schema.enumeration(errs, p, identity, IDENTITIES);
  }

  static void userAssignedIdentities(List<FieldError> errs, FieldPath p, List<UserAssignedIdentity> ids) {
    for (int i = 0; i < ids.size(); i++) {
      Schema.requiredString(errs, p.index(i).child("providerID"), ids.get(i).providerID(), 0, 0);
    }
  }

  /** The VM template fields: vmSize, osDisk, data disks, diagnostics, spot, security, extensions. */
  static void vmTemplate(
      List<FieldError> errs,
      FieldPath p,
      String vmSize,
      Optional<OSDisk> osDisk,
      List<DataDisk> dataDisks,
      Optional<Diagnostics> diagnostics,
      Optional<SpotVMOptions> spot,
      Optional<SecurityProfile> security,
      List<VMExtension> extensions) {
    Schema.requiredString(errs, p.child("vmSize"), vmSize, 0, 0);
    if (osDisk.isEmpty()) {
      errs.add(FieldError.required(p.child("osDisk"), ""));
    }
    osDisk.ifPresent(d -> {
      FieldPath dp = p.child("osDisk");
      Schema.enumeration(errs, dp.child("cachingType"), d.cachingType(), Azure.CACHING_TYPES);
      d.diffDiskSettings().ifPresent(s -> {
        Schema.requiredString(errs, dp.child("diffDiskSettings", "option"), s.option(), 0, 0);
        Schema.enumeration(errs, dp.child("diffDiskSettings", "option"), s.option(), List.of(Azure.DIFF_DISK_LOCAL));
        s.placement().ifPresent(pl -> Schema.enumeration(errs, dp.child("diffDiskSettings", "placement"), pl,
            List.of("CacheDisk", "NvmeDisk", "ResourceDisk")));
      });
      d.managedDisk().flatMap(m -> m.securityProfile()).ifPresent(sp -> Schema.enumeration(errs,
          dp.child("managedDisk", "securityProfile", "securityEncryptionType"), sp.securityEncryptionType(),
          List.of(Azure.ENCRYPTION_VM_GUEST_STATE_ONLY, Azure.ENCRYPTION_DISK_WITH_VM_GUEST_STATE)));
    });
    for (int i = 0; i < dataDisks.size(); i++) {
      Schema.enumeration(errs, p.child("dataDisks").index(i).child("cachingType"), dataDisks.get(i).cachingType(), Azure.CACHING_TYPES);
    }
    diagnostics.flatMap(Diagnostics::boot).ifPresent(b -> boot(errs, p.child("diagnostics", "boot"), b));
    spot.flatMap(SpotVMOptions::evictionPolicy).ifPresent(e -> Schema.enumeration(errs, p.child("spotVMOptions", "evictionPolicy"), e,
        List.of(Azure.SPOT_EVICTION_DEALLOCATE, Azure.SPOT_EVICTION_DELETE)));
    security.ifPresent(s -> Schema.enumeration(errs, p.child("securityProfile", "securityType"), s.securityType(),
        List.of(Azure.SECURITY_TYPE_CONFIDENTIAL_VM, Azure.SECURITY_TYPE_TRUSTED_LAUNCH)));
    for (int i = 0; i < extensions.size(); i++) {
      FieldPath ep = p.child("vmExtensions").index(i);
      Schema.requiredString(errs, ep.child("name"), extensions.get(i).name(), 0, 0);
      Schema.requiredString(errs, ep.child("publisher"), extensions.get(i).publisher(), 0, 0);
      Schema.requiredString(errs, ep.child("version"), extensions.get(i).version(), 0, 0);
    }
  }

  private static void boot(List<FieldError> errs, FieldPath p, BootDiagnostics b) {
    Schema.requiredString(errs, p.child("storageAccountType"), b.storageAccountType(), 0, 0);
    Schema.enumeration(errs, p.child("storageAccountType"), b.storageAccountType(),
        List.of(Azure.DIAGNOSTICS_MANAGED, Azure.DIAGNOSTICS_USER_MANAGED, Azure.DIAGNOSTICS_DISABLED));
    b.userManaged().ifPresent(u -> {
      Schema.requiredString(errs, p.child("userManaged", "storageAccountURI"), u.storageAccountURI(), 0, 0);
      Schema.pattern(errs, p.child("userManaged", "storageAccountURI"), u.storageAccountURI(), "^https://");
    });
  }
}
