package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.capi4j.providers.azure.api.v1beta1.DataDisk;
import io.capi4j.providers.azure.api.v1beta1.Diagnostics;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.api.v1beta1.NetworkInterface;
import io.capi4j.providers.azure.api.v1beta1.OSDisk;
import io.capi4j.providers.azure.api.v1beta1.SecurityProfile;
import io.capi4j.providers.azure.api.v1beta1.SpotVMOptions;
import io.capi4j.providers.azure.api.v1beta1.VMExtension;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.template} of an AzureMachinePool ({@code AzureMachinePoolMachineTemplate}). */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePoolMachineTemplate.class)
@JsonDeserialize(as = ImmutableAzureMachinePoolMachineTemplate.class)
public abstract class AzureMachinePoolMachineTemplate implements UnknownFields, WithAzureMachinePoolMachineTemplate {
  /** The VM size (SKU), required; part of the VMSS model. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String vmSize() {
    return "";
  }

  /** Part of the VMSS model; empty means the default CAPI image. */
  public abstract Optional<Image> image();

  /** Required. */
  public abstract Optional<OSDisk> osDisk();

  public abstract List<DataDisk> dataDisks();

  /** Base64 of an authorized-keys line; generated when empty. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String sshPublicKey() {
    return "";
  }

  /** Deprecated upstream: use networkInterfaces. */
  public abstract Optional<Boolean> acceleratedNetworking();

  public abstract Optional<Diagnostics> diagnostics();

  /** Minutes, 5..15. */
  public abstract Optional<Integer> terminateNotificationTimeout();

  public abstract Optional<SecurityProfile> securityProfile();

  public abstract Optional<SpotVMOptions> spotVMOptions();

  /** Deprecated upstream: use networkInterfaces. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String subnetName() {
    return "";
  }

  public abstract List<VMExtension> vmExtensions();

  /** Immutable once set. */
  public abstract Optional<Boolean> disableVMBootstrapExtension();

  public abstract List<NetworkInterface> networkInterfaces();

  /** {@code osDisk}, or an empty one. */
  public OSDisk osDiskOrEmpty() {
    return osDisk().orElse(OSDisk.builder().build());
  }

  public static ImmutableAzureMachinePoolMachineTemplate.Builder builder() {
    return ImmutableAzureMachinePoolMachineTemplate.builder();
  }
}
