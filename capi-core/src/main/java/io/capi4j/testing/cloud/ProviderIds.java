package io.capi4j.testing.cloud;

import java.util.Optional;

/** How a cloud spells the provider ID of an instance. */
@FunctionalInterface
public interface ProviderIds {
  /**
   * @param groupId the scaling group, or empty for a standalone VM
   * @param instanceId the cloud's id of the instance
   * @param zone the instance's zone, if any
   */
  String providerID(Optional<String> groupId, String instanceId, Optional<String> zone);

  /** {@code <scheme>:///<group>/<id>} or {@code <scheme>:///<id>}. */
  static ProviderIds simple(String scheme) {
    return (g, id, z) -> scheme + ":///" + g.map(x -> x + "/").orElse("") + id;
  }
}
