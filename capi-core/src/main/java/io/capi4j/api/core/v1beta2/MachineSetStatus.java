package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status} of a MachineSet. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineSetStatus.class)
@JsonDeserialize(as = ImmutableMachineSetStatus.class)
public abstract class MachineSetStatus implements UnknownFields, WithMachineSetStatus {
  public abstract List<Condition> conditions();

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

  public abstract Optional<Long> observedGeneration();

  public static ImmutableMachineSetStatus.Builder builder() {
    return ImmutableMachineSetStatus.builder();
  }
}
