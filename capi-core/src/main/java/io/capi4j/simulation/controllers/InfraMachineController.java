package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.VirtualMachines;
import io.capi4j.simulation.Generic;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.Reconciler;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated infrastructure provider's InfraMachine controller, for any InfraMachine kind kept as a generic
 * object (what the contract needs, as the typical workflow of the InfraMachine contract describes): once the owner
 * Machine has bootstrap data it creates a VM through the {@link VirtualMachines} port; when the VM runs it sets
 * {@code spec.providerID} and {@code status.initialization.provisioned}; on deletion it deletes the VM and then
 * removes its finalizer.
 */
public final class InfraMachineController implements Reconciler {
  /** The finalizer this controller puts on InfraMachines. */
  public static final String FINALIZER = "infrastructure.cluster.x-k8s.io/simulated";

  private final SimContext ctx;
  private final VirtualMachines vms;

  public InfraMachineController(SimContext ctx, VirtualMachines vms) {
    this.ctx = ctx;
    this.vms = vms;
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<Object> found = ctx.management().get(key);
    if (found.isEmpty() || !(found.get() instanceof GenericKubernetesResource infra)) {
      return Optional.empty();
    }
    String vmId = Generic.string(infra, "status.instanceID");
    if (Meta.meta(infra).getDeletionTimestamp() != null) {
      if (!vmId.isEmpty() && vms.get(vmId).isPresent()) {
        vms.delete(vmId);
        return Optional.of(Duration.ofSeconds(5));
      }
      // This controller stands in for the provider's: it removes the provider's finalizer too (e.g. CAPD's
      // dockermachine.infrastructure.cluster.x-k8s.io, which the provider's clone hook may already have set).
      List<String> fin = new ArrayList<>(Meta.meta(infra).getFinalizers());
      fin.removeIf(InfraMachineController::infrastructureFinalizer);
      ctx.management().update(Meta.withMeta(infra, b -> b.withFinalizers(fin)));
      return Optional.empty();
    }
    Optional<OwnerReference> owner = Meta.controller(infra).filter(r -> Machine.KIND.equals(r.getKind()));
    if (owner.isEmpty()) {
      return Optional.empty(); // wait for the Machine to adopt it, as providers do
    }
    if (Meta.meta(infra).getFinalizers() == null
        || Meta.meta(infra).getFinalizers().stream().noneMatch(InfraMachineController::infrastructureFinalizer)) {
      ctx.management().update(Meta.withMeta(infra, b -> b.addToFinalizers(FINALIZER)));
      return Optional.empty();
    }
    Optional<Machine> machine = ctx.management().get(Machine.class, Machine.KIND, key.namespace(), owner.get().getName());
    if (machine.isEmpty() || machine.get().spec().bootstrapOrEmpty().dataSecretName().isEmpty()) {
      return Optional.empty(); // wait for bootstrap data
    }
    if (vmId.isEmpty()) {
      String version = machine.get().spec().version();
      Optional<String> zone = Optional.of(machine.get().spec().failureDomain()).filter(z -> !z.isEmpty());
      Instance vm = vms.create(key.name(), InstanceModel.of(version, Map.of(io.capi4j.simulation.Simulation.KUBERNETES_VERSION, version)), zone);
      ctx.meter().charge(ctx.profile().cloudApiCall().sample(ctx.random()));
      ctx.management().update(Generic.with(infra, "status.instanceID", vm.id()));
      return Optional.of(Duration.ofSeconds(10));
    }
    Optional<Instance> vm = vms.get(vmId);
    if (vm.isEmpty()) {
      return Optional.empty();
    }
    if (vm.get().state() == InstanceState.RUNNING && Generic.string(infra, "spec.providerID").isEmpty()) {
      GenericKubernetesResource updated = Generic.with(infra, "spec.providerID", vm.get().providerID());
      updated = Generic.with(updated, "status.initialization", Map.of("provisioned", true));
      updated = Generic.with(updated, "status.ready", true);
      ctx.management().update(updated);
      return Optional.empty();
    }
    if (vm.get().state() == InstanceState.CREATING) {
      return Optional.of(Duration.ofSeconds(10));
    }
    return Optional.empty();
  }

  /** This controller's finalizer, or a provider's InfraMachine finalizer ({@code <kind>.infrastructure.cluster.x-k8s.io}). */
  static boolean infrastructureFinalizer(String f) {
    return f.equals(FINALIZER) || f.endsWith(".infrastructure.cluster.x-k8s.io");
  }
}
