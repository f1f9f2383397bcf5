package io.capi4j.providers.aws.webhooks;

import io.capi4j.providers.aws.api.v1beta2.AWSMachineSpec;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplate;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateResource;
import io.capi4j.providers.aws.api.v1beta2.AWSMachineTemplateSpec;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWSMachineTemplate validation, as upstream's {@code webhooks/awsmachinetemplate_webhook.go} plus the CRD schema
 * (upstream has no defaulting webhook for templates; only CRD defaults apply).
 *
 * <p>Templates may not carry instance-specific fields (providerID, cloud-init secret prefix and count), and their
 * spec is immutable, except that an update may fill in {@code instanceMetadataOptions} when the old template had
 * none (defaults written by newer clients).
 */
public final class AWSMachineTemplateWebhook implements Webhook<AWSMachineTemplate> {
  private static final FieldPath TEMPLATE_SPEC = FieldPath.of("spec", "template", "spec");

  @Override
  public AWSMachineTemplate applyDefaults(AWSMachineTemplate t, AdmissionContext ctx) {
    if (t.spec().template().isEmpty()) {
      return t;
    }
    AWSMachineTemplateResource r = t.spec().templateOrEmpty();
    return t.withSpec(t.spec().withTemplate(r.withSpec(AWSMachineSpecRules.crdDefaults(r.specOrEmpty()))));
  }

  @Override
  public List<FieldError> checkSchema(AWSMachineTemplate t, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    if (t.spec().template().isEmpty()) {
      errs.add(FieldError.required(FieldPath.of("spec", "template"), ""));
      return errs;
    }
    if (t.spec().templateOrEmpty().spec().isEmpty()) {
      errs.add(FieldError.required(FieldPath.of("spec", "template", "spec"), ""));
      return errs;
    }
    errs.addAll(AWSMachineSpecRules.checkSchema(spec(t), TEMPLATE_SPEC));
    return errs;
  }

  @Override
  public List<FieldError> validate(AWSMachineTemplate t, AdmissionContext ctx) {
    Optional<AWSMachineTemplate> old = ctx.oldObject(AWSMachineTemplate.class);
    return old.isPresent() ? validateUpdate(old.get(), t) : validateCreate(t, ctx);
  }

  private List<FieldError> validateCreate(AWSMachineTemplate t, AdmissionContext ctx) {
    AWSMachineSpec s = spec(t);
    List<FieldError> errs = new ArrayList<>();
    if (!s.cloudInitOrEmpty().secretPrefix().isEmpty()) {
      errs.add(FieldError.forbidden(TEMPLATE_SPEC.child("cloudInit", "secretPrefix"), "cannot be set in templates"));
    }
    if (s.cloudInitOrEmpty().secretCount().orElse(0) != 0) {
      errs.add(FieldError.forbidden(TEMPLATE_SPEC.child("cloudInit", "secretCount"), "cannot be set in templates"));
    }
    if (s.providerID().isPresent()) {
      errs.add(FieldError.forbidden(TEMPLATE_SPEC.child("providerID"), "cannot be set in templates"));
    }
    errs.addAll(AWSMachineSpecRules.validateCloudInitSecret(s, TEMPLATE_SPEC));
    errs.addAll(AWSMachineSpecRules.validateIgnitionAndCloudInit(s, TEMPLATE_SPEC, ctx.featureGates(), false));
    errs.addAll(AwsRules.validateRootVolume(s.rootVolume(), TEMPLATE_SPEC.child("rootVolume"), false));
    errs.addAll(AwsRules.validateNonRootVolumes(s.nonRootVolumes(), TEMPLATE_SPEC.child("nonRootVolumes")));
    errs.addAll(AwsRules.validateSshKeyName(s.sshKeyName(), TEMPLATE_SPEC.child("sshKeyName")));
    errs.addAll(AWSMachineSpecRules.validateAdditionalSecurityGroups(s, TEMPLATE_SPEC));
    errs.addAll(AwsRules.validateTags(s.additionalTags(), TEMPLATE_SPEC.child("additionalTags")));
    errs.addAll(AWSMachineSpecRules.validateHostAllocation(s, TEMPLATE_SPEC, true));
    return errs;
  }

  private List<FieldError> validateUpdate(AWSMachineTemplate old, AWSMachineTemplate t) {
    if (old.spec().equals(t.spec())) {
      return List.of();
    }
    AWSMachineSpec oldSpec = spec(old);
    AWSMachineSpec newSpec = spec(t);
    if (oldSpec.instanceMetadataOptions().isEmpty()) {
      oldSpec = oldSpec.withInstanceMetadataOptions(newSpec.instanceMetadataOptions());
    }
    if (AWSMachineSpecRules.normalizeValueStructs(oldSpec).equals(AWSMachineSpecRules.normalizeValueStructs(newSpec))) {
      return List.of();
    }
    return List.of(new FieldError(FieldError.Type.INVALID, TEMPLATE_SPEC.toString(), null, "AWSMachineTemplate.Spec is immutable"));
  }

  private static AWSMachineSpec spec(AWSMachineTemplate t) {
    return t.spec().templateOrEmpty().specOrEmpty();
  }
}
