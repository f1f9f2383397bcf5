package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.capi4j.providers.azure.api.v1beta1.SystemAssignedIdentityRole;
import io.capi4j.providers.azure.api.v1beta1.UserAssignedIdentity;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of an AzureMachinePool. {@code additionalTags} stays in the unknown fields. */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePoolSpec.class)
@JsonDeserialize(as = ImmutableAzureMachinePoolSpec.class)
public abstract class AzureMachinePoolSpec implements UnknownFields, WithAzureMachinePoolSpec {
  /** The Azure region, e.g. {@code westus2}; required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String location() {
    return "";
  }

  /** Required. */
  public abstract Optional<AzureMachinePoolMachineTemplate> template();

  /** The VMSS ID, written by the controller. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String providerID() {
    return "";
  }

  /** The sorted provider IDs of the pool's AzureMachinePoolMachines, written by the controller. */
  public abstract List<String> providerIDList();

  /** {@code None} (CRD default), {@code SystemAssigned} or {@code UserAssigned}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String identity() {
    return "";
  }

  public abstract Optional<SystemAssignedIdentityRole> systemAssignedIdentityRole();

  public abstract List<UserAssignedIdentity> userAssignedIdentities();

  /** Deprecated upstream: use systemAssignedIdentityRole.name. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String roleAssignmentName() {
    return "";
  }

  /** Defaulted by the CRD only when absent. */
  public abstract Optional<AzureMachinePoolDeploymentStrategy> strategy();

  /** {@code Uniform} (CRD default) or {@code Flexible}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String orchestrationMode() {
    return "";
  }

  public abstract Optional<Integer> platformFaultDomainCount();

  public abstract Optional<Boolean> zoneBalance();

  /** {@code template}, or an empty one. */
  public AzureMachinePoolMachineTemplate templateOrEmpty() {
    return template().orElse(AzureMachinePoolMachineTemplate.builder().build());
  }

  public static ImmutableAzureMachinePoolSpec.Builder builder() {
    return ImmutableAzureMachinePoolSpec.builder();
  }
}
