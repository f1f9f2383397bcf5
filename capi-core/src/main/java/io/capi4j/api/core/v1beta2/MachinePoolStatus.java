package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of a MachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachinePoolStatus.class)
@JsonDeserialize(as = ImmutableMachinePoolStatus.class)
public abstract class MachinePoolStatus implements UnknownFields, WithMachinePoolStatus {
  public static final String PHASE_PENDING = "Pending";
  public static final String PHASE_PROVISIONING = "Provisioning";
  public static final String PHASE_PROVISIONED = "Provisioned";
  public static final String PHASE_RUNNING = "Running";
  public static final String PHASE_SCALING_UP = "ScalingUp";
  public static final String PHASE_SCALING_DOWN = "ScalingDown";
  public static final String PHASE_SCALING = "Scaling";
  public static final String PHASE_DELETING = "Deleting";
  public static final String PHASE_FAILED = "Failed";
  public static final String PHASE_UNKNOWN = "Unknown";

  public abstract List<Condition> conditions();

  public abstract Optional<MachinePoolInitializationStatus> initialization();

  public abstract List<ObjectReference> nodeRefs();

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

  public abstract Optional<Long> observedGeneration();

  public abstract Optional<MachinePoolDeprecatedStatus> deprecated();

  /** {@code deprecated.v1beta1}, or empty counters. */
  public MachinePoolV1Beta1DeprecatedStatus v1beta1OrEmpty() {
    return deprecated().flatMap(MachinePoolDeprecatedStatus::v1beta1).orElse(MachinePoolV1Beta1DeprecatedStatus.builder().build());
  }

  public static ImmutableMachinePoolStatus.Builder builder() {
    return ImmutableMachinePoolStatus.builder();
  }
}
