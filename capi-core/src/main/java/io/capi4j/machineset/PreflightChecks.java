package io.capi4j.machineset;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.Kubeadm;
import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSpec;
import io.capi4j.api.core.v1beta2.Topology;
import io.capi4j.util.Semver;
import io.capi4j.validation.FeatureGates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The MachineSet preflight checks (upstream {@code machineset_preflight.go}): conditions on the control plane that
 * hold back creating Machines ({@code "Scale up"}) and remediating them ({@code "Machine remediation"}).
 *
 * <p>Checks run only with the {@code MachineSetPreflightChecks} feature gate on, when the controller enables them
 * (default {@code All}) and the MachineSet does not skip them with the
 * {@code machineset.cluster.x-k8s.io/skip-preflight-checks} annotation (read from the MachineSet, or when empty
 * there from its bootstrap config template).
 */
public final class PreflightChecks {
  private PreflightChecks() {}

  public static final String ALL = "All";
  public static final String KUBEADM_VERSION_SKEW = "KubeadmVersionSkew";
  public static final String KUBERNETES_VERSION_SKEW = "KubernetesVersionSkew";
  public static final String CONTROL_PLANE_IS_STABLE = "ControlPlaneIsStable";
  public static final String CONTROL_PLANE_VERSION_SKEW = "ControlPlaneVersionSkew";

  /** The controller's default {@code --machineset-preflight-checks}. */
  public static final Set<String> DEFAULT_ENABLED = Set.of(ALL);

  /** How long the controller waits before checking again after a failure. */
  public static final Duration FAILED_REQUEUE_AFTER = Duration.ofSeconds(15);

  /** The action names upstream passes. */
  public static final String ACTION_SCALE_UP = "Scale up";

  public static final String ACTION_MACHINE_REMEDIATION = "Machine remediation";

  /**
   * The outcome: the failed checks' messages, in check order, or an error that stopped the checks.
   *
   * @param messages one message per failed check (empty when all passed or on error)
   * @param error why the checks could not run, if they could not
   */
  public record Result(List<String> messages, Optional<String> error) {
    public Result {
      messages = List.copyOf(messages);
      Objects.requireNonNull(error, "error");
    }

    static Result pass() {
      return new Result(List.of(), Optional.empty());
    }

    static Result failed(String error) {
      return new Result(List.of(), Optional.of(error));
    }

    /** Whether the action may go ahead: no failed check and no error. */
    public boolean passed() {
      return messages.isEmpty() && error.isEmpty();
    }
  }

  /**
   * Upstream's {@code shouldRun}: the check is enabled ({@code All} or by name) and not skipped ({@code All} or by
   * name).
   */
  public static boolean shouldRun(Set<String> enabled, Set<String> skipped, String check) {
    Set<String> e = enabled == null ? Set.of() : enabled;
    Set<String> s = skipped == null ? Set.of() : skipped;
    return (e.contains(ALL) || e.contains(check)) && !s.contains(ALL) && !s.contains(check);
  }

  /**
   * The skipped checks: the comma-separated, trimmed names in the skip annotation of the MachineSet, or, when that
   * is empty, of the bootstrap config template. Unknown names are kept (and never match a check).
   */
  public static Set<String> skipped(MachineSet ms, Map<String, String> bootstrapTemplateAnnotations) {
    String skip = ms.annotations().getOrDefault(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, "");
    if (skip.isEmpty() && bootstrapTemplateAnnotations != null) {
      skip = bootstrapTemplateAnnotations.getOrDefault(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, "");
    }
    return parseSkip(skip);
  }

  private static Set<String> parseSkip(String skip) {
    Set<String> out = new LinkedHashSet<>();
    if (skip.isEmpty()) {
      return out;
    }
    for (String s : skip.split(",", -1)) {
      out.add(s.trim());
    }
    return out;
  }

  /**
   * Runs the checks.
   *
   * @param action what is held back, quoted in error messages ({@link #ACTION_SCALE_UP},
   *     {@link #ACTION_MACHINE_REMEDIATION})
   * @param cluster the MachineSet's Cluster ({@code spec.controlPlaneRef}, {@code spec.topology}, the
   *     {@code upgrade-step} annotation)
   * @param ms the MachineSet
   * @param controlPlane the object {@code cluster.spec.controlPlaneRef} points to; empty when it does not exist
   * @param bootstrapTemplateAnnotations the annotations of the MachineSet's bootstrap config template; empty when
   *     the template does not exist (only read when the MachineSet has no skip annotation)
   * @param gates feature gates ({@code MachineSetPreflightChecks}, {@code ClusterTopology})
   * @param enabled the checks the controller enables ({@link #DEFAULT_ENABLED} by default)
   */
  public static Result run(
      String action,
      Cluster cluster,
      MachineSet ms,
      Optional<GenericKubernetesResource> controlPlane,
      Optional<Map<String, String>> bootstrapTemplateAnnotations,
      FeatureGates gates,
      Set<String> enabled) {
    if (!gates.enabled(FeatureGates.MACHINE_SET_PREFLIGHT_CHECKS)) {
      return Result.pass();
    }
    String prefix = "failed to perform " + ControlPlaneView.quote(action) + ": failed to perform preflight checks: ";
    MachineSpec msSpec = ms.spec().templateOrEmpty().specOrEmpty();

    // The skip annotation: the MachineSet's, else the bootstrap template's.
    String skipValue = ms.annotations().getOrDefault(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, "");
    if (skipValue.isEmpty() && msSpec.bootstrapOrEmpty().hasConfigRef()) {
      if (bootstrapTemplateAnnotations.isEmpty()) {
        ContractVersionedObjectReference ref = msSpec.bootstrapOrEmpty().configRef().orElseThrow();
        return Result.failed(
            prefix + "failed to read " + Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION + " annotation: "
                + ref.kind() + " " + ControlPlaneView.quote(ref.name()) + " not found");
      }
      skipValue =
          bootstrapTemplateAnnotations.get().getOrDefault(Capi.MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION, "");
    }
    Set<String> skipped = parseSkip(skipValue);
    if (enabled == null || enabled.isEmpty() || skipped.contains(ALL)) {
      return Result.pass();
    }

    Optional<ContractVersionedObjectReference> cpRef =
        cluster.spec().controlPlaneRef().filter(ContractVersionedObjectReference::isDefined);
    if (cpRef.isEmpty()) {
      return Result.pass();
    }
    if (controlPlane.isEmpty()) {
      String ref = cluster.namespace().isEmpty() ? cpRef.get().name() : cluster.namespace() + "/" + cpRef.get().name();
      return Result.failed(
          prefix + "failed to get ControlPlane " + ref + ": " + cpRef.get().kind() + " "
              + ControlPlaneView.quote(cpRef.get().name()) + " not found");
    }
    ControlPlaneView cp = ControlPlaneView.of(controlPlane.get());

    String cpVersion;
    try {
      Optional<String> v = cp.specVersion();
      if (v.isEmpty()) {
        // A control plane without a version gives nothing to check against.
        return Result.pass();
      }
      cpVersion = v.get();
    } catch (IllegalArgumentException e) {
      return Result.failed(prefix + "failed to get the version of ControlPlane " + cp.ref() + ": " + e.getMessage());
    }
    Optional<Semver> cpSemver = Semver.parseTolerant(cpVersion);
    if (cpSemver.isEmpty()) {
      return Result.failed(
          prefix + "failed to parse version " + ControlPlaneView.quote(cpVersion) + " of ControlPlane " + cp.ref()
              + ": invalid semantic version");
    }

    List<String> errors = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    if (shouldRun(enabled, skipped, CONTROL_PLANE_IS_STABLE)) {
      controlPlaneIsStable(cp, cluster, cpVersion, gates, messages, errors);
    }

    String msVersion = msSpec.version();
    if (!msVersion.isEmpty()) {
      Optional<Semver> msSemver = Semver.parseTolerant(msVersion);
      if (msSemver.isEmpty()) {
        return Result.failed(
            prefix + "failed to parse version " + ControlPlaneView.quote(msVersion) + " of MachineSet " + ms.key()
                + ": invalid semantic version");
      }
      if (shouldRun(enabled, skipped, KUBERNETES_VERSION_SKEW)) {
        kubernetesVersionSkew(cpSemver.get(), msSemver.get()).ifPresent(messages::add);
      }
      if (shouldRun(enabled, skipped, KUBEADM_VERSION_SKEW)) {
        kubeadmVersionSkew(cpSemver.get(), msSemver.get(), msSpec).ifPresent(messages::add);
      }
      if (shouldRun(enabled, skipped, CONTROL_PLANE_VERSION_SKEW)
          && gates.enabled(FeatureGates.CLUSTER_TOPOLOGY)
          && topologyDefined(cluster)
          && !cpVersion.equals(msVersion)) {
        messages.add(
            "MachineSet version (" + msVersion + ") is not yet the same as the ControlPlane version (" + cpVersion
                + "), waiting for version to be propagated to the MachineSet (\"" + CONTROL_PLANE_VERSION_SKEW
                + "\" preflight check failed)");
      }
    }

    if (!errors.isEmpty()) {
      String agg = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
      return Result.failed("failed to perform " + ControlPlaneView.quote(action) + ": failed to perform preflight checks: " + agg);
    }
    return new Result(messages, Optional.empty());
  }

  private static void controlPlaneIsStable(
      ControlPlaneView cp, Cluster cluster, String cpVersion, FeatureGates gates, List<String> messages,
      List<String> errors) {
    String failed = " (\"" + CONTROL_PLANE_IS_STABLE + "\" preflight check failed)";
    if (gates.enabled(FeatureGates.CLUSTER_TOPOLOGY) && topologyDefined(cluster)) {
      String topologyVersion = cluster.spec().topology().map(Topology::version).orElse("");
      String step = cluster.annotations().getOrDefault(Capi.CLUSTER_TOPOLOGY_UPGRADE_STEP_ANNOTATION, "");
      boolean atCurrentStep = !step.isEmpty() && step.equals(cpVersion);
      if (!topologyVersion.equals(cpVersion) && !atCurrentStep) {
        String target = step.isEmpty() ? topologyVersion : step;
        messages.add(cp.kind() + " " + cp.ref() + " has a pending version upgrade to " + target + failed);
        return;
      }
    }
    try {
      if (cp.isProvisioning()) {
        messages.add(cp.kind() + " " + cp.ref() + " is provisioning" + failed);
        return;
      }
    } catch (IllegalArgumentException e) {
      errors.add(
          "failed to perform \"" + CONTROL_PLANE_IS_STABLE + "\" preflight check: failed to check if " + cp.kind()
              + " " + cp.ref() + " is provisioning: " + e.getMessage());
      return;
    }
    try {
      if (cp.isUpgrading()) {
        messages.add(cp.kind() + " " + cp.ref() + " is upgrading" + failed);
      }
    } catch (IllegalArgumentException e) {
      errors.add(
          "failed to perform \"" + CONTROL_PLANE_IS_STABLE + "\" preflight check: failed to check if the "
              + cp.kind() + " " + cp.ref() + " is upgrading: " + e.getMessage());
    }
  }

  /**
   * The Kubernetes skew policy: the MachineSet minor may not be above the control plane's, nor more than 3 below.
   * QUIRK (copied): minors are unsigned in upstream, so {@code cpMinor - 3} wraps around when the control plane
   * minor is below 3 and the check then always fails.
   */
  private static Optional<String> kubernetesVersionSkew(Semver cp, Semver ms) {
    String head = "MachineSet version (" + ms + ") and ControlPlane version (" + cp
        + ") do not conform to the kubernetes version skew policy as MachineSet version is ";
    String failed = " (\"" + KUBERNETES_VERSION_SKEW + "\" preflight check failed)";
    if (Long.compareUnsigned(ms.minor(), cp.minor()) > 0) {
      return Optional.of(head + "higher than ControlPlane version" + failed);
    }
    if (Long.compareUnsigned(ms.minor(), cp.minor() - 3) < 0) {
      return Optional.of(head + "more than 3 minor versions older than the ControlPlane version" + failed);
    }
    return Optional.empty();
  }

  private static Optional<String> kubeadmVersionSkew(Semver cp, Semver ms, MachineSpec msSpec) {
    Optional<ContractVersionedObjectReference> ref =
        msSpec.bootstrapOrEmpty().configRef().filter(ContractVersionedObjectReference::isDefined);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    boolean kubeadm = KubeadmConfigTemplate.KIND.equals(ref.get().kind()) && Kubeadm.GROUP.equals(ref.get().apiGroup());
    if (kubeadm && cp.minor() != ms.minor()) {
      return Optional.of(
          "MachineSet version (" + ms + ") and ControlPlane version (" + cp
              + ") do not conform to kubeadm version skew policy as kubeadm only supports joining with the same"
              + " major+minor version as the control plane (\"" + KUBEADM_VERSION_SKEW + "\" preflight check failed)");
    }
    return Optional.empty();
  }

  /** Upstream's {@code Topology.IsDefined()}: the Cluster has a non-empty {@code spec.topology}. */
  static boolean topologyDefined(Cluster cluster) {
    return cluster
        .spec()
        .topology()
        .map(t -> !t.version().isEmpty() || !t.unknownFields().isEmpty())
        .orElse(false);
  }
}
