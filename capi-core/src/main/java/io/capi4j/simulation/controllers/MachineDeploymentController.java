package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineDeployment;
import io.capi4j.api.core.v1beta2.MachineDeploymentStatus;
import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.machinedeployment.AppliedRollout;
import io.capi4j.machinedeployment.MachineDeploymentStatuses;
import io.capi4j.machinedeployment.PlanStep;
import io.capi4j.machinedeployment.RolloutInput;
import io.capi4j.machinedeployment.RolloutPlan;
import io.capi4j.machinedeployment.RolloutPlanner;
import io.capi4j.machinedeployment.RolloutPlanningException;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.Reconciler;
import io.capi4j.util.Selectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The MachineDeployment controller of a simulation: runs capi4j's {@link RolloutPlanner}, applies its writes as
 * server-side apply would (the status of an existing MachineSet is kept), deletes the MachineSets the plan cleans
 * up, and writes the MachineDeployment's status from {@link MachineDeploymentStatuses}.
 */
public final class MachineDeploymentController implements Reconciler {
  private final SimContext ctx;
  private final BiConsumer<MachineDeployment, RolloutPlan> observer;

  public MachineDeploymentController(SimContext ctx, BiConsumer<MachineDeployment, RolloutPlan> observer) {
    this.ctx = ctx;
    this.observer = observer;
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<MachineDeployment> found = ctx.management().get(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MachineDeployment md = found.get();
    String ns = md.namespace();
    if (md.isDeleting()) {
      List<MachineSet> owned = owned(md);
      owned.stream().filter(ms -> !ms.isDeleting()).forEach(ms -> ctx.management().delete(ObjectKey.of(ms)));
      if (owned.isEmpty()) {
        List<String> fin = new ArrayList<>(md.metadata().getFinalizers());
        fin.remove(Capi.MACHINE_DEPLOYMENT_FINALIZER);
        ctx.management().update(Meta.withMeta(md, b -> b.withFinalizers(fin)));
      }
      return Optional.empty();
    }
    if (md.metadata().getFinalizers() == null || !md.metadata().getFinalizers().contains(Capi.MACHINE_DEPLOYMENT_FINALIZER)) {
      ctx.management().update(Meta.withMeta(md, b -> b.addToFinalizers(Capi.MACHINE_DEPLOYMENT_FINALIZER)));
      return Optional.empty();
    }
    List<MachineSet> machineSets = owned(md);
    List<Machine> machines = ctx.management().list(Machine.class, Machine.KIND).stream()
        .filter(m -> m.namespace().equals(ns) && md.spec().selector().map(s -> Selectors.matches(s, m.labels())).orElse(false))
        .toList();
    var tspec = md.spec().templateOrEmpty().specOrEmpty();
    var infraRef = tspec.infrastructureRefOrEmpty();
    boolean templatesExist = ctx.management().get(new ObjectKey(infraRef.kind(), ns, infraRef.name())).isPresent()
        && tspec.bootstrapOrEmpty().configRef().map(r -> ctx.management()
            .get(new ObjectKey(r.kind(), ns, r.name())).isPresent()).orElse(true);
    RolloutPlan plan;
    try {
      plan = RolloutPlanner.plan(RolloutInput.builder()
          .machineDeployment(md)
          .machineSets(machineSets)
          .machines(machines)
          .now(ctx.clock().instant())
          .templatesExist(templatesExist)
          .random(ctx.random())
          .build());
    } catch (RolloutPlanningException e) {
      return Optional.of(Duration.ofSeconds(10));
    }
    observer.accept(md, plan);
    AppliedRollout writes = RolloutPlanner.apply(plan);
    for (MachineSet ms : writes.machineSets()) {
      if (writes.created().contains(ms.name())) {
        ctx.management().create(ms.withStatus(Optional.empty()));
      } else {
        MachineSet current = ctx.management().get(MachineSet.class, MachineSet.KIND, ns, ms.name()).orElse(null);
        if (current != null) {
          MachineSet desired = ms.withStatus(current.status()).withMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(
              ms.metadata()).withResourceVersion(current.metadata().getResourceVersion()).build());
          if (!desired.equals(current)) {
            ctx.management().update(desired);
          }
        }
      }
    }
    for (String name : writes.deletions()) {
      ctx.management().delete(new ObjectKey(MachineSet.KIND, ns, name));
    }
    MachineDeployment latest = ctx.management().get(MachineDeployment.class, MachineDeployment.KIND, ns, md.name()).orElse(md);
    if (writes.machineDeploymentRevision().isPresent()) {
      String rev = writes.machineDeploymentRevision().get();
      latest = Meta.withMeta(latest, b -> b.addToAnnotations(Capi.REVISION_ANNOTATION, rev));
    }
    MachineDeploymentStatus status = MachineDeploymentStatuses.compute(latest,
        MachineDeploymentStatuses.Observed.of(machineSets, machines, ctx.clock().instant()))
        .withObservedGeneration(latest.metadata().getGeneration() == null ? 1L : latest.metadata().getGeneration());
    MachineDeployment desired = latest.withStatus(status);
    MachineDeployment stored = ctx.management().get(MachineDeployment.class, MachineDeployment.KIND, ns, md.name()).orElse(null);
    if (stored != null && !desired.equals(stored)) {
      ctx.management().update(desired);
    }
    return Optional.empty();
  }

  private List<MachineSet> owned(MachineDeployment md) {
    return ctx.management().list(MachineSet.class, MachineSet.KIND).stream()
        .filter(ms -> ms.namespace().equals(md.namespace()))
        .filter(ms -> Meta.controller(ms).map(r -> MachineDeployment.KIND.equals(r.getKind()) && md.name().equals(r.getName()))
            .orElse(false))
        .toList();
  }

  /** The steps of a plan, one line each. */
  public static List<String> describe(RolloutPlan plan) {
    return plan.steps().stream().map(PlanStep::toString).toList();
  }
}
