/**
 * Azure's pool planners behind capi4j's pool SPI: {@link io.capi4j.providers.azure.pools.AzureMachinePoolPlanner}
 * (VMSS) and {@link io.capi4j.providers.azure.pools.AzureManagedMachinePoolPlanner} (AKS agent pool), built on the
 * pure CAPZ decisions of {@code io.capi4j.providers.azure.vmss} and {@code io.capi4j.providers.azure.agentpools}, and
 * {@link io.capi4j.providers.azure.pools.VmssCloudModel}, which carries a VMSS model through the cloud port.
 */
package io.capi4j.providers.azure.pools;
