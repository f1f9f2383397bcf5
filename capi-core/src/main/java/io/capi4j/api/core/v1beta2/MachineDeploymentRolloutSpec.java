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

/** {@code spec.rollout}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeploymentRolloutSpec.class)
@JsonDeserialize(as = ImmutableMachineDeploymentRolloutSpec.class)
public abstract class MachineDeploymentRolloutSpec implements UnknownFields, WithMachineDeploymentRolloutSpec {
  /** RFC 3339 time after which every MachineSet created before it is rolled out. Empty when unset. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String after() {
    return "";
  }

  public abstract Optional<MachineDeploymentRolloutStrategy> strategy();

  public MachineDeploymentRolloutStrategy strategyOrEmpty() {
    return strategy().orElse(MachineDeploymentRolloutStrategy.builder().build());
  }

  public static ImmutableMachineDeploymentRolloutSpec.Builder builder() {
    return ImmutableMachineDeploymentRolloutSpec.builder();
  }
}
