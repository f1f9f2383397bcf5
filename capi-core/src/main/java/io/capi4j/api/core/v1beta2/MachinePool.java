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

/**
 * A MachinePool ({@code cluster.x-k8s.io/v1beta2}): worker replicas delegated to one InfraMachinePool (a VMSS,
 * an ASG, a managed node pool) with one shared bootstrap config. The cloud's scaling group owns the VMs.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMachinePool.class)
@JsonDeserialize(as = ImmutableMachinePool.class)
public abstract class MachinePool implements CapiObject, WithMachinePool {
  public static final String KIND = "MachinePool";

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
  public MachinePoolSpec spec() {
    return MachinePoolSpec.builder().build();
  }

  public abstract Optional<MachinePoolStatus> status();

  /** {@code status}, or an empty status. */
  public MachinePoolStatus statusOrEmpty() {
    return status().orElse(MachinePoolStatus.builder().build());
  }

  public static ImmutableMachinePool.Builder builder() {
    return ImmutableMachinePool.builder();
  }
}
