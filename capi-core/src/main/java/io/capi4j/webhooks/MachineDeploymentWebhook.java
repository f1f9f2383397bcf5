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
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.KubernetesNames;
import io.capi4j.util.Selectors;
import io.capi4j.spi.Webhook;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MachineDeployment defaulting and validation, as upstream's {@code core/webhooks/admission/machinedeployment.go}. */
public final class MachineDeploymentWebhook implements Webhook<MachineDeployment> {

  @Override
  public MachineDeployment applyDefaults(MachineDeployment md, AdmissionContext ctx) {
    MachineDeploymentSpec spec = md.spec();
    String clusterName = spec.clusterName();

    Map<String, String> labels = new LinkedHashMap<>(md.labels());
    labels.put(Capi.CLUSTER_NAME_LABEL, clusterName);
    ObjectMeta meta = new ObjectMetaBuilder(md.metadata()).withLabels(labels).build();

    Optional<Optional<Integer>> oldReplicas =
        ctx.oldObject(MachineDeployment.class).map(old -> old.spec().replicas());
    int replicas = WebhookRules.calculateReplicas(MachineDeployment.KIND, spec.replicas(), md.annotations(), oldReplicas);

    MachineDeploymentRolloutSpec rollout = spec.rolloutOrEmpty();
    MachineDeploymentRolloutStrategy strategy = rollout.strategyOrEmpty();
    if (strategy.type().isEmpty()) {
      strategy = strategy.withType(MachineDeploymentRolloutStrategy.ROLLING_UPDATE);
    }
    if (strategy.type().equals(MachineDeploymentRolloutStrategy.ROLLING_UPDATE)) {
      MachineDeploymentRolloutStrategyRollingUpdate ru = strategy.rollingUpdate().orElse(MachineDeploymentRolloutStrategyRollingUpdate.builder().build());
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
    Map<String, String> matchLabels = new LinkedHashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    MachineTemplateSpec template = spec.templateOrEmpty();
    TemplateMeta tmeta = template.metadataOrEmpty();
    Map<String, String> templateLabels = new LinkedHashMap<>(tmeta.labels());
    if (Selectors.isEmpty(selector)) {
      matchLabels.put(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, md.name());
      templateLabels.put(Capi.MACHINE_DEPLOYMENT_NAME_LABEL, md.name());
    }
    matchLabels.put(Capi.CLUSTER_NAME_LABEL, clusterName);
    templateLabels.put(Capi.CLUSTER_NAME_LABEL, clusterName);
    selector = new LabelSelectorBuilder(selector).withMatchLabels(matchLabels).build();

    MachineSpec mspec = template.specOrEmpty();
    mspec = mspec.withVersion(WebhookRules.defaultVersion(mspec.version()));
    template = template.withMetadata(tmeta.withLabels(templateLabels)).withSpec(mspec);

    return md.withMetadata(meta)
        .withSpec(spec.withReplicas(replicas).withRollout(rollout).withSelector(selector).withTemplate(template));
  }

  @Override
  public List<FieldError> checkSchema(MachineDeployment md, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineDeploymentSpec s = md.spec();
    Schema.requiredString(errs, spec.child("clusterName"), s.clusterName(), 1, 63);
    // capi4j deviation: upstream's v1beta2 schema has no minimum for replicas.
    if (s.replicas().isPresent() && s.replicas().get() < 0) {
      errs.add(FieldError.invalid(spec.child("replicas"), s.replicas().get(), "must be greater than or equal to 0 (capi4j)"));
    }
    s.rollout().ifPresent(r -> r.strategy().ifPresent(st -> {
      FieldPath sp = spec.child("rollout", "strategy", "type");
      if (st.type().isEmpty()) {
        errs.add(FieldError.required(sp, ""));
      }
      Schema.enumeration(errs, sp, st.type(),
          List.of(MachineDeploymentRolloutStrategy.ROLLING_UPDATE, MachineDeploymentRolloutStrategy.ON_DELETE));
    }));
    s.rollout().ifPresent(r -> {
      if (!r.after().isEmpty() && !isRfc3339(r.after())) {
        errs.add(FieldError.invalid(spec.child("rollout", "after"), r.after(),
            "must be an RFC 3339 date-time, e.g. 2026-01-02T15:04:05Z"));
      }
    });
    Schema.required(errs, spec.child("selector"), s.selector());
    if (s.template().isEmpty()) {
      errs.add(FieldError.required(spec.child("template"), ""));
    } else {
      errs.addAll(MachineSpecRules.checkSchema(s.templateOrEmpty().specOrEmpty(), spec.child("template", "spec")));
    }
    s.machineNaming().ifPresent(n -> Schema.requiredString(errs, spec.child("machineNaming", "template"), n.template(), 1, 256));
    s.deletion().ifPresent(d -> Schema.enumeration(errs, spec.child("deletion", "order"), d.order(),
        List.of(MachineDeploymentDeletionSpec.RANDOM, MachineDeploymentDeletionSpec.NEWEST, MachineDeploymentDeletionSpec.OLDEST)));
    errs.addAll(autoscalerBounds(md.annotations()));
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

    LabelSelector selector = s.selector().orElse(new LabelSelector());
    Optional<String> selectorError = Selectors.conversionError(selector);
    if (selectorError.isPresent()) {
      errs.add(FieldError.invalid(spec.child("selector"), Selectors.toString(selector), selectorError.get()));
    } else if (!Selectors.matches(selector, template.metadataOrEmpty().labels())) {
      errs.add(FieldError.forbidden(spec.child("template", "metadata", "labels"),
          "must match spec.selector \"" + Selectors.toString(selector) + "\""));
    }
    if (gates.enabled(FeatureGates.MACHINE_SET_PREFLIGHT_CHECKS)) {
      errs.addAll(WebhookRules.validateSkippedPreflightChecks(md.annotations()));
    }
    ctx.oldObject(MachineDeployment.class).ifPresent(old -> {
      if (!old.spec().clusterName().equals(s.clusterName())) {
        errs.add(FieldError.forbidden(spec.child("clusterName"), "field is immutable"));
      }
    });
    if (!s.clusterName().equals(tspec.clusterName())) {
      errs.add(FieldError.invalid(spec.child("clusterName"), s.clusterName(),
          "spec.clusterName and spec.template.spec.clusterName must be set to the same value"));
    }
    Optional<MachineDeploymentRolloutStrategyRollingUpdate> ru = s.rolloutOrEmpty().strategyOrEmpty().rollingUpdate();
    Optional<IntOrString> maxUnavailable = ru.flatMap(MachineDeploymentRolloutStrategyRollingUpdate::maxUnavailable);
    Optional<IntOrString> maxSurge = ru.flatMap(MachineDeploymentRolloutStrategyRollingUpdate::maxSurge);
    FieldPath ruPath = spec.child("rollout", "strategy", "rollingUpdate");
    errs.addAll(WebhookRules.validateIntOrPercent(maxUnavailable, ruPath.child("maxUnavailable")));
    errs.addAll(WebhookRules.validateIntOrPercent(maxSurge, ruPath.child("maxSurge")));
    if (maxUnavailable.isPresent() && maxSurge.isPresent() && IntOrPercent.isInt(maxUnavailable.get())
        && IntOrPercent.isInt(maxSurge.get()) && maxUnavailable.get().getIntVal() == 0 && maxSurge.get().getIntVal() == 0) {
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

  /** capi4j deviation: both autoscaler bounds present but min greater than max. */
  static List<FieldError> autoscalerBounds(Map<String, String> annotations) {
    String min = annotations.get(Capi.AUTOSCALER_MIN_SIZE_ANNOTATION);
    String max = annotations.get(Capi.AUTOSCALER_MAX_SIZE_ANNOTATION);
    if (min == null || max == null) {
      return List.of();
    }
    try {
      int lo = io.capi4j.util.GoStrconv.parseInt32(min);
      int hi = io.capi4j.util.GoStrconv.parseInt32(max);
      List<FieldError> errs = new ArrayList<>();
      FieldPath p = FieldPath.of("metadata", "annotations");
      if (lo < 0) {
        errs.add(FieldError.invalid(p.key(Capi.AUTOSCALER_MIN_SIZE_ANNOTATION), min, "must not be negative (capi4j)"));
      }
      if (lo > hi) {
        errs.add(FieldError.invalid(p.key(Capi.AUTOSCALER_MAX_SIZE_ANNOTATION), max,
            "must be greater than or equal to the min size " + lo + " (capi4j)"));
      }
      return errs;
    } catch (NumberFormatException e) {
      return List.of(); // reported by defaulting
    }
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
