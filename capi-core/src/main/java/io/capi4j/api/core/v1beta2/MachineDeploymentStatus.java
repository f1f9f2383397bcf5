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

/** {@code status} of a MachineDeployment. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeploymentStatus.class)
@JsonDeserialize(as = ImmutableMachineDeploymentStatus.class)
public abstract class MachineDeploymentStatus implements UnknownFields, WithMachineDeploymentStatus {
  public static final String PHASE_SCALING_UP = "ScalingUp";
  public static final String PHASE_SCALING_DOWN = "ScalingDown";
  public static final String PHASE_RUNNING = "Running";
  public static final String PHASE_FAILED = "Failed";
  public static final String PHASE_UNKNOWN = "Unknown";

  public abstract List<Condition> conditions();

  public abstract Optional<Long> observedGeneration();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String selector() {
    return "";
  }

  public abstract Optional<Integer> replicas();

  public abstract Optional<Integer> readyReplicas();

  public abstract Optional<Integer> availableReplicas();

  public abstract Optional<Integer> upToDateReplicas();

  public abstract List<StatusVersion> versions();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String phase() {
    return "";
  }

  public static ImmutableMachineDeploymentStatus.Builder builder() {
    return ImmutableMachineDeploymentStatus.builder();
  }
}
