package io.capi4j.providers.azure.vmss;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An existing VMSS as CAPZ's decisions see it: its model, capacity ({@code sku.capacity}), tags, provisioning
 * state and instances.
 *
 * @param model the image, identity, zones and SKU
 * @param capacity {@code sku.capacity}
 * @param tags the VMSS tags (CAPZ reads {@value #CUSTOM_DATA_HASH_TAG})
 * @param state the VMSS provisioning state, if known
 * @param instances the instances
 */
public record Vmss(VmssModel model, long capacity, Map<String, String> tags, Optional<String> state, List<VmssInstance> instances) {
  /** The tag holding the sha256 hex of the bootstrap data the VMSS model was built with. */
  public static final String CUSTOM_DATA_HASH_TAG = "capz-custom-data-hash";

  public Vmss {
    Objects.requireNonNull(model, "model");
    tags = Map.copyOf(tags);
    Objects.requireNonNull(state, "state");
    instances = List.copyOf(instances);
  }

  /** {@code HasLatestModelApplied}: the instance's image equals the model's image (not Azure's own flag). */
  public boolean hasLatestModelApplied(VmssInstance vm) {
    return vm.image().equals(model.image());
  }

  /** {@code HasLatestModelAppliedToAll}: every instance is on the latest model (vacuously true without instances). */
  public boolean hasLatestModelAppliedToAll() {
    return instances.stream().allMatch(this::hasLatestModelApplied);
  }

  /**
   * {@code HasEnoughLatestModelOrNotMixedModel}: every instance is on the latest model, or the number of
   * latest-model instances equals the capacity.
   */
  public boolean hasEnoughLatestModelOrNotMixedModel() {
    if (hasLatestModelAppliedToAll()) {
      return true;
    }
    return instances.stream().filter(this::hasLatestModelApplied).count() == capacity;
  }

  /** The value of the custom-data hash tag, or {@code ""}. */
  public String customDataHash() {
    return tags.getOrDefault(CUSTOM_DATA_HASH_TAG, "");
  }
}
