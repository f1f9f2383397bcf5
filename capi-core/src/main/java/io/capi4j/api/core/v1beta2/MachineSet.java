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

/**
 * A MachineSet ({@code cluster.x-k8s.io/v1beta2}): keeps {@code spec.replicas} Machines of one template. A
 * MachineDeployment owns one MachineSet per template revision.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineSet.class)
@JsonDeserialize(as = ImmutableMachineSet.class)
public abstract class MachineSet implements CapiObject, WithMachineSet {
  public static final String KIND = "MachineSet";

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
  public MachineSetSpec spec() {
    return MachineSetSpec.builder().build();
  }

  public abstract Optional<MachineSetStatus> status();

  /** {@code spec.replicas}, or 0 when unset (upstream's {@code ptr.Deref(x, 0)}). */
  public int specReplicas() {
    return spec().replicas().orElse(0);
  }

  /** {@code status}, or an empty status. */
  public MachineSetStatus statusOrEmpty() {
    return status().orElse(MachineSetStatus.builder().build());
  }

  public static ImmutableMachineSet.Builder builder() {
    return ImmutableMachineSet.builder();
  }
}
