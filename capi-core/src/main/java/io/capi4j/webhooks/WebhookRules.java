package io.capi4j.webhooks;

import io.capi4j.api.core.v1beta2.Bootstrap;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachineDeletionSpec;
import io.capi4j.api.core.v1beta2.MachineNamingSpec;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.MachineTaint;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import io.capi4j.util.GoStrconv;
import io.capi4j.util.IntOrPercent;
import io.capi4j.util.KubernetesNames;
import io.capi4j.util.NameTemplate;
import io.capi4j.util.Selectors;
import io.capi4j.util.Semver;
import io.capi4j.validation.DefaultingException;
import io.capi4j.validation.FeatureGates;
import io.capi4j.validation.FieldError;
import io.capi4j.validation.FieldPath;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules shared by several of upstream's webhooks ({@code core/webhooks/admission}), with upstream's field paths
 * and messages. Providers may use them for their own kinds.
 */
public final class WebhookRules {
  private WebhookRules() {}

  /** The preflight check names the skip annotation accepts. */
  public static final Set<String> PREFLIGHT_CHECKS =
      Set.of("All", "KubeadmVersionSkew", "KubernetesVersionSkew", "ControlPlaneIsStable", "ControlPlaneVersionSkew");

  /** Upstream's {@code defaultNodeDeletionTimeoutSeconds}. */
  public static final int DEFAULT_NODE_DELETION_TIMEOUT_SECONDS = 10;

  /**
   * Upstream's {@code calculate<Kind>Replicas}: keep set replicas; else, with both autoscaler annotations, the
   * min size for a new object and the old value clamped into [min, max] for an update; else 1.
   *
   * @param kind {@code MachineDeployment}, {@code MachineSet} or {@code MachinePool}, for the error message
   * @param oldReplicas empty on a create; on an update, the old object's replicas (possibly empty)
   * @throws DefaultingException when an annotation is not an int32
   */
  public static int calculateReplicas(
      String kind, Optional<Integer> replicas, Map<String, String> annotations, Optional<Optional<Integer>> oldReplicas) {
    if (replicas.isPresent()) {
      return replicas.get();
    }
    String minS = annotations.get(Capi.AUTOSCALER_MIN_SIZE_ANNOTATION);
    String maxS = annotations.get(Capi.AUTOSCALER_MAX_SIZE_ANNOTATION);
    if (minS == null || maxS == null) {
      return 1;
    }
    int min = parseSize(kind, Capi.AUTOSCALER_MIN_SIZE_ANNOTATION, minS);
    int max = parseSize(kind, Capi.AUTOSCALER_MAX_SIZE_ANNOTATION, maxS);
    if (oldReplicas.isEmpty() || oldReplicas.get().isEmpty()) {
      return min;
    }
    int old = oldReplicas.get().get();
    if (old < min) {
      return min;
    }
    if (old > max) {
      return max;
    }
    return old;
  }

  private static int parseSize(String kind, String annotation, String value) {
    try {
      return GoStrconv.parseInt32(value);
    } catch (NumberFormatException e) {
      throw new DefaultingException(
          FieldError.invalid(
              FieldPath.of("metadata", "annotations").key(annotation),
              value,
              "failed to caculate " + kind + " replicas value: could not parse the value of the \"" + annotation
                  + "\" annotation: " + e.getMessage()));
    }
  }

  /** The version with a {@code v} prefix when it is non-empty and lacks one. */
  public static String defaultVersion(String version) {
    return !version.isEmpty() && !version.startsWith("v") ? "v" + version : version;
  }

  /** {@code must start with v} and {@code must be a valid semantic version}, each independent. */
  public static List<FieldError> validateVersion(String version, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (version.isEmpty()) {
      return errs;
    }
    if (!version.startsWith("v")) {
      errs.add(FieldError.invalid(path, version, "must start with v"));
    }
    String trimmed = version.startsWith("v") ? version.substring(1) : version;
    if (Semver.parse(trimmed).isEmpty()) {
      errs.add(FieldError.invalid(path, version, "must be a valid semantic version"));
    }
    return errs;
  }

  /** Either {@code configRef} or {@code dataSecretName} must be set. {@code prefix} is e.g. {@code spec.template.spec}. */
  public static List<FieldError> validateBootstrap(Optional<Bootstrap> bootstrap, String prefix) {
    Bootstrap b = bootstrap.orElse(Bootstrap.builder().build());
    if (!b.hasConfigRef() && b.dataSecretName().isEmpty()) {
      return List.of(
          FieldError.required(
              FieldPath.of(prefix).child("bootstrap"),
              "expected either " + prefix + ".bootstrap.dataSecretName or " + prefix + ".bootstrap.configRef to be populated"));
    }
    return List.of();
  }

  /** An int or a percent: {@code must be either an int or a percentage: <why>}. */
  public static List<FieldError> validateIntOrPercent(Optional<IntOrString> value, FieldPath path) {
    if (value.isEmpty()) {
      return List.of();
    }
    try {
      IntOrPercent.scaled(value.get(), 0, false);
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(
          FieldError.invalid(path, IntOrPercent.toString(value.get()), "must be either an int or a percentage: " + e.getMessage()));
    }
  }

  /**
   * capi4j's own rule (a deviation from upstream, see the README): a negative int or a negative percent can only
   * be a mistake. Values that are not an int or a percent are left to {@link #validateIntOrPercent}.
   */
  public static List<FieldError> rejectNegative(Optional<IntOrString> value, FieldPath path) {
    if (value.isEmpty() || !IntOrPercent.isNegative(value.get())) {
      return List.of();
    }
    return List.of(FieldError.invalid(path, IntOrPercent.toString(value.get()), "must not be negative (capi4j)"));
  }

  /**
   * capi4j's own rule (a deviation from upstream, whose v1beta2 schema has no minimum): negative replicas.
   * {@code spec.replicas: Invalid value: -1: must be greater than or equal to 0 (capi4j)}.
   */
  public static List<FieldError> rejectNegativeReplicas(Optional<Integer> replicas, FieldPath path) {
    if (replicas.isPresent() && replicas.get() < 0) {
      return List.of(FieldError.invalid(path, replicas.get(), "must be greater than or equal to 0 (capi4j)"));
    }
    return List.of();
  }

  /**
   * capi4j's own rule (a deviation from upstream, which clamps with whatever it gets): when both autoscaler
   * annotations parse, the min size must not be negative and must not exceed the max size. Annotations that do
   * not parse are left to defaulting, which fails on them.
   */
  public static List<FieldError> autoscalerBounds(Map<String, String> annotations) {
    String min = annotations.get(Capi.AUTOSCALER_MIN_SIZE_ANNOTATION);
    String max = annotations.get(Capi.AUTOSCALER_MAX_SIZE_ANNOTATION);
    if (min == null || max == null) {
      return List.of();
    }
    int lo;
    int hi;
    try {
      lo = GoStrconv.parseInt32(min);
      hi = GoStrconv.parseInt32(max);
    } catch (NumberFormatException e) {
      return List.of();
    }
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
  }

  /** A copy of {@code meta} whose label {@code cluster.x-k8s.io/cluster-name} is {@code clusterName} (always set). */
  public static ObjectMeta withClusterNameLabel(ObjectMeta meta, String clusterName) {
    Map<String, String> labels = new LinkedHashMap<>(meta.getLabels() == null ? Map.of() : meta.getLabels());
    labels.put(Capi.CLUSTER_NAME_LABEL, clusterName);
    return new ObjectMetaBuilder(meta).withLabels(labels).build();
  }

  /**
   * {@code DefaultMachineNodeDeletionTimeoutSeconds}: {@code deletion.nodeDeletionTimeoutSeconds} is 10 when
   * unset.
   */
  public static MachineSpec defaultNodeDeletionTimeout(MachineSpec spec) {
    MachineDeletionSpec d = spec.deletionOrEmpty();
    if (d.nodeDeletionTimeoutSeconds().isPresent()) {
      return spec;
    }
    return spec.withDeletion(d.withNodeDeletionTimeoutSeconds(DEFAULT_NODE_DELETION_TIMEOUT_SECONDS));
  }

  /**
   * {@code labels.IsMachinePoolOwned}: the label {@code cluster.x-k8s.io/pool-name} is present, or an owner
   * reference has kind {@code MachinePool}.
   */
  public static boolean isMachinePoolOwned(ObjectMeta meta) {
    if (meta.getLabels() != null && meta.getLabels().containsKey(Capi.MACHINE_POOL_NAME_LABEL)) {
      return true;
    }
    return meta.getOwnerReferences() != null
        && meta.getOwnerReferences().stream().anyMatch(r -> "MachinePool".equals(r.getKind()));
  }

  /**
   * The selector must convert ({@code spec.selector: Invalid value}) and then match the template's labels
   * ({@code spec.template.metadata.labels}, {@code must match spec.selector "<selector>"}). MachineDeployment
   * reports a mismatch as {@code Forbidden}, MachineSet as {@code Invalid} with the labels as the value (QUIRK Q2).
   */
  public static List<FieldError> validateSelectorMatchesTemplate(
      LabelSelector selector, Map<String, String> templateLabels, boolean forbidden) {
    FieldPath spec = FieldPath.of("spec");
    Optional<String> conversionError = Selectors.conversionError(selector);
    if (conversionError.isPresent()) {
      return List.of(FieldError.invalid(spec.child("selector"), Selectors.toString(selector), conversionError.get()));
    }
    if (Selectors.matches(selector, templateLabels)) {
      return List.of();
    }
    FieldPath path = spec.child("template", "metadata", "labels");
    String detail = "must match spec.selector " + GoStrconv.quote(Selectors.toString(selector));
    return List.of(forbidden ? FieldError.forbidden(path, detail) : FieldError.invalid(path, templateLabels, detail));
  }

  /** Update only: {@code spec.clusterName: Forbidden: field is immutable}. */
  public static List<FieldError> validateClusterNameImmutable(Optional<String> oldClusterName, String clusterName) {
    if (oldClusterName.isPresent() && !oldClusterName.get().equals(clusterName)) {
      return List.of(FieldError.forbidden(FieldPath.of("spec", "clusterName"), "field is immutable"));
    }
    return List.of();
  }

  /** {@code spec.clusterName} must equal {@code spec.template.spec.clusterName}. */
  public static List<FieldError> validateClusterNamesEqual(String clusterName, String templateClusterName) {
    if (!clusterName.equals(templateClusterName)) {
      return List.of(FieldError.invalid(FieldPath.of("spec", "clusterName"), clusterName,
          "spec.clusterName and spec.template.spec.clusterName must be set to the same value"));
    }
    return List.of();
  }

  /** {@code taints.ValidateMachineTaints}. */
  public static List<FieldError> validateMachineTaints(List<MachineTaint> taints, FieldPath path, FeatureGates gates) {
    List<FieldError> errs = new ArrayList<>();
    if (!gates.enabled(FeatureGates.MACHINE_TAINT_PROPAGATION) && !taints.isEmpty()) {
      errs.add(FieldError.forbidden(path, "taints are not allowed to be set when the feature gate MachineTaintPropagation is disabled"));
    }
    for (int i = 0; i < taints.size(); i++) {
      String key = taints.get(i).key();
      FieldPath kp = path.index(i).child("key");
      if (key.equals(Capi.NODE_UNINITIALIZED_TAINT_KEY) || key.equals(Capi.NODE_OUTDATED_REVISION_TAINT_KEY)) {
        errs.add(FieldError.invalid(kp, key, "taint key is not allowed"));
      } else if (key.startsWith("node.kubernetes.io/") && !key.equals("node.kubernetes.io/out-of-service")) {
        errs.add(FieldError.invalid(kp, key,
            "taint key must not have the prefix node.kubernetes.io/, except for node.kubernetes.io/out-of-service"));
      } else if (key.startsWith("node.cloudprovider.kubernetes.io/")) {
        errs.add(FieldError.invalid(kp, key, "taint key must not have the prefix node.cloudprovider.kubernetes.io/"));
      } else if (key.equals("node-role.kubernetes.io/master")) {
        errs.add(FieldError.invalid(kp, key, "taint is deprecated since 1.24 and should not be used anymore"));
      }
    }
    return errs;
  }

  /** {@code validateMachineTaintsForWorkers}: workers may not carry the control-plane role taint. */
  public static List<FieldError> validateMachineTaintsForWorkers(
      List<MachineTaint> taints, boolean controlPlaneMachine, FieldPath path, FeatureGates gates) {
    if (!gates.enabled(FeatureGates.MACHINE_TAINT_PROPAGATION) || controlPlaneMachine) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < taints.size(); i++) {
      if (taints.get(i).key().equals("node-role.kubernetes.io/control-plane")) {
        errs.add(FieldError.invalid(path.index(i).child("key"), taints.get(i).key(), "taint is not allowed for worker Machines"));
      }
    }
    return errs;
  }

  /** {@code ObjectMeta.Validate}: label keys and values, annotation keys and total size. */
  public static List<FieldError> validateTemplateMetadata(Optional<TemplateMeta> meta, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (meta.isEmpty()) {
      return errs;
    }
    errs.addAll(validateLabels(meta.get().labels(), path.child("labels")));
    errs.addAll(validateAnnotations(meta.get().annotations(), path.child("annotations")));
    return errs;
  }

  /** apimachinery's {@code ValidateLabels}. */
  public static List<FieldError> validateLabels(Map<String, String> labels, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(labels).entrySet()) {
      for (String m : KubernetesNames.isQualifiedName(e.getKey())) {
        errs.add(FieldError.invalid(path, e.getKey(), m));
      }
      for (String m : KubernetesNames.isValidLabelValue(e.getValue())) {
        errs.add(FieldError.invalid(path, e.getValue(), m));
      }
    }
    return errs;
  }

  /** apimachinery's {@code ValidateAnnotations}. */
  public static List<FieldError> validateAnnotations(Map<String, String> annotations, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(annotations).entrySet()) {
      for (String m : KubernetesNames.isQualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
        errs.add(FieldError.invalid(path, e.getKey(), m));
      }
      total += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (total > 256 * 1024) {
      errs.add(FieldError.tooLong(path, 256 * 1024));
    }
    return errs;
  }

  /**
   * CRD rules of {@code MachineNamingSpec}: at least one property ({@code MinProperties=1}), {@code template}
   * 1..256 characters.
   */
  public static void checkMachineNaming(List<FieldError> errs, MachineNamingSpec naming, FieldPath path) {
    Schema.minProperties(errs, path, naming.template().isEmpty() ? 0 : 1, 1);
    Schema.optionalString(errs, path.child("template"), naming.template(), 1, 256);
  }

  /** {@code validateMDMachineNaming} / {@code validateMSMachineNaming}. */
  public static List<FieldError> validateMachineNaming(String template, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (template.isEmpty()) {
      return errs;
    }
    if (!template.contains("{{ .random }}")) {
      errs.add(FieldError.invalid(path, template, "invalid template, {{ .random }} is missing"));
    }
    try {
      String name = renderMachineName(template, "cluster", "machineset", "abcde");
      for (String m : KubernetesNames.isDNS1123Subdomain(name)) {
        errs.add(FieldError.invalid(path, template, "invalid template, generated names would not be valid Kubernetes object names: " + m));
      }
    } catch (IllegalArgumentException e) {
      errs.add(FieldError.invalid(path, template, "invalid template: " + e.getMessage()));
    }
    return errs;
  }

  /**
   * Upstream's machine name generator: renders {@code template} with {@code .cluster.name}, {@code .machineSet.name}
   * and {@code .random}; a result longer than 63 characters is cut to 58 plus the random suffix.
   */
  public static String renderMachineName(String template, String clusterName, String machineSetName, String random) {
    String name =
        NameTemplate.render(
            "template name generator",
            template,
            Map.of("cluster", Map.of("name", clusterName), "machineSet", Map.of("name", machineSetName), "random", random));
    if (name.length() > 63) {
      name = name.substring(0, 58) + random;
    }
    return name;
  }

  /** {@code validateSkippedMachineSetPreflightChecks}. */
  public static List<FieldError> validateSkippedPreflightChecks(Map<String, String> annotations) {
    String value = annotations.get(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION);
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    List<String> invalid = new ArrayList<>();
    for (String s : value.split(",", -1)) {
      String t = s.trim();
      if (!PREFLIGHT_CHECKS.contains(t)) {
        invalid.add(t);
      }
    }
    if (invalid.isEmpty()) {
      return List.of();
    }
    return List.of(
        FieldError.invalid(
            FieldPath.of("metadata", "annotations", Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION),
            invalid,
            "skipped preflight check(s) must be among: [" + String.join(" ", new TreeSet<>(PREFLIGHT_CHECKS)) + "]"));
  }

  /** CRD rules of a {@code ContractVersionedObjectReference}: all three fields required, with patterns. */
  public static List<FieldError> checkContractReference(ContractVersionedObjectReference ref, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Schema.requiredString(errs, path.child("kind"), ref.kind(), 1, 63);
    Schema.pattern(errs, path.child("kind"), ref.kind(), Schema.KIND);
    Schema.requiredString(errs, path.child("name"), ref.name(), 1, 253);
    Schema.pattern(errs, path.child("name"), ref.name(), Schema.DNS1123_SUBDOMAIN);
    Schema.requiredString(errs, path.child("apiGroup"), ref.apiGroup(), 1, 253);
    Schema.pattern(errs, path.child("apiGroup"), ref.apiGroup(), Schema.DNS1123_SUBDOMAIN);
    return errs;
  }
}
