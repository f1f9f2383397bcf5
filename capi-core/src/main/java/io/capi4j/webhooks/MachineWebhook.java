package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Machine defaulting and validation, as upstream's {@code core/webhooks/admission/machine.go} (the variant where
 * the webhook checks {@code clusterName}). A Machine owned by a MachinePool (label
 * {@code cluster.x-k8s.io/pool-name} or an owner reference of kind {@code MachinePool}) needs no bootstrap; a
 * control-plane Machine (label {@code cluster.x-k8s.io/control-plane}) may carry the control-plane role taint.
 */
public final class MachineWebhook implements Webhook<Machine> {

  @Override
  public Machine applyDefaults(Machine m, AdmissionContext ctx) {
    MachineSpec spec = m.spec();
    spec = spec.withVersion(WebhookRules.defaultVersion(spec.version()));
    spec = WebhookRules.defaultNodeDeletionTimeout(spec);
    return m.withMetadata(WebhookRules.withClusterNameLabel(m.metadata(), m.spec().clusterName())).withSpec(spec);
  }

  @Override
  public List<FieldError> checkSchema(Machine m, AdmissionContext ctx) {
    return MachineSpecRules.checkSchema(m.spec(), FieldPath.of("spec"));
  }

  @Override
  public List<FieldError> validate(Machine m, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineSpec s = m.spec();
    if (!WebhookRules.isMachinePoolOwned(m.metadata())) {
      errs.addAll(WebhookRules.validateBootstrap(s.bootstrap(), "spec"));
    }
    errs.addAll(WebhookRules.validateClusterNameImmutable(
        ctx.oldObject(Machine.class).map(old -> old.spec().clusterName()), s.clusterName()));
    errs.addAll(WebhookRules.validateVersion(s.version(), spec.child("version")));
    FieldPath taints = spec.child("taints");
    errs.addAll(WebhookRules.validateMachineTaints(s.taints(), taints, ctx.featureGates()));
    boolean controlPlane = m.labels().containsKey(Capi.MACHINE_CONTROL_PLANE_LABEL);
    errs.addAll(WebhookRules.validateMachineTaintsForWorkers(s.taints(), controlPlane, taints, ctx.featureGates()));
    return errs;
  }
}
