package io.capi4j.api.core.v1beta2;

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

/** {@code status.deprecated}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachinePoolDeprecatedStatus.class)
@JsonDeserialize(as = ImmutableMachinePoolDeprecatedStatus.class)
public abstract class MachinePoolDeprecatedStatus implements UnknownFields, WithMachinePoolDeprecatedStatus {
  public abstract Optional<MachinePoolV1Beta1DeprecatedStatus> v1beta1();

  public static MachinePoolDeprecatedStatus of(MachinePoolV1Beta1DeprecatedStatus v1beta1) {
    return ImmutableMachinePoolDeprecatedStatus.builder().v1beta1(v1beta1).build();
  }
}
