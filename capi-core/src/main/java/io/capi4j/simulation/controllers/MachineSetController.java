package io.capi4j.simulation.controllers;

import io.capi4j.api.bootstrap.kubeadm.v1beta2.KubeadmConfigTemplate;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.ContractVersionedObjectReference;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.conditions.Conditions;
import io.capi4j.machineset.MachineConditionPatch;
import io.capi4j.machineset.MachineDeletion;
import io.capi4j.machineset.MachineSetPlan;
import io.capi4j.machineset.MachineSetPlanInput;
import io.capi4j.machineset.MachineSetPlanner;
import io.capi4j.machineset.NewMachine;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.Reconciler;
import io.capi4j.util.Selectors;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The MachineSet controller of a simulation: gathers the MachineSet's inputs from the stores, runs capi4j's
 * {@link MachineSetPlanner}, and applies the plan in the order the plan documents (Machine patches, deletions,
 * creations of InfraMachine + bootstrap config + Machine, then the MachineSet).
 */
public final class MachineSetController implements Reconciler {
  private final SimContext ctx;
  private final Consumer<MachineSetPlan> observer;

  public MachineSetController(SimContext ctx, Consumer<MachineSetPlan> observer) {
    this.ctx = ctx;
    this.observer = observer;
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<MachineSet> found = ctx.management().get(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MachineSet ms = found.get();
    String ns = ms.namespace();
    Optional<MachineDeployment> md = Optional.ofNullable(ms.labels().get(Capi.MACHINE_DEPLOYMENT_NAME_LABEL))
        .flatMap(n -> ctx.management().get(MachineDeployment.class, MachineDeployment.KIND, ns, n));
    List<Machine> machines = new ArrayList<>();
    for (Machine m : ctx.management().list(Machine.class, Machine.KIND)) {
      if (!m.namespace().equals(ns)) {
        continue;
      }
      Optional<String> controller = Meta.controller(m).map(r -> r.getKind() + "/" + r.getName());
      if (controller.map(c -> c.equals(MachineSet.KIND + "/" + ms.name())).orElse(false)
          || (controller.isEmpty() && ms.spec().selector().map(s -> Selectors.matches(s, m.labels())).orElse(false))) {
        machines.add(m);
      }
    }
    var tspec = ms.spec().templateOrEmpty().specOrEmpty();
    ContractVersionedObjectReference infraRef = tspec.infrastructureRefOrEmpty();
    Optional<GenericKubernetesResource> infraTemplate =
        ctx.management().getGeneric(infraRef.kind(), ns, infraRef.name());
    Optional<ContractVersionedObjectReference> bootRef = tspec.bootstrapOrEmpty().configRef();
    Optional<KubeadmConfigTemplate> kct = bootRef.flatMap(r ->
        ctx.management().get(KubeadmConfigTemplate.class, r.kind(), ns, r.name()));
    Optional<GenericKubernetesResource> genericBoot = bootRef.flatMap(r ->
        ctx.management().getGeneric(r.kind(), ns, r.name()).filter(g -> !r.kind().equals(KubeadmConfigTemplate.KIND)));
    Optional<MachineSet> moveTarget = ms.annotation(Capi.MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION)
        .filter(s -> !s.isEmpty())
        .flatMap(n -> ctx.management().get(MachineSet.class, MachineSet.KIND, ns, n));
    MachineSetPlan plan = MachineSetPlanner.plan(MachineSetPlanInput.builder()
        .machineSet(ms)
        .machineDeployment(md)
        .machines(machines)
        .cluster(ctx.cluster())
        .controlPlane(ctx.controlPlane())
        .infraMachineTemplate(infraTemplate)
        .kubeadmConfigTemplate(kct)
        .bootstrapTemplate(genericBoot)
        .moveTarget(moveTarget)
        .providers(ctx.providers())
        .now(ctx.clock().instant())
        .random(ctx.random())
        .build());
    observer.accept(plan);
    apply(plan);
    return plan.errors().isEmpty() ? plan.requeueAfter() : Optional.of(Duration.ofSeconds(1));
  }

  private void apply(MachineSetPlan plan) {
    for (Machine m : plan.machinesToAdopt()) {
      update(m);
    }
    for (MachineConditionPatch p : plan.conditionPatches()) {
      Optional<Machine> m = ctx.management().get(Machine.class, Machine.KIND, plan.machineSet().namespace(), p.machineName());
      m.ifPresent(machine -> {
        var status = machine.statusOrEmpty();
        var conds = p.condition().map(c -> Conditions.set(status.conditions(), c))
            .orElse(Conditions.delete(status.conditions(), p.type()));
        update(machine.withStatus(status.withConditions(conds)));
      });
    }
    plan.machinesToUpdate().forEach(this::update);
    plan.machinesToMove().forEach(this::update);
    for (MachineDeletion d : plan.machinesToDelete()) {
      ctx.management().delete(ObjectKey.of(d.machine()));
    }
    for (NewMachine n : plan.machinesToCreate()) {
      if (ctx.management().get(ObjectKey.of(n.machine())).isPresent()) {
        continue;
      }
      createIfAbsent(n.infraMachine());
      n.kubeadmConfig().ifPresent(this::createIfAbsent);
      n.bootstrapConfig().ifPresent(this::createIfAbsent);
      ctx.management().create(n.machine());
    }
    MachineSet current = ctx.management().get(MachineSet.class, MachineSet.KIND, plan.machineSet().namespace(),
        plan.machineSet().name()).orElse(null);
    if (current != null && !plan.machineSet().equals(current)) {
      ctx.management().update(plan.machineSet());
    }
  }

  private void update(Object o) {
    Optional<Object> current = ctx.management().get(ObjectKey.of(o));
    if (current.isPresent() && !current.get().equals(o)) {
      ctx.management().update(o);
    }
  }

  private void createIfAbsent(Object o) {
    if (ctx.management().get(ObjectKey.of(o)).isEmpty()) {
      ctx.management().create(o);
    }
  }
}
