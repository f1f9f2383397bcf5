package io.capi4j.api.core.v1beta2;

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

/** {@code spec.checks}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineHealthCheckChecks.class)
@JsonDeserialize(as = ImmutableMachineHealthCheckChecks.class)
public abstract class MachineHealthCheckChecks implements UnknownFields, WithMachineHealthCheckChecks {
  /** Seconds a Machine may go without a Node; default 600, 0 disables the check. */
  public abstract Optional<Integer> nodeStartupTimeoutSeconds();

  public abstract List<UnhealthyCondition> unhealthyNodeConditions();

  public abstract List<UnhealthyCondition> unhealthyMachineConditions();

  public static ImmutableMachineHealthCheckChecks.Builder builder() {
    return ImmutableMachineHealthCheckChecks.builder();
  }
}
