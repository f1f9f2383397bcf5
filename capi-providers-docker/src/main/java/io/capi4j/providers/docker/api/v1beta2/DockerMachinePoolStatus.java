package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of a DockerMachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachinePoolStatus.class)
@JsonDeserialize(as = ImmutableDockerMachinePoolStatus.class)
public abstract class DockerMachinePoolStatus implements UnknownFields, WithDockerMachinePoolStatus {
  public abstract List<Condition> conditions();

  /** The v1beta1 contract's readiness; CAPD sets it once all replicas have provider IDs and never resets it. */
  public abstract Optional<Boolean> ready();

  /** The number of DockerMachines (the Cluster API contract). */
  public abstract Optional<Integer> replicas();

  public abstract Optional<Long> observedGeneration();

  public abstract List<DockerMachinePoolInstanceStatus> instances();

  /** {@code DockerMachine}: the opt-in to MachinePool Machines. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String infrastructureMachineKind() {
    return "";
  }

  public static ImmutableDockerMachinePoolStatus.Builder builder() {
    return ImmutableDockerMachinePoolStatus.builder();
  }
}
