package io.capi4j.providers.azure.vmss;

import io.capi4j.providers.azure.api.v1beta1.Azure;
import io.capi4j.providers.azure.util.AzureResourceIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * CAPZ's {@code MachinePoolScope.applyAzureMachinePoolMachines} as a pure plan: sync AzureMachinePoolMachines with
 * the VMSS instances, then pick machines to delete ({@link DeleteSelector}) and update
 * {@code lastReconciledReplicas}.
 */
public final class MachineSync {
  private MachineSync() {}

  private static int capacity(int elements) {
    return elements * 4 / 3 + 1;
  }

  /** Plans one pass of the sync loop. */
  public static MachineSyncPlan plan(MachineSyncInput in, RandomGenerator random) {
    List<String> steps = new ArrayList<>();
    List<String> annotate = new ArrayList<>();
    List<MachineSyncPlan.NewPoolMachine> create = new ArrayList<>();
    List<String> outOfBand = new ArrayList<>();
    Optional<Integer> last = in.lastReconciledReplicas();
    if (in.vmss().isEmpty()) {
      steps.add("the VMSS state is unknown: nothing to do");
      return new MachineSyncPlan(annotate, create, outOfBand, Optional.empty(), List.of(), List.of(), last, steps, Optional.empty());
    }
    Vmss vmss = in.vmss().get();

    // Sized for their elements: no rehashing while they fill.
    Map<String, PoolMachineState> byProviderID = new LinkedHashMap<>(capacity(in.machines().size()));
    for (PoolMachineState s : in.machines()) {
      PoolMachineState state = s;
      if (!s.machine().deleteAnnotated() && s.ownerMachineDeleteAnnotated()) {
        annotate.add(s.machine().name());
        state = new PoolMachineState(s.machine().withDeleteAnnotated(true), s.providerID(), s.hasOwnerMachine(), true);
      }
      byProviderID.put(state.providerID(), state);
    }
    Map<String, VmssInstance> instances = new LinkedHashMap<>(capacity(vmss.instances().size()));
    for (VmssInstance vm : vmss.instances()) {
      instances.put(vm.providerID(), vm);
    }
    for (VmssInstance vm : vmss.instances()) {
      if (vm.state().equals(Azure.ProvisioningState.DELETING) || vm.state().equals(Azure.ProvisioningState.DELETED)) {
        continue;
      }
      if (!byProviderID.containsKey(vm.providerID())) {
        String last0;
        try {
          last0 = AzureResourceIds.parse(vm.resourceID()).name();
        } catch (IllegalArgumentException e) {
          String err = "failed to create AzureMachinePoolMachine for instance " + vm.providerID() + ": " + e.getMessage();
          steps.add(err);
          return new MachineSyncPlan(annotate, create, outOfBand, Optional.empty(), List.of(), List.of(), last, steps, Optional.of(err));
        }
        String name = in.azureMachinePoolName() + "-" + last0.replace('_', '-');
        create.add(new MachineSyncPlan.NewPoolMachine(name, vm.providerID()));
        steps.add("create AzureMachinePoolMachine " + name + " for instance " + vm.providerID());
      }
    }
    for (Map.Entry<String, PoolMachineState> e : List.copyOf(byProviderID.entrySet())) {
      if (!instances.containsKey(e.getKey())) {
        byProviderID.remove(e.getKey());
        outOfBand.add(e.getValue().machine().name());
      }
    }
    if (!outOfBand.isEmpty()) {
      steps.add("instances deleted out of band: delete the Machines of " + outOfBand + " and stop this pass");
      return new MachineSyncPlan(annotate, create, outOfBand, Optional.empty(), List.of(), List.of(), last, steps, Optional.empty());
    }
    if (in.operationInFlight()) {
      steps.add("a scaleset operation is in flight: wait");
      return new MachineSyncPlan(annotate, create, outOfBand, Optional.empty(), List.of(), List.of(), last, steps, Optional.empty());
    }
    if (in.externallyManaged()) {
      steps.add("replicas are managed by an external autoscaler: no scale-down selection");
      return new MachineSyncPlan(annotate, create, outOfBand, Optional.empty(), List.of(), List.of(), last, steps, Optional.empty());
    }
    List<PoolMachine> machines = new ArrayList<>();
    Map<String, PoolMachineState> byName = new LinkedHashMap<>();
    for (PoolMachineState s : byProviderID.values()) {
      PoolMachine m = s.machine().withLatestModelApplied(vmss.hasLatestModelApplied(instances.get(s.providerID())));
      machines.add(m);
      byName.put(m.name(), s);
    }
    boolean rollout = PoolDecisions.rolloutInProgress(in.vmss(), in.desired(), in.lastReconciledReplicas());
    DeleteSelection selection =
        DeleteSelector.select(in.strategy(), in.desired(), machines, rollout, in.skipModelReconciliation(), random);
    steps.add("select machines to delete (rollout in progress: " + rollout + "): " + selection.reason());
    if (selection.error().isPresent()) {
      return new MachineSyncPlan(annotate, create, outOfBand, Optional.of(selection), List.of(), List.of(), last, steps, selection.error());
    }
    List<String> delete = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (PoolMachine m : selection.machines()) {
      if (byName.get(m.name()).hasOwnerMachine()) {
        delete.add(m.name());
      } else {
        skipped.add(m.name());
      }
    }
    if (!delete.isEmpty()) {
      steps.add("delete the Machines of " + delete);
    }
    if (!skipped.isEmpty()) {
      steps.add("no owner Machine yet, left alone: " + skipped);
    }
    Optional<Integer> newLast =
        PoolDecisions.lastReconciledReplicas(last, byProviderID.size(), selection.machines().size(), in.desired());
    if (!newLast.equals(last)) {
      steps.add("converged: lastReconciledReplicas = " + in.desired());
    }
    return new MachineSyncPlan(annotate, create, outOfBand, Optional.of(selection), delete, skipped, newLast, steps, Optional.empty());
  }
}
