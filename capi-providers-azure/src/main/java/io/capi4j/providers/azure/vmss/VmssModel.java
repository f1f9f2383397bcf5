package io.capi4j.providers.azure.vmss;

import io.capi4j.providers.azure.api.v1beta1.Image;
import java.util.List;
import java.util.Objects;

/**
 * The "model" of a VMSS, the fields whose change makes every instance out of date ({@code azure.VMSS}'s
 * {@code Image}, {@code Identity}, {@code Zones} and {@code Sku}). Tags and capacity are not part of it.
 *
 * @param image the image; an empty {@link Image} is Go's zero value
 * @param identity the identity type ({@code None}, {@code SystemAssigned}, {@code UserAssigned}, or {@code ""})
 * @param zones the availability zones, in order; an empty list equals an absent one
 * @param sku the VM size
 */
public record VmssModel(Image image, String identity, List<String> zones, String sku) {
  public VmssModel {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(identity, "identity");
    zones = List.copyOf(zones);
    Objects.requireNonNull(sku, "sku");
  }

  /** A model with only an image and a SKU. */
  public static VmssModel of(Image image, String sku) {
    return new VmssModel(image, "", List.of(), sku);
  }

  /**
   * {@code HasModelChanges}: true unless image, identity, zones (order-sensitive) and SKU are all equal. In CAPZ's
   * reconcile path the existing VMSS never carries an identity, so a model change in practice means an image, zone
   * or SKU change; callers that build the existing model from Azure should leave its identity as CAPZ does.
   */
  public boolean hasModelChanges(VmssModel other) {
    return !(image.equals(other.image) && identity.equals(other.identity) && zones.equals(other.zones)
        && sku.equals(other.sku));
  }
}
