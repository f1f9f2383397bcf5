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

/** {@code spec} of a MachinePool. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachinePoolSpec.class)
@JsonDeserialize(as = ImmutableMachinePoolSpec.class)
public abstract class MachinePoolSpec implements UnknownFields, WithMachinePoolSpec {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String clusterName() {
    return "";
  }

  public abstract Optional<Integer> replicas();

  public abstract Optional<MachineTemplateSpec> template();

  /** The provider IDs of the pool's instances, copied from the InfraMachinePool. */
  public abstract List<String> providerIDList();

  /** The failure domains (zones) the pool may use. */
  public abstract List<String> failureDomains();

  public MachineTemplateSpec templateOrEmpty() {
    return template().orElse(MachineTemplateSpec.builder().build());
  }

  public static ImmutableMachinePoolSpec.Builder builder() {
    return ImmutableMachinePoolSpec.builder();
  }
}
