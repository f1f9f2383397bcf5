package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.MachineSpec;

/** Whether a MachineSet's machine template matches its MachineDeployment's, on the four fields rollouts compare. */
final class TemplateComparison {
  private TemplateComparison() {}

  static boolean upToDate(MachineSpec current, MachineSpec desired) {
    return current.version().equals(desired.version())
        && current.bootstrapOrEmpty().equals(desired.bootstrapOrEmpty())
        && current.infrastructureRefOrEmpty().equals(desired.infrastructureRefOrEmpty())
        && current.failureDomain().equals(desired.failureDomain());
  }
}
