package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRemediationSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutSpec;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategy;
import io.capi4j.api.core.v1beta2.MachineDeploymentRolloutStrategyRollingUpdate;
import io.capi4j.api.core.v1beta2.MachineDeploymentSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.spi.Webhook;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.KubernetesNames;
import io.capi4j.util.Selectors;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MachineDeployment defaulting and validation, as upstream's {@code core/webhooks/admission/machinedeployment.go}
 * (the variant where the webhook checks {@code clusterName}).
 *
 * <p>capi4j deviations (messages end in {@code (capi4j)}): negative {@code spec.replicas}; autoscaler min size
 * negative or above the max size; negative {@code maxSurge}, {@code maxUnavailable} and
 * {@code remediation.maxInFlight}.
 */
public final class MachineDeploymentWebhook implements Webhook<MachineDeployment> {

  @Override
  public MachineDeployment applyDefaults(MachineDeployment md, AdmissionContext ctx) {
    MachineDeploymentSpec spec = md.spec();
    String clusterName = spec.clusterName();

    Optional<Optional<Integer>> oldReplicas =
        ctx.oldObject(MachineDeployment.class).map(old -> old.spec().replicas());
    int replicas = WebhookRules.calculateReplicas(MachineDeployment.KIND, spec.replicas(), md.annotations(), oldReplicas);

    MachineDeploymentRolloutSpec rollout = spec.rolloutOrEmpty();
    MachineDeploymentRolloutStrategy strategy = rollout.strategyOrEmpty();
    if (strategy.type().isEmpty()) {
      strategy = strategy.withType(MachineDeploymentRolloutStrategy.ROLLING_UPDATE);
    }
    if (strategy.type().equals(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)) {
      MachineDeploymentRolloutStrategyRollingUpdate ru =
          strategy.rollingUpdate().orElse(MachineDeploymentRolloutStrategyRollingUpdate.builder().build());
      if (ru.maxSurge().isEmpty()) {
        ru = ru.withMaxSurge(IntOrPercent.of(1));
      }
      if (ru.maxUnavailable().isEmpty()) {
        ru = ru.withMaxUnavailable(IntOrPercent.of(0));
      }
      strategy = strategy.withRollingUpdate(ru);
    }
    rollout = rollout.withStrategy(strategy);

    LabelSelector selector = spec.selector().orElse(new LabelSelector());
    Map<String, String> matchLabels =
        new LinkedHashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    MachineTemplateSpec template = spec.templateOrEmpty();
    TemplateMeta tmeta = template.metadataOrEmpty();
    Map<String, String> templateLabels = new LinkedHashMap<>(tmeta.labels());
    if (Selectors.isEmpty(selector)) {
      // The raw name: it must be a valid label value anyway (validation rule 1).
      matchLabels.put(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, md.name());
      templateLabels.put(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, md.name());
    }
    matchLabels.put(Capi.CLUSTER_NAME_LABEL, clusterName);
    templateLabels.put(Capi.CLUSTER_NAME_LABEL, clusterName);
    selector = new LabelSelectorBuilder(selector).withMatchLabels(matchLabels).build();

    MachineSpec mspec = template.specOrEmpty();
    mspec = mspec.withVersion(WebhookRules.defaultVersion(mspec.version()));
    template = template.withMetadata(tmeta.withLabels(templateLabels)).withSpec(mspec);

    return md.withMetadata(WebhookRules.withClusterNameLabel(md.metadata(), clusterName))
        .withSpec(spec.withReplicas(replicas).withRollout(rollout).withSelector(selector).withTemplate(template));
  }

  @Override
  public List<FieldError> checkSchema(MachineDeployment md, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineDeploymentSpec s = md.spec();
    Schema.requiredString(errs, spec.child("clusterName"), s.clusterName(), 1, 63);
    errs.addAll(WebhookRules.rejectNegativeReplicas(s.replicas(), spec.child("replicas")));
    s.rollout().ifPresent(r -> {
      FieldPath rp = spec.child("rollout");
      Schema.minProperties(errs, rp, (r.after().isEmpty() ? 0 : 1) + (r.strategy().isPresent() ? 1 : 0), 1);
      if (!r.after().isEmpty() && !isRfc3339(r.after())) {
        errs.add(FieldError.invalid(rp.child("after"), r.after(),
            "must be an RFC 3339 date-time, e.g. 2026-01-02T15:04:05Z"));
      }
      r.strategy().ifPresent(st -> {
        FieldPath sp = rp.child("strategy");
        if (st.type().isEmpty()) {
          errs.add(FieldError.required(sp.child("type"), ""));
        }
        Schema.enumeration(errs, sp.child("type"), st.type(),
            List.of(MachineDeploymentRolloutStrategy.ROLLING_UPDATE, MachineDeploymentRolloutStrategy.ON_DELETE));
        st.rollingUpdate().ifPresent(ru -> Schema.minProperties(errs, sp.child("rollingUpdate"),
            (ru.maxSurge().isPresent() ? 1 : 0) + (ru.maxUnavailable().isPresent() ? 1 : 0), 1));
      });
    });
    Schema.required(errs, spec.child("selector"), s.selector());
    if (s.template().isEmpty()) {
      errs.add(FieldError.required(spec.child("template"), ""));
    } else {
      errs.addAll(MachineSpecRules.checkSchema(s.templateOrEmpty().specOrEmpty(), spec.child("template", "spec")));
    }
    s.machineNaming().ifPresent(n -> WebhookRules.checkMachineNaming(errs, n, spec.child("machineNaming")));
    s.remediation().ifPresent(r ->
        Schema.minProperties(errs, spec.child("remediation"), r.maxInFlight().isPresent() ? 1 : 0, 1));
    s.deletion().ifPresent(d -> {
      Schema.minProperties(errs, spec.child("deletion"), d.order().isEmpty() ? 0 : 1, 1);
      Schema.enumeration(errs, spec.child("deletion", "order"), d.order(),
          List.of(MachineDeploymentDeletionSpec.RANDOM, MachineDeploymentDeletionSpec.NEWEST,
              MachineDeploymentDeletionSpec.OLDEST));
    });
    errs.addAll(WebhookRules.autoscalerBounds(md.annotations()));
    return errs;
  }

  @Override
  public List<FieldError> validate(MachineDeployment md, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineDeploymentSpec s = md.spec();
    MachineTemplateSpec template = s.templateOrEmpty();
    MachineSpec tspec = template.specOrEmpty();
    FeatureGates gates = ctx.featureGates();

    for (String m : KubernetesNames.isValidLabelValue(md.name())) {
      errs.add(FieldError.invalid(FieldPath.of("metadata", "name"), md.name(), "must be a valid label value: " + m));
    }
    errs.addAll(WebhookRules.validateBootstrap(tspec.bootstrap(), "spec.template.spec"));
    errs.addAll(WebhookRules.validateSelectorMatchesTemplate(
        s.selector().orElse(new LabelSelector()), template.metadataOrEmpty().labels(), true));
    if (gates.enabled(FeatureGates.MACHINE_SET_PREFLIGHT_CHECKS)) {
      errs.addAll(WebhookRules.validateSkippedPreflightChecks(md.annotations()));
    }
    errs.addAll(WebhookRules.validateClusterNameImmutable(
        ctx.oldObject(MachineDeployment.class).map(old -> old.spec().clusterName()), s.clusterName()));
    errs.addAll(WebhookRules.validateClusterNamesEqual(s.clusterName(), tspec.clusterName()));

    Optional<MachineDeploymentRolloutStrategyRollingUpdate> ru = s.rolloutOrEmpty().strategyOrEmpty().rollingUpdate();
    Optional<IntOrString> maxUnavailable = ru.flatMap(MachineDeploymentRolloutStrategyRollingUpdate::maxUnavailable);
    Optional<IntOrString> maxSurge = ru.flatMap(MachineDeploymentRolloutStrategyRollingUpdate::maxSurge);
    FieldPath ruPath = spec.child("rollout", "strategy", "rollingUpdate");
    errs.addAll(WebhookRules.validateIntOrPercent(maxUnavailable, ruPath.child("maxUnavailable")));
    errs.addAll(WebhookRules.validateIntOrPercent(maxSurge, ruPath.child("maxSurge")));
    if (maxUnavailable.isPresent() && maxSurge.isPresent() && IntOrPercent.isInt(maxUnavailable.get())
        && IntOrPercent.isInt(maxSurge.get()) && maxUnavailable.get().getIntVal() == 0
        && maxSurge.get().getIntVal() == 0) {
      errs.add(FieldError.invalid(ruPath, IntOrPercent.toString(maxSurge.get()), "maxUnavailable and maxSurge cannot both be 0"));
    }
    errs.addAll(WebhookRules.rejectNegative(maxUnavailable, ruPath.child("maxUnavailable")));
    errs.addAll(WebhookRules.rejectNegative(maxSurge, ruPath.child("maxSurge")));
    Optional<IntOrString> maxInFlight = s.remediation().flatMap(MachineDeploymentRemediationSpec::maxInFlight);
    errs.addAll(WebhookRules.validateIntOrPercent(maxInFlight, spec.child("remediation", "maxInFlight")));
    errs.addAll(WebhookRules.rejectNegative(maxInFlight, spec.child("remediation", "maxInFlight")));

    errs.addAll(WebhookRules.validateVersion(tspec.version(), spec.child("template", "spec", "version")));
    s.machineNaming().ifPresent(n ->
        errs.addAll(WebhookRules.validateMachineNaming(n.template(), spec.child("machineNaming", "template"))));
    FieldPath taints = spec.child("template", "spec", "taints");
    errs.addAll(WebhookRules.validateMachineTaints(tspec.taints(), taints, gates));
    errs.addAll(WebhookRules.validateMachineTaintsForWorkers(tspec.taints(), false, taints, gates));
    errs.addAll(WebhookRules.validateTemplateMetadata(template.metadata(), spec.child("template", "metadata")));
    return errs;
  }

  static boolean isRfc3339(String s) {
    try {
      java.time.OffsetDateTime.parse(s);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
