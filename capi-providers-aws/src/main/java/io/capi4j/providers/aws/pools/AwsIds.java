package io.capi4j.providers.aws.pools;

import io.capi4j.cloud.Instance;
import io.capi4j.providers.aws.asg.LaunchTemplatePlanner;
import java.util.Optional;

/**
 * AWS identifiers as the pool planners need them: an instance's EC2 ID and zone from its provider ID
 * ({@code aws:///<az>/<id>}), and deterministic stand-ins for IDs that only EC2 could hand out (the launch
 * template's ID), so that a plan stays a pure function of its observation.
 */
public final class AwsIds {
  private AwsIds() {}

  /** The provider ID scheme prefix of EC2 instances. */
  public static final String PROVIDER_ID_PREFIX = "aws:///";

  /**
   * The EC2 instance ID: the last segment of an {@code aws:///<az>/<id>} provider ID, else the cloud's own ID.
   */
  public static String instanceId(Instance i) {
    String pid = i.providerID();
    if (pid.startsWith(PROVIDER_ID_PREFIX)) {
      String id = pid.substring(pid.lastIndexOf('/') + 1);
      if (!id.isEmpty()) {
        return id;
      }
    }
    return i.id();
  }

  /** The availability zone: the middle segment of {@code aws:///<az>/<id>}, else the instance's zone. */
  public static Optional<String> zone(Instance i) {
    String pid = i.providerID();
    if (pid.startsWith(PROVIDER_ID_PREFIX)) {
      String rest = pid.substring(PROVIDER_ID_PREFIX.length());
      int slash = rest.lastIndexOf('/');
      if (slash > 0) {
        return Optional.of(rest.substring(0, slash));
      }
    }
    return i.zone();
  }

  /**
   * The launch template ID CAPA would record in {@code status.launchTemplateID} after creating the template. EC2
   * picks it at random; capi4j derives {@code lt-} plus 17 hex digits from the pool's namespace and name, so that
   * the same pool always gets the same ID.
   */
  public static String launchTemplateId(String namespace, String name) {
    return "lt-" + LaunchTemplatePlanner.sha256Hex("launch-template/" + namespace + "/" + name).substring(0, 17);
  }

  /** An {@code ami-} ID standing for whatever EC2 resolves {@code query} to: {@code ami-} plus 17 hex digits. */
  static String amiId(String query) {
    return "ami-" + LaunchTemplatePlanner.sha256Hex("ami/" + query).substring(0, 17);
  }
}
