package io.capi4j.providers.aws.pools;

import io.capi4j.providers.aws.api.v1beta2.AMIReference;
import io.capi4j.providers.aws.api.v1beta2.AWSLaunchTemplate;
import io.capi4j.providers.aws.asg.Outcome;
import io.capi4j.util.Semver;
import java.util.Optional;

/**
 * CAPA's {@code DiscoverLaunchTemplateAMI}: the explicit {@code ami.id}, else a lookup by the MachinePool's
 * Kubernetes version. The lookup's query is built as CAPA builds it (name format, owner, base OS; for EKS without
 * lookup settings, the EKS-optimized AMI's SSM parameter); EC2's answer is replaced by {@link AwsIds#amiId}, a
 * deterministic stand-in that changes exactly when the query changes (e.g. with the Kubernetes version). The
 * instance architecture, which CAPA reads from EC2 for the instance type, is not part of the query.
 */
public final class Amis {
  private Amis() {}

  /** CAPA's {@code DefaultAmiNameFormat}. */
  public static final String DEFAULT_LOOKUP_FORMAT = "capa-ami-{{.BaseOS}}-?{{.K8sVersion}}-*";
  /** CAPA's default AMI owner (the project's AWS account). */
  public static final String DEFAULT_LOOKUP_ORG = "258751437250";
  /** CAPA's default base OS. */
  public static final String DEFAULT_LOOKUP_BASE_OS = "ubuntu-24.04";

  /** Upstream's error when there is neither an AMI ID nor a version. */
  public static final String NO_AMI_ERROR = "Either AWSMachinePool's spec.awslaunchtemplate.ami.id or MachinePool's "
      + "spec.template.spec.version must be defined";

  /**
   * The resolved AMI.
   *
   * @param id the AMI ID
   * @param how where it came from, for plan steps
   */
  public record Resolved(String id, String how) {}

  /**
   * The AMI of {@code lt} for a MachinePool at {@code version} (empty string: unset).
   *
   * @param eksManaged whether the pool belongs to an EKS cluster (then, without lookup settings, the EKS-optimized
   *     AMI is looked up through SSM)
   */
  public static Outcome<Resolved> resolve(AWSLaunchTemplate lt, String version, boolean eksManaged) {
    Optional<String> explicit = lt.ami().flatMap(AMIReference::id).filter(s -> !s.isEmpty());
    if (explicit.isPresent()) {
      return Outcome.ok(new Resolved(explicit.get(), "spec.awsLaunchTemplate.ami.id"));
    }
    if (version.isEmpty()) {
      return Outcome.failed(NO_AMI_ERROR);
    }
    String k8s = version.startsWith("v") ? version.substring(1) : version;
    if (eksManaged && lt.imageLookupFormat().isEmpty() && lt.imageLookupOrg().isEmpty()
        && lt.imageLookupBaseOS().isEmpty()) {
      Optional<Semver> v = Semver.parseTolerant(version);
      if (v.isEmpty()) {
        return Outcome.failed("MachinePool version " + version + " is not a version");
      }
      String param = "/aws/service/eks/optimized-ami/" + v.get().major() + "." + v.get().minor()
          + "/amazon-linux-2/recommended/image_id";
      return Outcome.ok(new Resolved(AwsIds.amiId("ssm:" + param), "EKS-optimized AMI of SSM parameter " + param));
    }
    String format = lt.imageLookupFormat().isEmpty() ? DEFAULT_LOOKUP_FORMAT : lt.imageLookupFormat();
    String org = lt.imageLookupOrg().isEmpty() ? DEFAULT_LOOKUP_ORG : lt.imageLookupOrg();
    String baseOS = lt.imageLookupBaseOS().isEmpty() ? DEFAULT_LOOKUP_BASE_OS : lt.imageLookupBaseOS();
    String name = format.replace("{{.BaseOS}}", baseOS).replace("{{.K8sVersion}}", k8s);
    return Outcome.ok(new Resolved(AwsIds.amiId(org + "/" + name), "lookup of " + name + " owned by " + org));
  }
}
