package io.capi4j.providers.azure.webhooks;

import io.capi4j.providers.azure.api.v1beta1.AzureMachineSpec;

/**
 * The deterministic part of CAPZ's AzureMachine defaulting, for an AzureMachine cloned from an
 * AzureMachineTemplate: the CRD defaults (identity, OS disk, marketplace plan flag), data-disk LUNs and caching, the
 * spot eviction policy, managed boot diagnostics (which AzureMachineTemplate defaulting does not set) and network
 * interfaces. The generated values (SSH key, role assignment name) are left alone: a cloned machine carries the
 * template's.
 */
public final class AzureMachineDefaults {
  private AzureMachineDefaults() {}

  /** {@code spec} with the defaults CAPZ's AzureMachine webhook would add without generating anything. */
  public static AzureMachineSpec forClone(AzureMachineSpec spec) {
    AzureMachineSpec s = AzureMachineSpecs.crdDefaults(spec);
    s = s.withDataDisks(AzureDefaults.dataDisks(s.dataDisks()));
    s = s.withSpotVMOptions(AzureDefaults.spotEvictionPolicy(s.spotVMOptions(), s.osDiskOrEmpty()));
    s = s.withDiagnostics(AzureDefaults.diagnostics(s.diagnostics()));
    AzureDefaults.Network n = AzureDefaults.network(s.subnetName(), s.acceleratedNetworking(), s.networkInterfaces());
    return s.withSubnetName(n.subnetName()).withAcceleratedNetworking(n.acceleratedNetworking())
        .withNetworkInterfaces(n.interfaces());
  }
}
