package io.capi4j.api.core.v1beta2;

import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.rollout.strategy.rollingUpdate}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeploymentRolloutStrategyRollingUpdate.class)
@JsonDeserialize(as = ImmutableMachineDeploymentRolloutStrategyRollingUpdate.class)
public abstract class MachineDeploymentRolloutStrategyRollingUpdate implements UnknownFields, WithMachineDeploymentRolloutStrategyRollingUpdate {
  /** Machines that may be unavailable during the update: an int or a percent (rounded down). Default 0. */
  public abstract Optional<IntOrString> maxUnavailable();

  /** Machines that may exist above {@code replicas}: an int or a percent (rounded up). Default 1. */
  public abstract Optional<IntOrString> maxSurge();

  public static MachineDeploymentRolloutStrategyRollingUpdate of(IntOrString maxSurge, IntOrString maxUnavailable) {
    return builder().maxSurge(maxSurge).maxUnavailable(maxUnavailable).build();
  }

  public static ImmutableMachineDeploymentRolloutStrategyRollingUpdate.Builder builder() {
    return ImmutableMachineDeploymentRolloutStrategyRollingUpdate.builder();
  }
}
