package io.capi4j.providers.azure.vmss;

import java.util.Objects;

/**
 * What CAPZ's scaleset service sends to Azure for a VMSS.
 *
 * @param action create the VMSS, update it (PUT), or leave it alone
 * @param capacity the capacity of the create or update; the existing capacity when nothing is sent
 * @param includeVirtualMachineProfile whether the PUT carries the VM profile (a model or custom-data change); a
 *     capacity-only update leaves it out, and the network profile is never sent on an update
 * @param modelChanged whether the image, identity, zones or SKU differ from the existing VMSS
 * @param reason why, in words
 */
public record CapacityPlan(Action action, long capacity, boolean includeVirtualMachineProfile, boolean modelChanged, String reason) {
  /** The kinds of request. */
  public enum Action {
    /** No VMSS exists: create it with the desired capacity. */
    CREATE,
    /** PUT the VMSS. */
    UPDATE,
    /** Send nothing. */
    NONE
  }

  public CapacityPlan {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }
}
