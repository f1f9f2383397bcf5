package io.capi4j.providers.azure.webhooks;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.providers.azure.api.v1beta1.AzureMachine;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineSpec;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.DefaultingException;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AzureMachine defaulting and validation, as CAPZ's {@code internal/webhooks/azuremachine_webhook.go} and
 * {@code internal/api/v1beta1/azuremachine_default.go}.
 *
 * <p>capi4j deviation: upstream's defaulting also fails when the Cluster named by the cluster-name label, or its
 * AzureCluster, cannot be read; capi4j reads them from the admitted objects when present (for the subscription that
 * a system-assigned identity's role defaults to) and otherwise leaves the role's scope and definition empty.
 */
public final class AzureMachineWebhook implements Webhook<AzureMachine> {
  private final SharedRandom random;

  /** A webhook drawing generated SSH keys and role names from {@code random}. */
  public AzureMachineWebhook(SharedRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public AzureMachine applyDefaults(AzureMachine m, AdmissionContext ctx) {
    AzureMachineSpec s = AzureMachineSpecs.crdDefaults(m.spec());
    if (s.sshPublicKey().isEmpty()) {
      s = s.withSshPublicKey(random.sshPublicKey());
    }
    String clusterName = m.labels().get(Capi.CLUSTER_NAME_LABEL);
    if (clusterName == null) {
      throw new DefaultingException(FieldError.invalid(FieldPath.of("metadata", "labels").key(Capi.CLUSTER_NAME_LABEL), m.name(),
          "failed to fetch ClusterName for AzureMachine " + m.namespace() + "/" + m.name()));
    }
    Optional<String> subscription = AzureDefaults.subscriptionID(ctx, m.namespace(), clusterName);
    s = s.withDataDisks(AzureDefaults.dataDisks(s.dataDisks()));
    AzureDefaults.Identity id = AzureDefaults.identityRole(s.identity(), s.roleAssignmentName(), s.systemAssignedIdentityRole(),
        subscription, random::uuid);
    s = s.withRoleAssignmentName(id.roleAssignmentName()).withSystemAssignedIdentityRole(id.role());
    s = s.withSpotVMOptions(AzureDefaults.spotEvictionPolicy(s.spotVMOptions(), s.osDiskOrEmpty()));
    s = s.withDiagnostics(AzureDefaults.diagnostics(s.diagnostics()));
    AzureDefaults.Network n = AzureDefaults.network(s.subnetName(), s.acceleratedNetworking(), s.networkInterfaces());
    s = s.withSubnetName(n.subnetName()).withAcceleratedNetworking(n.acceleratedNetworking()).withNetworkInterfaces(n.interfaces());
    return m.withSpec(s);
  }

  @Override
  public List<FieldError> checkSchema(AzureMachine m, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AzureMachineSpecs.checkSchema(errs, FieldPath.of("spec"), m.spec());
    return errs;
  }

  @Override
  public List<FieldError> validate(AzureMachine m, AdmissionContext ctx) {
    Optional<AzureMachine> old = ctx.oldObject(AzureMachine.class);
    if (old.isPresent()) {
      return validateUpdate(old.get().spec(), m.spec());
    }
    AzureMachineSpec s = m.spec();
    List<FieldError> errs = new ArrayList<>(AzureRules.validateAzureMachineSpec(s));
    String roleName = s.systemAssignedIdentityRole().map(SystemAssignedIdentityRole::name).orElse("");
    errs.addAll(AzureRules.validateSystemAssignedIdentity(s.identity(), "", roleName, FieldPath.of("roleAssignmentName")));
    return errs;
  }

  private static List<FieldError> validateUpdate(AzureMachineSpec old, AzureMachineSpec s) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    AzureRules.immutable(errs, spec.child("image"), old.image(), s.image());
    AzureRules.immutable(errs, spec.child("identity"), old.identity(), s.identity());
    AzureRules.immutable(errs, spec.child("systemAssignedIdentityRole"), old.systemAssignedIdentityRole(), s.systemAssignedIdentityRole());
    AzureRules.immutable(errs, spec.child("userAssignedIdentities"), old.userAssignedIdentities(), s.userAssignedIdentities());
    AzureRules.immutable(errs, spec.child("roleAssignmentName"), old.roleAssignmentName(), s.roleAssignmentName());
    AzureRules.immutable(errs, spec.child("osDisk"), old.osDisk(), s.osDisk());
    AzureRules.immutable(errs, spec.child("dataDisks"), old.dataDisks(), s.dataDisks());
    AzureRules.immutable(errs, spec.child("sshPublicKey"), old.sshPublicKey(), s.sshPublicKey());
    AzureRules.immutable(errs, spec.child("allocatePublicIP"), old.allocatePublicIP().orElse(false), s.allocatePublicIP().orElse(false));
    AzureRules.immutable(errs, spec.child("enableIPForwarding"), old.enableIPForwarding().orElse(false), s.enableIPForwarding().orElse(false));
    // acceleratedNetworking may only be reset to nil (upstream issue #3518).
    if (s.acceleratedNetworking().isPresent()) {
      AzureRules.immutable(errs, FieldPath.of("Spec", "AcceleratedNetworking"), old.acceleratedNetworking(), s.acceleratedNetworking());
    }
    AzureRules.immutable(errs, FieldPath.of("Spec", "SpotVMOptions"), old.spotVMOptions(), s.spotVMOptions());
    AzureRules.immutable(errs, FieldPath.of("Spec", "SecurityProfile"), old.securityProfile(), s.securityProfile());
    if (old.diagnostics().isPresent()) {
      AzureRules.immutable(errs, spec.child("diagnostics"), old.diagnostics(), s.diagnostics());
    }
    if (!s.networkInterfaces().equals(old.networkInterfaces())) {
      // The old object may predate the migration of subnetName into networkInterfaces, and the controller fills in
      // the first interface's subnet: tolerate both.
      AzureDefaults.Network n = AzureDefaults.network(old.subnetName(), old.acceleratedNetworking(), old.networkInterfaces());
      List<io.capi4j.providers.azure.api.v1beta1.NetworkInterface> before = new ArrayList<>(n.interfaces());
      if (!before.isEmpty() && !s.networkInterfaces().isEmpty() && before.get(0).subnetName().isEmpty()
          && !s.networkInterfaces().get(0).subnetName().isEmpty()) {
        before.set(0, before.get(0).withSubnetName(s.networkInterfaces().get(0).subnetName()));
      }
      if (!s.networkInterfaces().equals(before)) {
        errs.add(AzureRules.raw(spec.child("networkInterfaces"), s.networkInterfaces().toString(), AzureRules.IMMUTABLE));
      }
    }
    AzureRules.immutable(errs, spec.child("capacityReservationGroupID"), old.capacityReservationGroupID(), s.capacityReservationGroupID());
    AzureRules.immutable(errs, spec.child("disableExtensionOperations"), old.disableExtensionOperations(), s.disableExtensionOperations());
    if (old.disableVMBootstrapExtension().isPresent()) {
      AzureRules.immutable(errs, spec.child("disableVMBootstrapExtension"), old.disableVMBootstrapExtension(), s.disableVMBootstrapExtension());
    }
    return errs;
  }
}
