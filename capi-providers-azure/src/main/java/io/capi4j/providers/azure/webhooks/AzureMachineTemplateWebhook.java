package io.capi4j.providers.azure.webhooks;

import io.capi4j.providers.azure.api.v1beta1.AzureMachineSpec;
import io.capi4j.providers.azure.api.v1beta1.AzureMachineTemplate;
import io.capi4j.providers.azure.api.v1beta1.NetworkInterface;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** AzureMachineTemplate defaulting and validation, as CAPZ's {@code internal/webhooks/azuremachinetemplate_webhook.go}. */
public final class AzureMachineTemplateWebhook implements Webhook<AzureMachineTemplate> {
  public static final String IMMUTABLE_MSG = "AzureMachineTemplate spec.template.spec field is immutable. Please create new "
      + "resource instead. ref doc: https://cluster-api.sigs.k8s.io/tasks/updating-machine-templates.html";
  public static final String ROLE_ASSIGNMENT_NAME_MSG = "AzureMachineTemplate spec.template.spec.roleAssignmentName field can't be set";
  public static final String SYSTEM_ASSIGNED_IDENTITY_ROLE_NAME_MSG =
      "AzureMachineTemplate spec.template.spec.systemAssignedIdentityRole.name field can't be set";

  private static final FieldPath SPEC = FieldPath.of("AzureMachineTemplate", "spec", "template", "spec");

  private final SharedRandom random;

  /** A webhook drawing generated SSH keys from {@code random}. */
  public AzureMachineTemplateWebhook(SharedRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public AzureMachineTemplate applyDefaults(AzureMachineTemplate t, AdmissionContext ctx) {
    return withSpec(t, defaultSpec(t.spec().template().spec()));
  }

  private AzureMachineSpec defaultSpec(AzureMachineSpec s) {
    return AzureMachineSpecs.commonDefaults(AzureMachineSpecs.crdDefaults(s), random);
  }

  private static AzureMachineTemplate withSpec(AzureMachineTemplate t, AzureMachineSpec s) {
    return t.withSpec(t.spec().withTemplate(t.spec().template().withSpec(s)));
  }

  @Override
  public List<FieldError> checkSchema(AzureMachineTemplate t, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    AzureMachineSpecs.checkSchema(errs, FieldPath.of("spec", "template", "spec"), t.spec().template().spec());
    return errs;
  }

  @Override
  public List<FieldError> validate(AzureMachineTemplate t, AdmissionContext ctx) {
    if (ctx.isUpdate()) {
      return validateUpdate(ctx.oldObject(AzureMachineTemplate.class).orElseThrow(), t);
    }
    AzureMachineSpec s = t.spec().template().spec();
    List<FieldError> errs = new ArrayList<>(AzureRules.validateAzureMachineSpec(s));
    if (!s.roleAssignmentName().isEmpty()) {
      errs.add(AzureRules.raw(SPEC.child("roleAssignmentName"), t.name(), ROLE_ASSIGNMENT_NAME_MSG));
    }
    if (s.systemAssignedIdentityRole().filter(r -> !r.name().isEmpty()).isPresent()) {
      errs.add(AzureRules.raw(SPEC.child("systemAssignedIdentityRole", "name"), t.name(), SYSTEM_ASSIGNED_IDENTITY_ROLE_NAME_MSG));
    }
    if (!s.networkInterfaces().isEmpty() && !s.subnetName().isEmpty()) {
      errs.add(AzureRules.raw(SPEC.child("networkInterfaces"), s.networkInterfaces().toString(),
          "cannot set both NetworkInterfaces and machine SubnetName"));
    }
    if (!s.networkInterfaces().isEmpty() && s.acceleratedNetworking().isPresent()) {
      errs.add(AzureRules.raw(SPEC.child("acceleratedNetworking"), s.networkInterfaces().toString(),
          "cannot set both NetworkInterfaces and machine AcceleratedNetworking"));
    }
    for (NetworkInterface nic : s.networkInterfaces()) {
      if (nic.privateIPConfigs().orElse(0) < 1) {
        errs.add(FieldError.invalid(SPEC.child("networkInterfaces", "privateIPConfigs"), nic.privateIPConfigs().orElse(0),
            "networkInterface privateIPConfigs must be set to a minimum value of 1"));
      }
    }
    if (s.disableExtensionOperations().orElse(false) && !s.vmExtensions().isEmpty()) {
      errs.add(FieldError.forbidden(SPEC.child("vmExtensions"), "VMExtensions must be empty when DisableExtensionOperations is true"));
    }
    return errs;
  }

  /**
   * The template spec is immutable. The old object is defaulted first (keeping the new SSH key when the old had
   * none), as upstream does to tolerate defaults added by newer versions. Dry-run requests of the topology
   * controller, which upstream lets through, are not modelled.
   */
  private List<FieldError> validateUpdate(AzureMachineTemplate old, AzureMachineTemplate t) {
    AzureMachineSpec now = t.spec().template().spec();
    AzureMachineSpec before = old.spec().template().spec();
    if (now.equals(before)) {
      return List.of();
    }
    if (before.sshPublicKey().isEmpty()) {
      before = before.withSshPublicKey(now.sshPublicKey());
    }
    before = defaultSpec(before);
    if (now.equals(before)) {
      return List.of();
    }
    return List.of(AzureRules.raw(SPEC, t.name(), IMMUTABLE_MSG));
  }
}
