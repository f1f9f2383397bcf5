package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.deletion} of a MachineDeployment or MachineSet. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeploymentDeletionSpec.class)
@JsonDeserialize(as = ImmutableMachineDeploymentDeletionSpec.class)
public abstract class MachineDeploymentDeletionSpec implements UnknownFields, WithMachineDeploymentDeletionSpec {
  public static final String RANDOM = "Random";
  public static final String NEWEST = "Newest";
  public static final String OLDEST = "Oldest";

  /** {@code Random} (default when empty), {@code Newest} or {@code Oldest}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String order() {
    return "";
  }

  public static MachineDeploymentDeletionSpec of(String order) {
    return builder().order(order).build();
  }

  public static ImmutableMachineDeploymentDeletionSpec.Builder builder() {
    return ImmutableMachineDeploymentDeletionSpec.builder();
  }
}
