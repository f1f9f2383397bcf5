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

/** {@code status} of a MachineHealthCheck. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineHealthCheckStatus.class)
@JsonDeserialize(as = ImmutableMachineHealthCheckStatus.class)
public abstract class MachineHealthCheckStatus implements UnknownFields, WithMachineHealthCheckStatus {
  public abstract List<Condition> conditions();

  public abstract Optional<Integer> expectedMachines();

  public abstract Optional<Integer> currentHealthy();

  public abstract Optional<Integer> remediationsAllowed();

  public abstract Optional<Long> observedGeneration();

  public abstract List<String> targets();

  public static ImmutableMachineHealthCheckStatus.Builder builder() {
    return ImmutableMachineHealthCheckStatus.builder();
  }
}
