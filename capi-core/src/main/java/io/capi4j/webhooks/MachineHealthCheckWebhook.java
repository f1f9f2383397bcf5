package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckChecks;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTriggerIf;
import io.capi4j.api.core.v1beta2.MachineHealthCheckSpec;
import io.capi4j.api.core.v1beta2.UnhealthyCondition;
import io.capi4j.machinehealthcheck.RemediationRetryLimit;
import io.capi4j.spi.Webhook;
import io.capi4j.util.Selectors;
import io.capi4j.validation.AdmissionContext;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MachineHealthCheck defaulting and validation, as upstream's
 * {@code core/webhooks/admission/machinehealthcheck.go} (the variant where the webhook checks
 * {@code clusterName}), plus the CRD's rules, including the CEL rule on {@code unhealthyMachineConditions[].type}.
 *
 * <p>capi4j deviations (messages end in {@code (capi4j)}): {@code unhealthyInRange} whose max is below its min
 * (upstream accepts it and fails only when the controller parses it); negative
 * {@code unhealthyLessThanOrEqualTo}; the retry limit's annotations ({@link RemediationRetryLimit}), each error
 * naming {@code metadata.annotations[<key>]}.
 */
public final class MachineHealthCheckWebhook implements Webhook<MachineHealthCheck> {
  /** Upstream's {@code minNodeStartupTimeoutSeconds}; 0 disables the check and is allowed. */
  public static final int MIN_NODE_STARTUP_TIMEOUT_SECONDS = 30;

  /** The condition types {@code unhealthyMachineConditions} may not watch (CRD CEL rule). */
  public static final List<String> RESERVED_MACHINE_CONDITION_TYPES = List.of(
      Capi.Conditions.READY, Capi.Conditions.AVAILABLE, Capi.Conditions.HEALTH_CHECK_SUCCEEDED,
      Capi.Conditions.OWNER_REMEDIATED, Capi.Conditions.EXTERNALLY_REMEDIATED);

  static final String UNHEALTHY_IN_RANGE_PATTERN = "^\\[[0-9]+-[0-9]+\\]$";
  static final String TEMPLATE_API_VERSION_PATTERN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[a-z]([-a-z0-9]*[a-z0-9])?$";
  private static final Pattern RANGE = Pattern.compile("\\[([0-9]+)-([0-9]+)\\]");

  @Override
  public MachineHealthCheck applyDefaults(MachineHealthCheck mhc, AdmissionContext ctx) {
    MachineHealthCheckSpec spec = mhc.spec();
    MachineHealthCheckChecks checks = spec.checksOrEmpty();
    if (checks.nodeStartupTimeoutSeconds().isEmpty()) {
      checks = checks.withNodeStartupTimeoutSeconds(MachineHealthCheck.DEFAULT_NODE_STARTUP_TIMEOUT_SECONDS);
    }
    return mhc.withMetadata(WebhookRules.withClusterNameLabel(mhc.metadata(), spec.clusterName()))
        .withSpec(spec.withChecks(checks));
  }

  @Override
  public List<FieldError> checkSchema(MachineHealthCheck mhc, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineHealthCheckSpec s = mhc.spec();
    Schema.requiredString(errs, spec.child("clusterName"), s.clusterName(), 1, 63);
    Schema.required(errs, spec.child("selector"), s.selector());
    s.checks().ifPresent(c -> {
      FieldPath cp = spec.child("checks");
      Schema.minProperties(errs, cp, (c.nodeStartupTimeoutSeconds().isPresent() ? 1 : 0)
          + (c.unhealthyNodeConditions().isEmpty() ? 0 : 1) + (c.unhealthyMachineConditions().isEmpty() ? 0 : 1), 1);
      Schema.minimum(errs, cp.child("nodeStartupTimeoutSeconds"), c.nodeStartupTimeoutSeconds(), 0);
      checkConditions(errs, c.unhealthyNodeConditions(), cp.child("unhealthyNodeConditions"), false);
      checkConditions(errs, c.unhealthyMachineConditions(), cp.child("unhealthyMachineConditions"), true);
    });
    s.remediation().ifPresent(r -> {
      FieldPath rp = spec.child("remediation");
      Schema.minProperties(errs, rp, (r.triggerIf().isPresent() ? 1 : 0) + (r.templateRef().isPresent() ? 1 : 0), 1);
      r.triggerIf().ifPresent(t -> checkTriggerIf(errs, t, rp.child("triggerIf")));
      r.templateRef().ifPresent(ref -> {
        FieldPath tp = rp.child("templateRef");
        Schema.requiredString(errs, tp.child("kind"), ref.kind(), 1, 63);
        Schema.pattern(errs, tp.child("kind"), ref.kind(), Schema.KIND);
        Schema.requiredString(errs, tp.child("name"), ref.name(), 1, 253);
        Schema.pattern(errs, tp.child("name"), ref.name(), Schema.DNS1123_SUBDOMAIN);
        Schema.requiredString(errs, tp.child("apiVersion"), ref.apiVersion(), 1, 317);
        Schema.pattern(errs, tp.child("apiVersion"), ref.apiVersion(), TEMPLATE_API_VERSION_PATTERN);
      });
    });
    return errs;
  }

  private static void checkConditions(
      List<FieldError> errs, List<UnhealthyCondition> conditions, FieldPath path, boolean machine) {
    Schema.items(errs, path, conditions, 100);
    for (int i = 0; i < conditions.size(); i++) {
      UnhealthyCondition c = conditions.get(i);
      FieldPath p = path.index(i);
      if (machine) {
        Schema.requiredString(errs, p.child("type"), c.type(), 1, 316);
        Schema.pattern(errs, p.child("type"), c.type(), Schema.CONDITION_TYPE);
        if (!c.type().isEmpty()) {
          Schema.cel(errs, p.child("type"), !RESERVED_MACHINE_CONDITION_TYPES.contains(c.type()), "string",
              "type must not be one of: " + String.join(", ", RESERVED_MACHINE_CONDITION_TYPES));
        }
        if (c.status().isEmpty()) {
          errs.add(FieldError.required(p.child("status"), ""));
        }
        Schema.enumeration(errs, p.child("status"), c.status(), List.of("True", "False", "Unknown"));
      } else {
        // Node conditions: any non-empty type and status (Q18: no enum on status).
        Schema.requiredString(errs, p.child("type"), c.type(), 1, 0);
        Schema.requiredString(errs, p.child("status"), c.status(), 1, 0);
      }
      Schema.required(errs, p.child("timeoutSeconds"), c.timeoutSeconds());
      Schema.minimum(errs, p.child("timeoutSeconds"), c.timeoutSeconds(), 0);
    }
  }

  private static void checkTriggerIf(List<FieldError> errs, MachineHealthCheckRemediationTriggerIf t, FieldPath path) {
    String range = t.unhealthyInRange();
    Schema.minProperties(errs, path,
        (t.unhealthyLessThanOrEqualTo().isPresent() ? 1 : 0) + (range.isEmpty() ? 0 : 1), 1);
    FieldPath rp = path.child("unhealthyInRange");
    Schema.optionalString(errs, rp, range, 1, 32);
    Schema.pattern(errs, rp, range, UNHEALTHY_IN_RANGE_PATTERN);
    Matcher m = RANGE.matcher(range);
    if (m.matches() && new BigInteger(m.group(2)).compareTo(new BigInteger(m.group(1))) < 0) {
      errs.add(FieldError.invalid(rp, range, "the range's max must not be less than its min (capi4j)"));
    }
  }

  @Override
  public List<FieldError> validate(MachineHealthCheck mhc, AdmissionContext ctx) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    MachineHealthCheckSpec s = mhc.spec();

    LabelSelector selector = s.selector().orElse(new LabelSelector());
    Optional<String> conversionError = Selectors.conversionError(selector);
    if (conversionError.isPresent()) {
      // QUIRK Q12: no "must not be empty" check after a conversion error.
      errs.add(FieldError.invalid(spec.child("selector"), Selectors.toString(selector), conversionError.get()));
    } else if (Selectors.isEmpty(selector)) {
      errs.add(FieldError.required(spec.child("selector"), "selector must not be empty"));
    }
    // QUIRK Q11: only matchLabels are looked at.
    String selected = selector.getMatchLabels() == null ? null : selector.getMatchLabels().get(Capi.CLUSTER_NAME_LABEL);
    if (selected != null && !selected.equals(s.clusterName())) {
      errs.add(FieldError.invalid(spec.child("selector"), Selectors.toString(selector),
          "cannot specify a cluster selector other than the one specified by ClusterName"));
    }
    errs.addAll(WebhookRules.validateClusterNameImmutable(
        ctx.oldObject(MachineHealthCheck.class).map(old -> old.spec().clusterName()), s.clusterName()));
    Optional<Integer> startup = s.checksOrEmpty().nodeStartupTimeoutSeconds();
    if (startup.isPresent() && startup.get() != 0 && startup.get() < MIN_NODE_STARTUP_TIMEOUT_SECONDS) {
      // QUIRK Q8: the message says 30s, hard-coded.
      errs.add(FieldError.invalid(spec.child("checks", "nodeStartupTimeoutSeconds"), startup.get(), "must be at least 30s"));
    }
    Optional<IntOrString> maxUnhealthy =
        s.remediationOrEmpty().triggerIfOrEmpty().unhealthyLessThanOrEqualTo();
    FieldPath mp = spec.child("remediation", "triggerIf", "unhealthyLessThanOrEqualTo");
    errs.addAll(WebhookRules.validateIntOrPercent(maxUnhealthy, mp));
    errs.addAll(WebhookRules.rejectNegative(maxUnhealthy, mp));
    // capi4j: the retry limit's annotations.
    errs.addAll(RemediationRetryLimit.validate(mhc.annotations()));
    return errs;
  }
}
