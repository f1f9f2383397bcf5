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

/** {@code spec} of a MachineSet. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineSetSpec.class)
@JsonDeserialize(as = ImmutableMachineSetSpec.class)
public abstract class MachineSetSpec implements UnknownFields, WithMachineSetSpec {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String clusterName() {
    return "";
  }

  public abstract Optional<Integer> replicas();

  public abstract Optional<LabelSelector> selector();

  public abstract Optional<MachineTemplateSpec> template();

  public abstract Optional<MachineNamingSpec> machineNaming();

  public abstract Optional<MachineSetDeletionSpec> deletion();

  public MachineTemplateSpec templateOrEmpty() {
    return template().orElse(MachineTemplateSpec.builder().build());
  }

  /** {@code deletion.order}, or {@code ""}. */
  public String deletionOrder() {
    return deletion().map(MachineSetDeletionSpec::order).orElse("");
  }

  public static ImmutableMachineSetSpec.Builder builder() {
    return ImmutableMachineSetSpec.builder();
  }
}
