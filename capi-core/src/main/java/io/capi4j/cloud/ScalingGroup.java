package io.capi4j.cloud;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A snapshot of a scaling group: a VMSS, an ASG, a managed node pool. */
@Value.Immutable
public abstract class ScalingGroup {
  public abstract String id();

  /** The number of instances the cloud maintains. */
  public abstract int capacity();

  /** The model new instances are built from. */
  public abstract InstanceModel model();

  /** The zones instances are spread over (empty: no zones). */
  public abstract List<String> zones();

  /** The instances, in creation order. */
  public abstract List<Instance> instances();

  /** The rolling replacement running now, if the group runs one itself (an ASG instance refresh). */
  public abstract Optional<RollingReplacement> rollingReplacement();

  /** Instances built from the current model. */
  public long upToDateInstances() {
    return instances().stream().filter(i -> i.modelVersion().equals(model().version())).count();
  }

  public static ImmutableScalingGroup.Builder builder() {
    return ImmutableScalingGroup.builder();
  }
}
