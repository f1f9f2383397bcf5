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

/** One of {@code status.addresses}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineAddress.class)
@JsonDeserialize(as = ImmutableMachineAddress.class)
public abstract class MachineAddress implements UnknownFields, WithMachineAddress {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String type() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String address() {
    return "";
  }

  public static MachineAddress of(String type, String address) {
    return ImmutableMachineAddress.builder().type(type).address(address).build();
  }
}
