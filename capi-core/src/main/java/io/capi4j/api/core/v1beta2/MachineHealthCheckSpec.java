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

/** {@code spec} of a MachineHealthCheck. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineHealthCheckSpec.class)
@JsonDeserialize(as = ImmutableMachineHealthCheckSpec.class)
public abstract class MachineHealthCheckSpec implements UnknownFields, WithMachineHealthCheckSpec {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String clusterName() {
    return "";
  }

  public abstract Optional<LabelSelector> selector();

  public abstract Optional<MachineHealthCheckChecks> checks();

  public abstract Optional<MachineHealthCheckRemediation> remediation();

  public MachineHealthCheckChecks checksOrEmpty() {
    return checks().orElse(MachineHealthCheckChecks.builder().build());
  }

  public MachineHealthCheckRemediation remediationOrEmpty() {
    return remediation().orElse(MachineHealthCheckRemediation.builder().build());
  }

  public static ImmutableMachineHealthCheckSpec.Builder builder() {
    return ImmutableMachineHealthCheckSpec.builder();
  }
}
