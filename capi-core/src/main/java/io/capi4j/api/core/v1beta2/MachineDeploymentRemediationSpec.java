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

/** {@code spec.remediation}. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeploymentRemediationSpec.class)
@JsonDeserialize(as = ImmutableMachineDeploymentRemediationSpec.class)
public abstract class MachineDeploymentRemediationSpec implements UnknownFields, WithMachineDeploymentRemediationSpec {
  /** How many Machines may be remediated at once: an int or a percent of replicas (rounded up). */
  public abstract Optional<IntOrString> maxInFlight();

  public static ImmutableMachineDeploymentRemediationSpec.Builder builder() {
    return ImmutableMachineDeploymentRemediationSpec.builder();
  }
}
