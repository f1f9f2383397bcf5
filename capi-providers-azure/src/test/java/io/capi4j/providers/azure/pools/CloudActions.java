package io.capi4j.providers.azure.pools;

import io.capi4j.cloud.ScalingGroups;
import io.capi4j.spi.CloudAction;

/** Carries out a plan's cloud actions through the port, as capi4j's InfraMachinePool controller does. */
final class CloudActions {
  private CloudActions() {}

  static void apply(ScalingGroups cloud, CloudAction a) {
    if (a instanceof CloudAction.CreateGroup c) {
      if (cloud.getGroup(c.groupId()).isEmpty()) {
        cloud.createGroup(c.groupId(), c.capacity(), c.model(), c.zones());
      }
    } else if (a instanceof CloudAction.SetCapacity c) {
      cloud.setCapacity(c.groupId(), c.capacity());
    } else if (a instanceof CloudAction.UpdateModel u) {
      cloud.updateModel(u.groupId(), u.model());
    } else if (a instanceof CloudAction.DeleteInstance d) {
      cloud.deleteInstance(d.groupId(), d.instanceId(), d.decrementCapacity());
    } else if (a instanceof CloudAction.StartRollingReplacement s) {
      cloud.startRollingReplacement(s.groupId(), s.minHealthyPercentage(), s.maxHealthyPercentage(), s.instanceWarmupSeconds());
    } else if (a instanceof CloudAction.CancelRollingReplacement c) {
      cloud.cancelRollingReplacement(c.groupId());
    } else if (a instanceof CloudAction.DeleteGroup d) {
      cloud.deleteGroup(d.groupId());
    }
  }
}
