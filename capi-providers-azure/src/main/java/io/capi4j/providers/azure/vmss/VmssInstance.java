package io.capi4j.providers.azure.vmss;

import io.capi4j.providers.azure.api.v1beta1.Image;
import java.util.Objects;

/**
 * One instance of a VMSS as CAPZ's decisions see it ({@code azure.VMSSVM}).
 *
 * @param providerID {@code azure://} + the instance's resource ID (resource group lower-cased)
 * @param resourceID the instance's Azure resource ID; its last segment names the AzureMachinePoolMachine
 * @param image the image the instance runs, converted to a CAPZ {@link Image}
 * @param state the instance's provisioning state, e.g. {@code Succeeded}, {@code Deleting}
 * @param availabilityZone the zone the instance landed in, or {@code ""} (recorded, never used for decisions)
 */
public record VmssInstance(String providerID, String resourceID, Image image, String state, String availabilityZone) {
  public VmssInstance {
    Objects.requireNonNull(providerID, "providerID");
    Objects.requireNonNull(resourceID, "resourceID");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(availabilityZone, "availabilityZone");
  }
}
