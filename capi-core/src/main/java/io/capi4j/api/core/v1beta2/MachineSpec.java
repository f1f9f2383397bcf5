package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The spec of a Machine, also used as the machine template of MachineDeployments, MachineSets and MachinePools. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineSpec.class)
@JsonDeserialize(as = ImmutableMachineSpec.class)
public abstract class MachineSpec implements UnknownFields, WithMachineSpec {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String clusterName() {
    return "";
  }

  public abstract Optional<Bootstrap> bootstrap();

  public abstract Optional<ContractVersionedObjectReference> infrastructureRef();

  /** The Kubernetes version, e.g. {@code v1.32.0}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String version() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String providerID() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String failureDomain() {
    return "";
  }

  public abstract Optional<Integer> minReadySeconds();

  public abstract List<MachineReadinessGate> readinessGates();

  public abstract Optional<MachineDeletionSpec> deletion();

  public abstract List<MachineTaint> taints();

  /** {@code bootstrap}, or an empty one. */
  public Bootstrap bootstrapOrEmpty() {
    return bootstrap().orElse(Bootstrap.builder().build());
  }

  /** {@code infrastructureRef}, or an undefined reference. */
  public ContractVersionedObjectReference infrastructureRefOrEmpty() {
    return infrastructureRef().orElse(ContractVersionedObjectReference.builder().build());
  }

  /** {@code deletion}, or an empty one. */
  public MachineDeletionSpec deletionOrEmpty() {
    return deletion().orElse(MachineDeletionSpec.builder().build());
  }

  public static ImmutableMachineSpec.Builder builder() {
    return ImmutableMachineSpec.builder();
  }
}
