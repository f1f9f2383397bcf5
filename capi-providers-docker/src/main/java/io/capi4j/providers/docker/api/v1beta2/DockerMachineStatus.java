package io.capi4j.providers.docker.api.v1beta2;

import io.capi4j.api.UnknownFields;
import io.capi4j.api.core.v1beta2.MachineAddress;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of a DockerMachine; the other fields are kept as unknown fields. */
@Value.Immutable
@JsonSerialize(as = ImmutableDockerMachineStatus.class)
@JsonDeserialize(as = ImmutableDockerMachineStatus.class)
public abstract class DockerMachineStatus implements UnknownFields, WithDockerMachineStatus {
  public abstract List<Condition> conditions();

  public abstract Optional<DockerMachineInitializationStatus> initialization();

  public abstract Optional<Boolean> loadBalancerConfigured();

  public abstract List<MachineAddress> addresses();

  public static ImmutableDockerMachineStatus.Builder builder() {
    return ImmutableDockerMachineStatus.builder();
  }
}
