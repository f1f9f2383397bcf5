package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.machinepool.MachinePoolInfrastructure;
import io.capi4j.api.core.v1beta2.MachinePoolSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MachinePool defaulting and validation, as upstream's {@code core/webhooks/admission/machinepool.go} (the variant
 * where the webhook checks {@code clusterName}).
 *
 * <p>Upstream quirks kept: with the {@code MachinePool} feature gate off, validation reports only
 * {@code spec: Forbidden: can be set only if the MachinePool feature flag is enabled} (QUIRK Q7); taint errors
 * name {@code spec.taints} although the field is {@code spec.template.spec.taints}, and any taint is rejected as
 * not yet implemented (QUIRK Q6).
 *
 * <p>capi4j deviations (messages end in {@code (capi4j)}): negative {@code spec.replicas}; autoscaler min size
 * negative or above the max size.
 */
public final class MachinePoolWebhook implements Webhook<MachinePool> {

  @Override
  public MachinePool applyDefaults(MachinePool mp, AdmissionContext ctx) {
    MachinePoolSpec spec = mp.spec();
    Optional<Optional<Integer>> oldReplicas = ctx.oldObject(MachinePool.class).map(old -> old.spec().replicas());
    int replicas = WebhookRules.calculateReplicas(MachinePool.KIND, spec.replicas(), mp.annotations(), oldReplicas);

    MachineTemplateSpec template = spec.templateOrEmpty();
    MachineSpec mspec = WebhookRules.defaultNodeDeletionTimeout(template.specOrEmpty());
    mspec = mspec.withVersion(WebhookRules.defaultVersion(mspec.version()));

    return mp.withMetadata(WebhookRules.withClusterNameLabel(mp.metadata(), spec.clusterName()))
        .withSpec(spec.withReplicas(replicas).withTemplate(template.withSpec(mspec)));
  }

  @Override
  public List<FieldError> checkSchema(MachinePool mp, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachinePoolSpec s = mp.spec();
    Schema.requiredString(errs, spec.child("clusterName"), s.clusterName(), 1, 63);
    errs.addAll(WebhookRules.rejectNegativeReplicas(s.replicas(), spec.child("replicas")));
    if (s.template().isEmpty()) {
      errs.add(FieldError.required(spec.child("template"), ""));
    } else {
      errs.addAll(MachineSpecRules.checkSchema(s.templateOrEmpty().specOrEmpty(), spec.child("template", "spec")));
    }
    Schema.items(errs, spec.child("providerIDList"), s.providerIDList(), 10000);
    for (int i = 0; i < s.providerIDList().size(); i++) {
      Schema.length(errs, spec.child("providerIDList").index(i), s.providerIDList().get(i), 1, 512);
    }
    Schema.items(errs, spec.child("failureDomains"), s.failureDomains(), 100);
    for (int i = 0; i < s.failureDomains().size(); i++) {
      Schema.length(errs, spec.child("failureDomains").index(i), s.failureDomains().get(i), 1, 256);
    }
    errs.addAll(WebhookRules.autoscalerBounds(mp.annotations()));
    return errs;
  }

  @Override
  public List<FieldError> validate(MachinePool mp, AdmissionContext ctx) {
    FeatureGates gates = ctx.featureGates();
    FieldPath spec = FieldPath.of("spec");
    if (!gates.enabled(FeatureGates.MACHINE_POOL)) {
      return List.of(FieldError.forbidden(spec, "can be set only if the MachinePool feature flag is enabled"));
    }
    List<FieldError> errs = new ArrayList<>();
    MachinePoolSpec s = mp.spec();
    MachineTemplateSpec template = s.templateOrEmpty();
    MachineSpec tspec = template.specOrEmpty();

    errs.addAll(WebhookRules.validateBootstrap(tspec.bootstrap(), "spec.template.spec"));
    errs.addAll(WebhookRules.validateClusterNameImmutable(
        ctx.oldObject(MachinePool.class).map(old -> old.spec().clusterName()), s.clusterName()));
    errs.addAll(WebhookRules.validateClusterNamesEqual(s.clusterName(), tspec.clusterName()));
    errs.addAll(WebhookRules.validateVersion(tspec.version(), spec.child("template", "spec", "version")));
    if (!tspec.taints().isEmpty()) {
      // QUIRK Q6: upstream names spec.taints, not spec.template.spec.taints.
      errs.add(FieldError.forbidden(spec.child("taints"), "taints feature for MachinePools is not yet implemented"));
      if (!gates.enabled(FeatureGates.MACHINE_TAINT_PROPAGATION)) {
        errs.add(FieldError.forbidden(spec.child("taints"),
            "taints are not allowed to be set when the feature gate MachineTaintPropagation is disabled"));
      }
    }
    errs.addAll(WebhookRules.validateTemplateMetadata(template.metadata(), spec.child("template", "metadata")));
    // capi4j: an infrastructure without scaling groups cannot back a MachinePool; say why (see the README).
    MachinePoolInfrastructure.check(mp, ctx.providers()).ifPresent(errs::add);
    // capi4j: the remediation annotation of MachinePool Machines (see machinepool/REMEDIATION.md).
    errs.addAll(io.capi4j.machinepool.MachinePoolRemediationPlanner.validate(mp.annotations()));
    return errs;
  }
}
