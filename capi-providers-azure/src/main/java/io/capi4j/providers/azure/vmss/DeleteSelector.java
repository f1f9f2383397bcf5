package io.capi4j.providers.azure.vmss;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * CAPZ's {@code SelectMachinesToDelete} as on main after v1.26.0
 * ({@code azure/scope/strategies/machinepool_deployments/machinepool_deployment_strategy.go}): which
 * AzureMachinePoolMachines of a VMSS-backed pool to delete, given the desired replicas.
 *
 * <p>The machines are classified (failed, Azure-deleting, delete-annotated, ready, unready, stale model), each class
 * ordered by the delete policy, then the first matching step decides:
 *
 * <ol>
 *   <li>every failed and Azure-deleting machine (annotated ones first), uncapped;
 *   <li>every delete-annotated machine, uncapped;
 *   <li>when the ready and unready machines, less the unready replacements a rollout protects, exceed
 *       {@code desired}: the excess, old-model unready first, then unprotected latest-model unready, then stale
 *       ready machines, then any ready machine (latest-model only without the skip gate);
 *   <li>nothing while fewer than {@code desired} machines are ready, or with the skip gate, or when every machine
 *       runs the latest model, or without a maxUnavailable budget;
 *   <li>else up to the budget {@code |ready| - desired + maxUnavailable} (clamped to {@code desired}) ready
 *       old-model machines.
 * </ol>
 *
 * <p>Pure: the only randomness is the caller's generator, used for the {@code Random}/{@code ""} policy.
 */
public final class DeleteSelector {
  private DeleteSelector() {}

  /**
   * Picks the machines to delete.
   *
   * @param strategy the pool's rolling-update strategy
   * @param desired {@code MachinePool.spec.replicas} (nil as 0)
   * @param machines the pool's machines, in any order; their {@code latestModelApplied} should already be refreshed
   *     from the VMSS model
   * @param rolloutInProgress {@code RolloutInProgress()} of the pool scope
   * @param skipModelReconciliation the {@code SkipMachinePoolModelReconciliation} feature gate (default off)
   * @param random the source of the random order
   */
  public static DeleteSelection select(
      RollingUpdateStrategy strategy,
      int desired,
      Collection<PoolMachine> machines,
      boolean rolloutInProgress,
      boolean skipModelReconciliation,
      RandomGenerator random) {
    int maxUnavailable;
    try {
      maxUnavailable = strategy.maxUnavailable(desired);
    } catch (IllegalArgumentException e) {
      return DeleteSelection.failed(e.getMessage());
    }
    // A deterministic starting order (upstream's input is a Go map), then each class ordered by the policy.
    List<PoolMachine> all = new ArrayList<>(machines);
    all.sort(Comparator.comparing(PoolMachine::name));
    String policy = strategy.deletePolicy();

    List<PoolMachine> annotated = order(all.stream().filter(PoolMachine::deleteAnnotated).toList(), policy, random);
    List<PoolMachine> failed = annotatedFirst(order(all.stream().filter(PoolMachine::isFailed).toList(), policy, random));
    List<PoolMachine> deleting =
        annotatedFirst(order(all.stream().filter(PoolMachine::isAzureDeleting).toList(), policy, random));
    List<PoolMachine> ready = order(all.stream().filter(PoolMachine::isReadySucceeded).toList(), policy, random);
    List<PoolMachine> unready = order(all.stream().filter(PoolMachine::isUnready).toList(), policy, random);
    List<PoolMachine> withoutLatest = order(all.stream().filter(m -> !m.latestModelApplied()).toList(), policy, random);

    if (!failed.isEmpty() || !deleting.isEmpty()) {
      List<PoolMachine> out = new ArrayList<>(failed);
      out.addAll(deleting);
      return DeleteSelection.of(out, "delete every failed machine and every machine Azure is deleting");
    }
    if (!annotated.isEmpty()) {
      return DeleteSelection.of(annotated, "delete every machine annotated " + "cluster.x-k8s.io/delete-machine");
    }

    long readyNotLatest = ready.stream().filter(m -> !m.latestModelApplied()).count();
    long unreadyLatest = unready.stream().filter(PoolMachine::latestModelApplied).count();
    int protectedCount = rolloutInProgress ? (int) Math.min(readyNotLatest, unreadyLatest) : 0;
    int over = ready.size() + unready.size() - protectedCount - desired;

    if (over > 0) {
      return DeleteSelection.of(
          overProvisioned(over, ready, unready, withoutLatest, (int) unreadyLatest - protectedCount,
              skipModelReconciliation),
          "over-provisioned by " + over + " (" + ready.size() + " ready, " + unready.size() + " unready, "
              + protectedCount + " protected replacement(s), " + desired + " desired)");
    }
    if (ready.size() < desired) {
      return DeleteSelection.of(List.of(), "only " + ready.size() + " of " + desired
          + " desired machines are ready: never replace while under-provisioned");
    }
    if (skipModelReconciliation) {
      return DeleteSelection.of(List.of(), "model reconciliation is skipped (SkipMachinePoolModelReconciliation)");
    }
    if (withoutLatest.isEmpty()) {
      return DeleteSelection.of(List.of(), "every machine runs the latest model");
    }
    int budget = maxUnavailable > desired ? desired : ready.size() - desired + maxUnavailable;
    if (budget <= 0) {
      return DeleteSelection.of(List.of(), "no budget to replace old-model machines (maxUnavailable "
          + maxUnavailable + ")");
    }
    List<PoolMachine> out = new ArrayList<>();
    for (PoolMachine m : ready) {
      if (out.size() >= budget) {
        break;
      }
      if (!m.latestModelApplied()) {
        out.add(m);
      }
    }
    return DeleteSelection.of(out, "replace old-model machines within a budget of " + budget
        + " (maxUnavailable " + maxUnavailable + ")");
  }

  private static List<PoolMachine> overProvisioned(
      int over,
      List<PoolMachine> ready,
      List<PoolMachine> unready,
      List<PoolMachine> withoutLatest,
      int eligibleLatestStart,
      boolean skip) {
    List<PoolMachine> out = new ArrayList<>();
    if (skip) {
      int eligibleLatest = eligibleLatestStart;
      for (PoolMachine m : unready) {
        if (out.size() >= over) {
          return out;
        }
        if (m.latestModelApplied()) {
          if (eligibleLatest <= 0) {
            continue;
          }
          eligibleLatest--;
        }
        out.add(m);
      }
    } else {
      for (PoolMachine m : unready) { // A: old-model unready machines first
        if (out.size() >= over) {
          return out;
        }
        if (!m.latestModelApplied()) {
          out.add(m);
        }
      }
      int eligibleLatest = eligibleLatestStart;
      for (PoolMachine m : unready) { // B: latest-model unready machines a rollout does not protect
        if (out.size() >= over) {
          return out;
        }
        if (eligibleLatest <= 0) {
          break;
        }
        if (m.latestModelApplied()) {
          out.add(m);
          eligibleLatest--;
        }
      }
      for (PoolMachine m : withoutLatest) { // C: stale-model machines whose status says ready
        if (out.size() >= over) {
          return out;
        }
        if (m.ready()) {
          out.add(m);
        }
      }
    }
    for (PoolMachine m : ready) { // D: any ready machine (latest-model only without the skip gate)
      if (out.size() >= over) {
        return out;
      }
      if (skip || m.latestModelApplied()) {
        out.add(m);
      }
    }
    return out;
  }

  private static List<PoolMachine> order(List<PoolMachine> list, String policy, RandomGenerator random) {
    return DeleteOrder.order(list, policy, random);
  }

  /** A stable partition: delete-annotated machines first. */
  private static List<PoolMachine> annotatedFirst(List<PoolMachine> list) {
    List<PoolMachine> out = new ArrayList<>(list.stream().filter(PoolMachine::deleteAnnotated).toList());
    out.addAll(list.stream().filter(m -> !m.deleteAnnotated()).toList());
    return out;
  }
}
