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

/** {@code spec} of a MachineDeployment. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeploymentSpec.class)
@JsonDeserialize(as = ImmutableMachineDeploymentSpec.class)
public abstract class MachineDeploymentSpec implements UnknownFields, WithMachineDeploymentSpec {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String clusterName() {
    return "";
  }

  /** Desired number of Machines; defaulted by the webhook (1, or the autoscaler's min size). */
  public abstract Optional<Integer> replicas();

  public abstract Optional<MachineDeploymentRolloutSpec> rollout();

  public abstract Optional<LabelSelector> selector();

  public abstract Optional<MachineTemplateSpec> template();

  public abstract Optional<MachineNamingSpec> machineNaming();

  public abstract Optional<MachineDeploymentRemediationSpec> remediation();

  public abstract Optional<MachineDeploymentDeletionSpec> deletion();

  /** Stops rollouts (not scaling) while true. */
  public abstract Optional<Boolean> paused();

  public MachineTemplateSpec templateOrEmpty() {
    return template().orElse(MachineTemplateSpec.builder().build());
  }

  public MachineDeploymentRolloutSpec rolloutOrEmpty() {
    return rollout().orElse(MachineDeploymentRolloutSpec.builder().build());
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isPaused() {
    return paused().orElse(false);
  }

  public static ImmutableMachineDeploymentSpec.Builder builder() {
    return ImmutableMachineDeploymentSpec.builder();
  }
}
