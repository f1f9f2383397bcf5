package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineDeploymentDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.spi.Webhook;
import io.capi4j.util.KubernetesNames;
import io.capi4j.util.Selectors;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MachineSet defaulting and validation, as upstream's {@code core/webhooks/admission/machineset.go} (the variant
 * where the webhook checks {@code clusterName}).
 *
 * <p>Unlike MachineDeployment, MachineSet does not add the cluster-name label to its selector, defaults the
 * selector to {@code cluster.x-k8s.io/set-name=MustFormatValue(name)}, reports a selector mismatch as
 * {@code Invalid}, checks taints before the machine naming template and has no rollout or name checks.
 *
 * <p>capi4j deviations (messages end in {@code (capi4j)}): negative {@code spec.replicas}; autoscaler min size
 * negative or above the max size.
 */
public final class MachineSetWebhook implements Webhook<MachineSet> {

  @Override
  public MachineSet applyDefaults(MachineSet ms, AdmissionContext ctx) {
    MachineSetSpec spec = ms.spec();

    Optional<Optional<Integer>> oldReplicas = ctx.oldObject(MachineSet.class).map(old -> old.spec().replicas());
    int replicas = WebhookRules.calculateReplicas(MachineSet.KIND, spec.replicas(), ms.annotations(), oldReplicas);

    LabelSelector selector = spec.selector().orElse(new LabelSelector());
    Map<String, String> matchLabels =
        new LinkedHashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    MachineTemplateSpec template = spec.templateOrEmpty();
    TemplateMeta tmeta = template.metadataOrEmpty();
    Map<String, String> templateLabels = new LinkedHashMap<>(tmeta.labels());
    if (Selectors.isEmpty(selector)) {
      String value = KubernetesNames.mustFormatValue(ms.name());
      matchLabels.put(Capi.MACHINE_SET_NAME_LABEL, value);
      templateLabels.put(Capi.MACHINE_SET_NAME_LABEL, value);
    }
    selector = new LabelSelectorBuilder(selector).withMatchLabels(matchLabels).build();

    MachineSpec mspec = template.specOrEmpty();
    mspec = mspec.withVersion(WebhookRules.defaultVersion(mspec.version()));
    template = template.withMetadata(tmeta.withLabels(templateLabels)).withSpec(mspec);

    return ms.withMetadata(WebhookRules.withClusterNameLabel(ms.metadata(), spec.clusterName()))
        .withSpec(spec.withReplicas(replicas).withSelector(selector).withTemplate(template));
  }

  @Override
  public List<FieldError> checkSchema(MachineSet ms, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineSetSpec s = ms.spec();
    Schema.requiredString(errs, spec.child("clusterName"), s.clusterName(), 1, 63);
    errs.addAll(WebhookRules.rejectNegativeReplicas(s.replicas(), spec.child("replicas")));
    Schema.required(errs, spec.child("selector"), s.selector());
    if (s.template().isEmpty()) {
      errs.add(FieldError.required(spec.child("template"), ""));
    } else {
      errs.addAll(MachineSpecRules.checkSchema(s.templateOrEmpty().specOrEmpty(), spec.child("template", "spec")));
    }
    s.machineNaming().ifPresent(n -> WebhookRules.checkMachineNaming(errs, n, spec.child("machineNaming")));
    s.deletion().ifPresent(d -> {
      Schema.minProperties(errs, spec.child("deletion"), d.order().isEmpty() ? 0 : 1, 1);
      Schema.enumeration(errs, spec.child("deletion", "order"), d.order(),
          List.of(MachineDeploymentDeletionSpec.RANDOM, MachineDeploymentDeletionSpec.NEWEST,
              MachineDeploymentDeletionSpec.OLDEST));
    });
    errs.addAll(WebhookRules.autoscalerBounds(ms.annotations()));
    return errs;
  }

  @Override
  public List<FieldError> validate(MachineSet ms, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineSetSpec s = ms.spec();
    MachineTemplateSpec template = s.templateOrEmpty();
    MachineSpec tspec = template.specOrEmpty();
    FeatureGates gates = ctx.featureGates();

    errs.addAll(WebhookRules.validateBootstrap(tspec.bootstrap(), "spec.template.spec"));
    errs.addAll(WebhookRules.validateSelectorMatchesTemplate(
        s.selector().orElse(new LabelSelector()), template.metadataOrEmpty().labels(), false));
    if (gates.enabled(FeatureGates.MACHINE_SET_PREFLIGHT_CHECKS)) {
      errs.addAll(WebhookRules.validateSkippedPreflightChecks(ms.annotations()));
    }
    errs.addAll(WebhookRules.validateClusterNameImmutable(
        ctx.oldObject(MachineSet.class).map(old -> old.spec().clusterName()), s.clusterName()));
    errs.addAll(WebhookRules.validateClusterNamesEqual(s.clusterName(), tspec.clusterName()));
    errs.addAll(WebhookRules.validateVersion(tspec.version(), spec.child("template", "spec", "version")));
    FieldPath taints = spec.child("template", "spec", "taints");
    errs.addAll(WebhookRules.validateMachineTaints(tspec.taints(), taints, gates));
    errs.addAll(WebhookRules.validateMachineTaintsForWorkers(tspec.taints(), false, taints, gates));
    s.machineNaming().ifPresent(n ->
        errs.addAll(WebhookRules.validateMachineNaming(n.template(), spec.child("machineNaming", "template"))));
    errs.addAll(WebhookRules.validateTemplateMetadata(template.metadata(), spec.child("template", "metadata")));
    return errs;
  }
}
