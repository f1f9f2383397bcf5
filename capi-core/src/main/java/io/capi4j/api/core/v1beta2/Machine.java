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

/** A Machine ({@code cluster.x-k8s.io/v1beta2}): one node, with its InfraMachine and bootstrap config. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachine.class)
@JsonDeserialize(as = ImmutableMachine.class)
public abstract class Machine implements CapiObject, WithMachine {
  public static final String KIND = "Machine";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Capi.API_VERSION;
  }

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String kind() {
    return KIND;
  }

  @Override
  @Value.Default
  public ObjectMeta metadata() {
    return new ObjectMeta();
  }

  @Value.Default
  public MachineSpec spec() {
    return MachineSpec.builder().build();
  }

  public abstract Optional<MachineStatus> status();

  /** {@code status}, or an empty status. */
  public MachineStatus statusOrEmpty() {
    return status().orElse(MachineStatus.builder().build());
  }

  public static ImmutableMachine.Builder builder() {
    return ImmutableMachine.builder();
  }
}
