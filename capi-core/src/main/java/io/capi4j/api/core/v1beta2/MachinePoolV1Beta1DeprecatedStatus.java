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

/** {@code status.deprecated.v1beta1}: the counters upstream's phase logic still reads. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachinePoolV1Beta1DeprecatedStatus.class)
@JsonDeserialize(as = ImmutableMachinePoolV1Beta1DeprecatedStatus.class)
public abstract class MachinePoolV1Beta1DeprecatedStatus implements UnknownFields, WithMachinePoolV1Beta1DeprecatedStatus {
  public abstract Optional<Integer> readyReplicas();

  public abstract Optional<Integer> availableReplicas();

  public abstract Optional<Integer> unavailableReplicas();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String failureReason() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String failureMessage() {
    return "";
  }

  public static ImmutableMachinePoolV1Beta1DeprecatedStatus.Builder builder() {
    return ImmutableMachinePoolV1Beta1DeprecatedStatus.builder();
  }
}
