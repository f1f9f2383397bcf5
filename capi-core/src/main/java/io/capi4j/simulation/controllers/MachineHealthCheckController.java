package io.capi4j.simulation.controllers;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.capi4j.api.core.v1beta2.MachineHealthCheckRemediationTemplateReference;
import io.capi4j.api.core.v1beta2.MachineHealthCheckStatus;
import io.capi4j.conditions.Conditions;
import io.capi4j.machinehealthcheck.MachineHealthCheckInput;
import io.capi4j.machinehealthcheck.MachineHealthCheckPlan;
import io.capi4j.machinehealthcheck.MachineHealthCheckPlanner;
import io.capi4j.machinehealthcheck.MachineUpdate;
import io.capi4j.machinehealthcheck.RemediationRetryLimit;
import io.capi4j.simulation.Meta;
import io.capi4j.simulation.ObjectKey;
import io.capi4j.simulation.ObjectStore;
import io.capi4j.simulation.Reconciler;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The MachineHealthCheck controller of a simulation: gathers the MachineHealthCheck's input from the stores (the
 * Machines of its namespace, the workload cluster's Nodes, the simulation's Cluster, the remediation template and
 * the existing remediation requests), runs capi4j's {@link MachineHealthCheckPlanner}, and applies the plan as its
 * {@link MachineUpdate} documents: delete or create the remediation request, patch the Machine's conditions, then
 * write the MachineHealthCheck's annotations (capi4j's retry history) and status. It reconciles again at the plan's
 * next check time.
 *
 * <p>Besides the plan's requeue, every MachineHealthCheck is reconciled again at least every {@link #SYNC_PERIOD}, as
 * the manager's informer resync does upstream (CAPI's {@code --sync-period}, default 10 minutes). This matters when
 * remediation is blocked: upstream drops the pending checks then, so only an event or the resync refreshes the
 * status.
 *
 * <p>Every change it makes is reported to the observer, with the plan's reason, as one line (e.g.
 * {@code workers: Machine workers-x-abcde: unhealthy (NodeStartupTimeout): ...}); reconciles that change nothing
 * report nothing.
 */
public final class MachineHealthCheckController implements Reconciler {
  /** CAPI's default {@code --sync-period}. */
  public static final Duration SYNC_PERIOD = Duration.ofMinutes(10);

  private final SimContext ctx;
  private final Consumer<String> observer;

  public MachineHealthCheckController(SimContext ctx, Consumer<String> observer) {
    this.ctx = ctx;
    this.observer = observer;
  }

  /** Maps Machine and Node changes to the MachineHealthChecks of the simulation's Cluster (few per simulation). */
  public static Function<ObjectStore.Change, List<ObjectKey>> machinesAndNodes(SimContext ctx) {
    return c -> {
      String kind = c.key().kind();
      if (!Machine.KIND.equals(kind) && !"Node".equals(kind)) {
        return List.of();
      }
      return ctx.management().list(MachineHealthCheck.class, MachineHealthCheck.KIND).stream()
          .filter(mhc -> mhc.spec().clusterName().equals(ctx.cluster().name())
              && mhc.namespace().equals(ctx.cluster().namespace())
              && (!Machine.KIND.equals(kind) || mhc.namespace().equals(c.key().namespace())))
          .map(ObjectKey::of)
          .toList();
    };
  }

  @Override
  public Optional<Duration> reconcile(ObjectKey key) {
    Optional<MachineHealthCheck> found = ctx.management().get(key);
    if (found.isEmpty() || found.get().isDeleting()) {
      return Optional.empty();
    }
    MachineHealthCheck mhc = found.get();
    String ns = mhc.namespace();
    Optional<MachineHealthCheckRemediationTemplateReference> ref = mhc.spec().remediationOrEmpty().templateRef()
        .filter(MachineHealthCheckRemediationTemplateReference::isDefined);
    Optional<GenericKubernetesResource> template = ref.flatMap(r -> ctx.management().getGeneric(r.kind(), ns, r.name()));
    List<GenericKubernetesResource> requests = ref.map(r -> requestKind(r.kind()))
        .map(k -> ctx.management().list(k).stream()
            .filter(o -> ns.equals(Meta.meta(o).getNamespace()))
            .map(o -> ctx.management().getGeneric(k, ns, Meta.meta(o).getName()).orElseThrow())
            .toList())
        .orElse(List.of());
    MachineHealthCheckPlan plan = MachineHealthCheckPlanner.plan(MachineHealthCheckInput.builder()
        .machineHealthCheck(mhc)
        .cluster(ctx.cluster())
        .machines(ctx.management().list(Machine.class, Machine.KIND).stream().filter(m -> m.namespace().equals(ns))
            .toList())
        .nodes(ctx.workload().list(Node.class, "Node"))
        .now(ctx.clock().instant())
        .remediationTemplate(template)
        .remediationRequests(requests)
        .build());
    apply(mhc, plan);
    if (!plan.errors().isEmpty()) {
      return Optional.of(Duration.ofSeconds(10));
    }
    return Optional.of(plan.requeueAfter().filter(d -> d.compareTo(SYNC_PERIOD) < 0).orElse(SYNC_PERIOD));
  }

  private void apply(MachineHealthCheck mhc, MachineHealthCheckPlan plan) {
    for (MachineUpdate u : plan.machineUpdates()) {
      u.deleteRemediationRequest().ifPresent(r -> {
        ctx.management().delete(new ObjectKey(r.getKind(), mhc.namespace(), r.getMetadata().getName()));
        report(mhc, "delete the remediation request " + r.getKind() + " " + r.getMetadata().getName());
      });
      u.createRemediationRequest().ifPresent(r -> {
        if (ctx.management().get(ObjectKey.of(r)).isEmpty()) {
          ctx.management().create(r);
        }
      });
      Optional<Machine> current = ctx.management().get(Machine.class, Machine.KIND, u.namespace(), u.machineName());
      if (current.isEmpty()) {
        continue;
      }
      Machine patched = u.applyTo(current.get());
      if (!patched.equals(current.get())) {
        ctx.management().update(patched);
        report(mhc, "Machine " + u.machineName() + ": " + u.reason());
      }
    }
    MachineHealthCheck current = ctx.management().get(MachineHealthCheck.class, MachineHealthCheck.KIND,
        mhc.namespace(), mhc.name()).orElse(null);
    if (current == null) {
      return;
    }
    MachineHealthCheck desired = current;
    if (plan.annotations().isPresent()) {
      Map<String, String> a = plan.annotations().get();
      desired = Meta.withMeta(desired, b -> b.withAnnotations(new java.util.LinkedHashMap<>(a)));
    }
    desired = desired.withStatus(plan.status());
    if (!desired.equals(current)) {
      ctx.management().update(desired);
      MachineHealthCheckStatus before = current.status().orElse(MachineHealthCheckStatus.builder().build());
      for (String type : List.of(Capi.Conditions.REMEDIATION_ALLOWED, RemediationRetryLimit.CONDITION)) {
        Optional<Condition> was = Conditions.get(before.conditions(), type);
        Optional<Condition> is = Conditions.get(plan.status().conditions(), type);
        if (is.isPresent() && (was.isEmpty() || !sameState(was.get(), is.get()))) {
          report(mhc, type + "=" + is.get().getStatus() + " (" + is.get().getReason() + ")"
              + (nz(is.get().getMessage()).isEmpty() ? "" : ": " + is.get().getMessage().replace("\n", " ")));
        }
      }
    }
  }

  private void report(MachineHealthCheck mhc, String line) {
    observer.accept(mhc.name() + ": " + line);
  }

  private static String requestKind(String templateKind) {
    return templateKind.endsWith("Template") ? templateKind.substring(0, templateKind.length() - 8) : templateKind;
  }

  private static boolean sameState(Condition a, Condition b) {
    return Objects.equals(a.getStatus(), b.getStatus()) && Objects.equals(a.getReason(), b.getReason())
        && nz(a.getMessage()).equals(nz(b.getMessage()));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
