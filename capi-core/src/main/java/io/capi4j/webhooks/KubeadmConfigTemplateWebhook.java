package io.capi4j.webhooks;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateResource;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplateSpec;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;

/**
 * KubeadmConfigTemplate admission, as upstream's {@code bootstrap/kubeadm/internal/webhooks/kubeadmconfigtemplate.go}
 * (v1beta2).
 *
 * <p>No defaulting. Upstream's defaulter only acts on topology dry-run requests (a dry-run request on an object
 * carrying the {@code topology.cluster.x-k8s.io/dry-run} annotation), where it re-applies the old v1beta1 defaults so
 * that the dry run does not see a difference; {@link AdmissionContext} cannot express a dry run, so that case never
 * arises here.
 */
public final class KubeadmConfigTemplateWebhook implements Webhook<KubeadmConfigTemplate> {

  /** The CRD schema: {@code spec.template} is required and not empty; then the spec's own rules. */
  @Override
  public List<FieldError> checkSchema(KubeadmConfigTemplate t, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    if (t.spec().isEmpty()) {
      return errs;
    }
    FieldPath tp = FieldPath.of("spec", "template");
    KubeadmConfigTemplateSpec spec = t.spec().get();
    Schema.required(errs, tp, spec.template());
    spec.template().ifPresent(r -> {
      KubeadmConfigSpecRules.minProperties(errs, tp, r, r.metadata().isPresent() || r.spec().isPresent());
      r.spec().ifPresent(s -> errs.addAll(KubeadmConfigSpecRules.checkSchema(s, tp.child("spec"))));
    });
    return errs;
  }

  /** {@code spec.template.spec.Validate(isKCP=false, ...)} and the template metadata's labels and annotations. */
  @Override
  public List<FieldError> validate(KubeadmConfigTemplate t, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath tp = FieldPath.of("spec", "template");
    errs.addAll(KubeadmConfigSpecRules.validate(t.templateSpecOrEmpty(), tp.child("spec"), ctx.featureGates()));
    errs.addAll(WebhookRules.validateTemplateMetadata(
        t.spec().flatMap(KubeadmConfigTemplateSpec::template).flatMap(KubeadmConfigTemplateResource::metadata),
        tp.child("metadata")));
    return errs;
  }
}
