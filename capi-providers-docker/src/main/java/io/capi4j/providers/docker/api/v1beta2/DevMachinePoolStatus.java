package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of a DevMachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachinePoolStatus.class)
@JsonDeserialize(as = ImmutableDevMachinePoolStatus.class)
public abstract class DevMachinePoolStatus implements UnknownFields, WithDevMachinePoolStatus {
  public abstract List<Condition> conditions();

  public abstract Optional<DevMachinePoolInitializationStatus> initialization();

  /** The number of DevMachines (the Cluster API contract). */
  public abstract Optional<Integer> replicas();

  public abstract Optional<Long> observedGeneration();

  /** {@code DevMachine}: the opt-in to MachinePool Machines. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String infrastructureMachineKind() {
    return "";
  }

  public abstract List<DevMachinePoolInstanceStatus> instances();

  public static ImmutableDevMachinePoolStatus.Builder builder() {
    return ImmutableDevMachinePoolStatus.builder();
  }
}
