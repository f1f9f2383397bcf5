package io.capi4j.providers.aws.eks;

import io.capi4j.providers.aws.asg.Outcome;
import io.capi4j.util.Semver;
import java.util.Optional;

/**
 * The one {@code UpdateNodegroupVersion} call CAPA sends in a pass (upstream {@code reconcileNodegroupVersion}),
 * in priority order: a new launch template version, then a Kubernetes version one minor step up, then an AMI
 * release version. EKS then replaces the nodes under {@code updateConfig}.
 *
 * @param kind what is updated
 * @param launchTemplateId the template, for a launch template update
 * @param launchTemplateVersion the version, for a launch template update
 * @param kubernetesVersion {@code major.minor}, for a Kubernetes update
 * @param releaseVersion the AMI release version, for an AMI update
 * @param message upstream's wording, e.g. {@code to version 1.30}
 */
public record NodegroupVersionUpdate(
    Kind kind,
    Optional<String> launchTemplateId,
    Optional<String> launchTemplateVersion,
    Optional<String> kubernetesVersion,
    Optional<String> releaseVersion,
    String message) {

  /** What a version update changes. */
  public enum Kind {
    LAUNCH_TEMPLATE_VERSION,
    KUBERNETES_VERSION,
    AMI_RELEASE_VERSION
  }

  /**
   * The update to send, if any.
   *
   * @param specVersion the MachinePool's Kubernetes version (e.g. {@code v1.30.2}); only major.minor counts
   * @param specAmiVersion {@code spec.amiVersion}
   * @param statusLaunchTemplateId the pool's {@code status.launchTemplateID}
   * @param statusLaunchTemplateVersion the pool's {@code status.launchTemplateVersion}
   * @param nodegroup the observed node group
   * @return the update, none, or an error when a version does not parse
   */
  public static Outcome<Optional<NodegroupVersionUpdate>> decide(
      Optional<String> specVersion,
      Optional<String> specAmiVersion,
      Optional<String> statusLaunchTemplateId,
      Optional<String> statusLaunchTemplateVersion,
      ObservedNodegroup nodegroup) {
    Optional<Semver> ng = Semver.parseTolerant(nodegroup.version());
    if (ng.isEmpty()) {
      return Outcome.failed("node group version " + nodegroup.version() + " is not a version");
    }
    Optional<Semver> spec = Optional.empty();
    if (specVersion.isPresent()) {
      spec = Semver.parseTolerant(specVersion.get()).map(v -> new Semver(v.major(), v.minor(), 0, java.util.List.of(), java.util.List.of()));
      if (spec.isEmpty()) {
        return Outcome.failed("MachinePool version " + specVersion.get() + " is not a version");
      }
    }
    if (statusLaunchTemplateVersion.isPresent() && !statusLaunchTemplateVersion.equals(nodegroup.launchTemplateVersion())) {
      String v = statusLaunchTemplateVersion.get();
      return Outcome.ok(Optional.of(new NodegroupVersionUpdate(Kind.LAUNCH_TEMPLATE_VERSION, statusLaunchTemplateId,
          Optional.of(v), Optional.empty(), Optional.empty(), "to launch template version " + v)));
    }
    Semver current = new Semver(ng.get().major(), ng.get().minor(), ng.get().patch(), java.util.List.of(), java.util.List.of());
    if (spec.isPresent() && current.compareTo(spec.get()) < 0) {
      String next = current.major() + "." + (current.minor() + 1);
      return Outcome.ok(Optional.of(new NodegroupVersionUpdate(Kind.KUBERNETES_VERSION, Optional.empty(), Optional.empty(),
          Optional.of(next), Optional.empty(), "to version " + next)));
    }
    if (specAmiVersion.isPresent() && !specAmiVersion.get().equals(nodegroup.releaseVersion())) {
      return Outcome.ok(Optional.of(new NodegroupVersionUpdate(Kind.AMI_RELEASE_VERSION, Optional.empty(), Optional.empty(),
          Optional.empty(), specAmiVersion, "to AMI version " + specAmiVersion.get())));
    }
    return Outcome.ok(Optional.empty());
  }
}
