package io.capi4j.providers.azure.webhooks;

import io.capi4j.providers.azure.api.v1beta1.AzureMachineSpec;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.List;

/** CRD defaults and schema of an {@link AzureMachineSpec}, shared by AzureMachine and AzureMachineTemplate. */
final class AzureMachineSpecs {
  private AzureMachineSpecs() {}

  /** The CRD's defaults: identity None, OS disk type and caching, marketplace thirdPartyImage. */
  static AzureMachineSpec crdDefaults(AzureMachineSpec s) {
    AzureMachineSpec out = s.withIdentity(AzureDefaults.identity(s.identity())).withImage(AzureDefaults.image(s.image()));
    if (s.osDisk().isPresent()) {
      out = out.withOsDisk(AzureDefaults.osDisk(s.osDisk().get()));
    }
    return out;
  }

  /** Defaults of the SSH key (when empty), data disks and network interfaces: what both webhooks set. */
  static AzureMachineSpec commonDefaults(AzureMachineSpec s, SharedRandom random) {
    AzureMachineSpec out = s;
    if (out.sshPublicKey().isEmpty()) {
      out = out.withSshPublicKey(random.sshPublicKey());
    }
    out = out.withDataDisks(AzureDefaults.dataDisks(out.dataDisks()));
    AzureDefaults.Network n = AzureDefaults.network(out.subnetName(), out.acceleratedNetworking(), out.networkInterfaces());
    return out.withSubnetName(n.subnetName()).withAcceleratedNetworking(n.acceleratedNetworking()).withNetworkInterfaces(n.interfaces());
  }

  static void checkSchema(List<FieldError> errs, FieldPath p, AzureMachineSpec s) {
    AzureSchema.identity(errs, p.child("identity"), s.identity());
    AzureSchema.userAssignedIdentities(errs, p.child("userAssignedIdentities"), s.userAssignedIdentities());
    AzureSchema.vmTemplate(errs, p, s.vmSize(), s.osDisk(), s.dataDisks(), s.diagnostics(), s.spotVMOptions(),
        s.securityProfile(), s.vmExtensions());
  }
}
