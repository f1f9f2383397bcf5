package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineReadinessGate;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The CRD schema rules of a {@code MachineSpec} ({@code api/core/v1beta2/machine_types.go}). */
public final class MachineSpecRules {
  private MachineSpecRules() {}

  static final String TAINT_KEY_PATTERN =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$";
  static final String TAINT_KEY_CEL_MESSAGE =
      "key must be a valid qualified name of max size 63 characters with an optional subdomain prefix of max size 253"
          + " characters";
  static final String LABEL_VALUE_PATTERN = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

  /** Checks {@code spec} at {@code path} (e.g. {@code spec.template.spec}). */
  public static List<FieldError> checkSchema(MachineSpec spec, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Schema.requiredString(errs, path.child("clusterName"), spec.clusterName(), 1, 63);
    spec.bootstrap().ifPresent(b -> {
      b.configRef().filter(r -> r.isDefined())
          .ifPresent(r -> errs.addAll(WebhookRules.checkContractReference(r, path.child("bootstrap", "configRef"))));
      b.dataSecretName().ifPresent(n -> Schema.length(errs, path.child("bootstrap", "dataSecretName"), n, 0, 253));
    });
    if (spec.infrastructureRef().isEmpty()) {
      errs.add(FieldError.required(path.child("infrastructureRef"), ""));
    } else {
      errs.addAll(WebhookRules.checkContractReference(spec.infrastructureRef().get(), path.child("infrastructureRef")));
    }
    Schema.optionalString(errs, path.child("version"), spec.version(), 1, 256);
    Schema.optionalString(errs, path.child("providerID"), spec.providerID(), 1, 512);
    Schema.optionalString(errs, path.child("failureDomain"), spec.failureDomain(), 1, 256);
    Schema.minimum(errs, path.child("minReadySeconds"), spec.minReadySeconds(), 0);
    Schema.items(errs, path.child("readinessGates"), spec.readinessGates(), 32);
    Set<String> gateTypes = new HashSet<>();
    for (int i = 0; i < spec.readinessGates().size(); i++) {
      MachineReadinessGate g = spec.readinessGates().get(i);
      FieldPath gp = path.child("readinessGates").index(i);
      Schema.requiredString(errs, gp.child("conditionType"), g.conditionType(), 1, 316);
      Schema.pattern(errs, gp.child("conditionType"), g.conditionType(), Schema.CONDITION_TYPE);
      Schema.enumeration(errs, gp.child("polarity"), g.polarity(),
          List.of(MachineReadinessGate.POLARITY_POSITIVE, MachineReadinessGate.POLARITY_NEGATIVE));
      if (!g.conditionType().isEmpty() && !gateTypes.add(g.conditionType())) {
        errs.add(FieldError.duplicate(gp, "map[conditionType:" + g.conditionType() + "]"));
      }
    }
    spec.deletion().ifPresent(d -> checkDeletion(d, path.child("deletion"), errs));
    Schema.items(errs, path.child("taints"), spec.taints(), 64);
    Set<String> taintKeys = new HashSet<>();
    for (int i = 0; i < spec.taints().size(); i++) {
      MachineTaint t = spec.taints().get(i);
      FieldPath tp = path.child("taints").index(i);
      Schema.requiredString(errs, tp.child("key"), t.key(), 1, 317);
      Schema.pattern(errs, tp.child("key"), t.key(), TAINT_KEY_PATTERN);
      if (!t.key().isEmpty()) {
        Schema.cel(errs, tp.child("key"), taintKeySizesOk(t.key()), "string", TAINT_KEY_CEL_MESSAGE);
      }
      Schema.optionalString(errs, tp.child("value"), t.value(), 1, 63);
      Schema.pattern(errs, tp.child("value"), t.value(), LABEL_VALUE_PATTERN);
      if (t.effect().isEmpty()) {
        errs.add(FieldError.required(tp.child("effect"), ""));
      }
      Schema.enumeration(errs, tp.child("effect"), t.effect(), List.of("NoSchedule", "PreferNoSchedule", "NoExecute"));
      if (t.propagation().isEmpty()) {
        errs.add(FieldError.required(tp.child("propagation"), ""));
      }
      Schema.enumeration(errs, tp.child("propagation"), t.propagation(),
          List.of(MachineTaint.PROPAGATION_ALWAYS, MachineTaint.PROPAGATION_ON_INITIALIZATION));
      if (!taintKeys.add(t.key() + ":" + t.effect())) {
        errs.add(FieldError.duplicate(tp, "map[effect:" + t.effect() + " key:" + t.key() + "]"));
      }
    }
    return errs;
  }

  /**
   * The taint key's CEL rule: {@code self.contains('/') ? (self.split('/')[0].size() <= 253 &&
   * self.split('/')[1].size() <= 63 && self.split('/').size() == 2) : self.size() <= 63} (sizes in characters).
   */
  static boolean taintKeySizesOk(String key) {
    if (!key.contains("/")) {
      return size(key) <= 63;
    }
    String[] parts = key.split("/", -1);
    return size(parts[0]) <= 253 && size(parts[1]) <= 63 && parts.length == 2;
  }

  private static int size(String s) {
    return s.codePointCount(0, s.length());
  }

  private static void checkDeletion(MachineDeletionSpec d, FieldPath p, List<FieldError> errs) {
    int set = (d.nodeDrainTimeoutSeconds().isPresent() ? 1 : 0) + (d.nodeVolumeDetachTimeoutSeconds().isPresent() ? 1 : 0)
        + (d.nodeDeletionTimeoutSeconds().isPresent() ? 1 : 0);
    Schema.minProperties(errs, p, set, 1);
    Schema.minimum(errs, p.child("nodeDrainTimeoutSeconds"), d.nodeDrainTimeoutSeconds(), 0);
    Schema.minimum(errs, p.child("nodeVolumeDetachTimeoutSeconds"), d.nodeVolumeDetachTimeoutSeconds(), 0);
    Schema.minimum(errs, p.child("nodeDeletionTimeoutSeconds"), d.nodeDeletionTimeoutSeconds(), 0);
  }
}
