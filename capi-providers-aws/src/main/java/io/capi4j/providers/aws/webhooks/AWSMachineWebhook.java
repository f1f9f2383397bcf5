package io.capi4j.providers.aws.webhooks;

import io.capi4j.providers.aws.api.v1beta2.AWSMachine;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.CloudInit;
import io.capi4j.providers.aws.api.v1beta2.Ignition;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWSMachine defaulting and validation, as upstream's {@code webhooks/awsmachine_webhook.go} plus the CRD schema.
 *
 * <p>Defaults: {@code cloudInit.secureSecretsBackend} becomes {@code secrets-manager} unless secrets are skipped or
 * Ignition is used; Ignition gets storage type {@code ClusterObjectStore} and version {@code 2.3}. On an update only
 * providerID, instanceID, additionalTags, additionalSecurityGroups, the cloud-init secret fields and the private
 * DNS record switches may change.
 */
public final class AWSMachineWebhook implements Webhook<AWSMachine> {
  private static final FieldPath SPEC = FieldPath.of("spec");

  @Override
  public AWSMachine applyDefaults(AWSMachine m, AdmissionContext ctx) {
    AWSMachineSpec s = AWSMachineSpecRules.crdDefaults(m.spec());
    CloudInit c = s.cloudInitOrEmpty();
    if (!c.insecureSkipSecretsManager().orElse(false) && c.secureSecretsBackend().isEmpty() && s.ignition().isEmpty()) {
      s = s.withCloudInit(c.withSecureSecretsBackend(CloudInit.SECRETS_MANAGER));
    }
    if (s.ignition().isPresent()) {
      Ignition ign = s.ignition().get();
      if (ign.storageType().isEmpty()) {
        ign = ign.withStorageType(Ignition.STORAGE_CLUSTER_OBJECT_STORE);
      }
      if (ign.version().isEmpty() && !ign.storageType().equals(Ignition.STORAGE_UNENCRYPTED_USER_DATA)) {
        ign = ign.withVersion(Ignition.DEFAULT_VERSION);
      }
      s = s.withIgnition(ign);
    }
    return m.withSpec(s);
  }

  @Override
  public List<FieldError> checkSchema(AWSMachine m, AdmissionContext ctx) {
    return AWSMachineSpecRules.checkSchema(m.spec(), SPEC);
  }

  @Override
  public List<FieldError> validate(AWSMachine m, AdmissionContext ctx) {
    AWSMachineSpec s = m.spec();
    List<FieldError> errs = new ArrayList<>();
    Optional<AWSMachine> old = ctx.oldObject(AWSMachine.class);
    if (old.isEmpty()) {
      errs.addAll(AWSMachineSpecRules.validateCloudInitSecret(s, SPEC));
      errs.addAll(AWSMachineSpecRules.validateIgnitionAndCloudInit(s, SPEC, ctx.featureGates(), true));
      errs.addAll(AwsRules.validateRootVolume(s.rootVolume(), SPEC.child("rootVolume"), true));
      errs.addAll(AwsRules.validateNonRootVolumes(s.nonRootVolumes(), SPEC.child("nonRootVolumes")));
      errs.addAll(AwsRules.validateSshKeyName(s.sshKeyName(), SPEC.child("sshKeyName")));
      errs.addAll(AWSMachineSpecRules.validateAdditionalSecurityGroups(s, SPEC));
      errs.addAll(AwsRules.validateTags(s.additionalTags(), SPEC.child("additionalTags")));
      errs.addAll(AWSMachineSpecRules.validateElasticIpPool(s, SPEC));
      errs.addAll(AWSMachineSpecRules.validateInstanceMarketType(s, SPEC));
      errs.addAll(AWSMachineSpecRules.validateCapacityReservation(s, SPEC));
      errs.addAll(AWSMachineSpecRules.validateHostAllocation(s, SPEC, false));
      return errs;
    }
    errs.addAll(AWSMachineSpecRules.validateCloudInitSecret(s, SPEC));
    errs.addAll(AWSMachineSpecRules.validateAdditionalSecurityGroups(s, SPEC));
    errs.addAll(AwsRules.validateTags(s.additionalTags(), SPEC.child("additionalTags")));
    errs.addAll(AWSMachineSpecRules.validateHostAllocation(s, SPEC, false));
    if (!AWSMachineSpecRules.withoutMutableFields(old.get().spec()).equals(AWSMachineSpecRules.withoutMutableFields(s))) {
      errs.add(FieldError.forbidden(SPEC, "cannot be modified"));
    }
    return errs;
  }
}
