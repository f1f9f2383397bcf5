package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of an AzureMachine, also the template of an AzureMachineTemplate ({@code AzureMachineSpec}). */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachineSpec.class)
@JsonDeserialize(as = ImmutableAzureMachineSpec.class)
public abstract class AzureMachineSpec implements UnknownFields, WithAzureMachineSpec {
  public abstract Optional<String> providerID();

  /** The VM size (SKU), required. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String vmSize() {
    return "";
  }

  public abstract Optional<String> failureDomain();

  /** The image; empty means the default CAPI marketplace image, resolved by the controller. */
  public abstract Optional<Image> image();

  /** {@code None} (CRD default), {@code SystemAssigned} or {@code UserAssigned}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String identity() {
    return "";
  }

  public abstract List<UserAssignedIdentity> userAssignedIdentities();

  public abstract Optional<SystemAssignedIdentityRole> systemAssignedIdentityRole();

  /** Deprecated upstream: use systemAssignedIdentityRole.name. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String roleAssignmentName() {
    return "";
  }

  /** Required. */
  public abstract Optional<OSDisk> osDisk();

  public abstract List<DataDisk> dataDisks();

  /** Base64 of an authorized-keys line; generated when empty. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String sshPublicKey() {
    return "";
  }

  public abstract Optional<Boolean> allocatePublicIP();

  public abstract Optional<Boolean> enableIPForwarding();

  /** Deprecated upstream: use networkInterfaces. */
  public abstract Optional<Boolean> acceleratedNetworking();

  public abstract Optional<Diagnostics> diagnostics();

  public abstract Optional<SpotVMOptions> spotVMOptions();

  public abstract Optional<SecurityProfile> securityProfile();

  /** Deprecated upstream: use networkInterfaces. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String subnetName() {
    return "";
  }

  public abstract Optional<Boolean> disableExtensionOperations();

  public abstract Optional<Boolean> disableVMBootstrapExtension();

  public abstract List<VMExtension> vmExtensions();

  public abstract List<NetworkInterface> networkInterfaces();

  public abstract Optional<String> capacityReservationGroupID();

  /** {@code osDisk}, or an empty one. */
  public OSDisk osDiskOrEmpty() {
    return osDisk().orElse(OSDisk.builder().build());
  }

  public static ImmutableAzureMachineSpec.Builder builder() {
    return ImmutableAzureMachineSpec.builder();
  }
}
