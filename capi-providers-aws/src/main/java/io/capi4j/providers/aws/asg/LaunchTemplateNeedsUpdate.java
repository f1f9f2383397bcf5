package io.capi4j.providers.aws.asg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code LaunchTemplateNeedsUpdate}: whether the spec differs from the latest launch template version
 * in a way that calls for a new version and a rollout, and the first difference found, in CAPA's order.
 *
 * <p>Not compared (a CAPA quirk kept, see AWS.md): volumes, market type, capacity reservation preference, user
 * data. The AMI and user data are compared by {@link LaunchTemplatePlanner}.
 */
public final class LaunchTemplateNeedsUpdate {
  private LaunchTemplateNeedsUpdate() {}

  /** Upstream's {@code LaunchTemplateNeedsUpdateReason} values, in the order they are checked. */
  public enum Reason {
    IAM_INSTANCE_PROFILE("IamInstanceProfile"),
    INSTANCE_TYPE("InstanceType"),
    INSTANCE_METADATA_OPTIONS("InstanceMetadataOptions"),
    ENCLAVE_OPTIONS("EnclaveOptions"),
    SPOT_MARKET_OPTIONS("SpotMarketOptions"),
    CAPACITY_RESERVATION_ID("CapacityReservationID"),
    PRIVATE_DNS_NAME("PrivateDNSName"),
    SSH_KEY_NAME("SSHKeyName"),
    ADDITIONAL_SECURITY_GROUP_IDS("AdditionalSecurityGroupIDs");

    private final String upstreamName;

    Reason(String upstreamName) {
      this.upstreamName = upstreamName;
    }

    /** The reason as upstream names it, e.g. {@code InstanceType}. */
    public String upstreamName() {
      return upstreamName;
    }
  }

  /** The first difference between the wanted template ({@code incoming}) and the existing one, if any. */
  public static Optional<Reason> check(LaunchTemplateView incoming, LaunchTemplateView existing) {
    if (!incoming.iamInstanceProfile().equals(existing.iamInstanceProfile())) {
      return Optional.of(Reason.IAM_INSTANCE_PROFILE);
    }
    if (!incoming.instanceType().equals(existing.instanceType())) {
      return Optional.of(Reason.INSTANCE_TYPE);
    }
    if (!incoming.instanceMetadataOptions().equals(existing.instanceMetadataOptions())) {
      return Optional.of(Reason.INSTANCE_METADATA_OPTIONS);
    }
    if (!incoming.enclaveEnabled().equals(existing.enclaveEnabled())) {
      return Optional.of(Reason.ENCLAVE_OPTIONS);
    }
    if (!incoming.spotMarketOptions().equals(existing.spotMarketOptions())) {
      return Optional.of(Reason.SPOT_MARKET_OPTIONS);
    }
    if (!incoming.capacityReservationId().equals(existing.capacityReservationId())) {
      return Optional.of(Reason.CAPACITY_RESERVATION_ID);
    }
    if (!incoming.privateDnsName().equals(existing.privateDnsName())) {
      return Optional.of(Reason.PRIVATE_DNS_NAME);
    }
    if (!incoming.sshKeyName().orElse("").equals(existing.sshKeyName().orElse(""))) {
      return Optional.of(Reason.SSH_KEY_NAME);
    }
    if (!sorted(incoming.securityGroupIds()).equals(sorted(existing.securityGroupIds()))) {
      return Optional.of(Reason.ADDITIONAL_SECURITY_GROUP_IDS);
    }
    return Optional.empty();
  }

  private static List<String> sorted(List<String> ids) {
    List<String> s = new ArrayList<>(ids);
    Collections.sort(s);
    return s;
  }
}
