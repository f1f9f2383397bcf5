package io.capi4j.machinedeployment;

import java.util.List;

/**
 * Why a MachineSet's machine template differs from its MachineDeployment's (upstream {@code mdutil.UpToDateResult}).
 *
 * @param logMessages one message per difference, as upstream logs it, e.g. {@code spec.version v1.25.0, v1.26.0 required}
 * @param conditionMessages one message per difference, as upstream writes it into the {@code UpToDate} condition,
 *     e.g. {@code Version v1.25.0, v1.26.0 required}
 * @param eligibleForInPlaceUpdate whether the MachineSet may be updated in place: true for an outdated MachineSet,
 *     false for an up-to-date one, a discarded candidate, or a MachineSet created before an expired
 *     {@code spec.rollout.after}
 */
public record UpToDateResult(List<String> logMessages, List<String> conditionMessages, boolean eligibleForInPlaceUpdate) {
  public UpToDateResult {
    logMessages = List.copyOf(logMessages);
    conditionMessages = List.copyOf(conditionMessages);
  }

  /** The result for an up-to-date MachineSet (or a discarded candidate): no messages, not eligible. */
  public static UpToDateResult notEligible() {
    return new UpToDateResult(List.of(), List.of(), false);
  }
}
