package io.capi4j.providers.azure.vmss;

import java.util.Optional;

/**
 * CAPZ's VMSS capacity decision ({@code azure/services/scalesets/spec.go}, {@code Parameters} and
 * {@code existingParameters}). Capacity is only ever raised by a PUT, to the desired replicas or desired plus surge;
 * it drops because CAPZ deletes instances.
 */
public final class ScaleSetCapacity {
  private ScaleSetCapacity() {}

  /**
   * Decides the request for the VMSS.
   *
   * <ul>
   *   <li>No existing VMSS: create it with the desired capacity (no surge).
   *   <li>Otherwise surge ({@code desired + maxSurge}) when maxSurge is positive, the replicas are not externally
   *       managed, and the model changed or the VMSS is mixed (Uniform mode only; Flexible counts as up to date).
   *   <li>Send nothing when that capacity is not above the existing one and the model did not change: a
   *       scale-down never PUTs, and a custom-data change alone never updates.
   *   <li>Else PUT; without a model or custom-data change the VM profile is left out.
   * </ul>
   */
  public static CapacityPlan decide(Optional<Vmss> existing, ScaleSetParameters desired) {
    if (existing.isEmpty()) {
      return new CapacityPlan(CapacityPlan.Action.CREATE, desired.capacity(), true, false,
          "no VMSS yet: create it with the desired capacity " + desired.capacity());
    }
    Vmss e = existing.get();
    boolean modelChanged = e.model().hasModelChanges(desired.model());
    boolean updated = desired.flexible() || e.hasEnoughLatestModelOrNotMixedModel();
    long capacity = desired.capacity();
    String why = "desired capacity " + capacity;
    if (desired.maxSurge() > 0 && (modelChanged || !updated) && !desired.externallyManaged()) {
      capacity = desired.capacity() + desired.maxSurge();
      why = "surge to " + capacity + " (" + desired.capacity() + " desired + " + desired.maxSurge() + " surge, "
          + (modelChanged ? "model changed" : "VMSS runs mixed models") + ")";
    }
    if (capacity <= e.capacity() && !modelChanged) {
      return new CapacityPlan(CapacityPlan.Action.NONE, e.capacity(), false, false,
          why + " is not above the existing capacity " + e.capacity() + " and the model is unchanged: no update");
    }
    boolean customDataChanged = !e.customDataHash().equals(desired.customDataHash());
    boolean profile = modelChanged || customDataChanged;
    return new CapacityPlan(CapacityPlan.Action.UPDATE, capacity, profile, modelChanged,
        why + (modelChanged ? "; model changed" : "") + (profile ? "" : "; capacity-only update without the VM profile")
            + (!modelChanged && customDataChanged ? "; custom data changed, VM profile included" : ""));
  }
}
