package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
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

/** {@code spec.rollout.strategy}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeploymentRolloutStrategy.class)
@JsonDeserialize(as = ImmutableMachineDeploymentRolloutStrategy.class)
public abstract class MachineDeploymentRolloutStrategy implements UnknownFields, WithMachineDeploymentRolloutStrategy {
  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String ON_DELETE = "OnDelete";

  /** {@code RollingUpdate} (the default) or {@code OnDelete}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String type() {
    return "";
  }

  public abstract Optional<MachineDeploymentRolloutStrategyRollingUpdate> rollingUpdate();

  public static ImmutableMachineDeploymentRolloutStrategy.Builder builder() {
    return ImmutableMachineDeploymentRolloutStrategy.builder();
  }
}
