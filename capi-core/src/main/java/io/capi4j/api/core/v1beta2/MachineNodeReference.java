package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.nodeRef}: the Node of this Machine. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineNodeReference.class)
@JsonDeserialize(as = ImmutableMachineNodeReference.class)
public abstract class MachineNodeReference implements UnknownFields, WithMachineNodeReference {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  public static MachineNodeReference of(String name) {
    return ImmutableMachineNodeReference.builder().name(name).build();
  }
}
