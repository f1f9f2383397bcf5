package io.capi4j.cloud;

import java.util.List;
import java.util.Optional;

/**
 * The scaling-group port: what a pool provider needs from the cloud. Operations are asynchronous, as in every
 * cloud: they start work and return; {@link #getGroup} shows progress.
 */
public interface ScalingGroups {
  /** The group's current state, or empty when it does not exist. */
  Optional<ScalingGroup> getGroup(String groupId);

  /** Creates a group with a capacity, a model and zones. */
  ScalingGroup createGroup(String groupId, int capacity, InstanceModel model, List<String> zones);

  /** Sets the number of instances the cloud maintains (adds or removes instances to match). */
  void setCapacity(String groupId, int capacity);

  /** Changes the model new instances are built from; existing instances keep theirs. */
  void updateModel(String groupId, InstanceModel model);

  /**
   * Deletes one instance. With {@code decrementCapacity} the group's capacity drops by one; without it the cloud
   * replaces the instance.
   */
  void deleteInstance(String groupId, String instanceId, boolean decrementCapacity);

  /** Deletes the group and all its instances. */
  void deleteGroup(String groupId);

  /**
   * Starts a cloud-run rolling replacement of out-of-date instances (an ASG instance refresh).
   *
   * @throws UnsupportedOperationException when the cloud has no such operation (the default)
   */
  default void startRollingReplacement(String groupId, int minHealthyPercentage, int maxHealthyPercentage,
      int instanceWarmupSeconds) {
    throw new UnsupportedOperationException("this cloud does not run rolling replacements itself");
  }

  /** Cancels a running rolling replacement; replacements already done stay. */
  default void cancelRollingReplacement(String groupId) {
    throw new UnsupportedOperationException("this cloud does not run rolling replacements itself");
  }
}
