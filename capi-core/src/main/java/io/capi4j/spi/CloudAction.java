package io.capi4j.spi;

import io.capi4j.cloud.InstanceModel;
import java.util.List;

/**
 * One operation a pool provider wants carried out on its scaling group through the
 * {@link io.capi4j.cloud.ScalingGroups} port. Every action says why.
 */
public sealed interface CloudAction {
  /** Why the provider wants this. */
  String reason();

  /** Create the group. */
  record CreateGroup(String groupId, int capacity, InstanceModel model, List<String> zones, String reason)
      implements CloudAction {}

  /** Set the capacity. */
  record SetCapacity(String groupId, int capacity, String reason) implements CloudAction {}

  /** Change the model new instances are built from. */
  record UpdateModel(String groupId, InstanceModel model, String reason) implements CloudAction {}

  /** Delete one instance, lowering the capacity by one or letting the cloud replace it. */
  record DeleteInstance(String groupId, String instanceId, boolean decrementCapacity, String reason)
      implements CloudAction {}

  /** Start a cloud-run rolling replacement (ASG instance refresh). */
  record StartRollingReplacement(
      String groupId, int minHealthyPercentage, int maxHealthyPercentage, int instanceWarmupSeconds, String reason)
      implements CloudAction {}

  /** Cancel the running rolling replacement. */
  record CancelRollingReplacement(String groupId, String reason) implements CloudAction {}

  /** Delete the whole group. */
  record DeleteGroup(String groupId, String reason) implements CloudAction {}
}
