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
@JsonSerialize(as = ImmutableMachineHealthCheckRemediation.class)
@JsonDeserialize(as = ImmutableMachineHealthCheckRemediation.class)
public abstract class MachineHealthCheckRemediation implements UnknownFields, WithMachineHealthCheckRemediation {
  public abstract Optional<MachineHealthCheckRemediationTriggerIf> triggerIf();

  public abstract Optional<MachineHealthCheckRemediationTemplateReference> templateRef();

  public MachineHealthCheckRemediationTriggerIf triggerIfOrEmpty() {
    return triggerIf().orElse(MachineHealthCheckRemediationTriggerIf.builder().build());
  }

  public static ImmutableMachineHealthCheckRemediation.Builder builder() {
    return ImmutableMachineHealthCheckRemediation.builder();
  }
}
