package io.capi4j.providers.azure.vmss;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.providers.azure.api.v1beta1.Azure;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure decisions of CAPZ's AzureMachinePool scope ({@code azure/scope/machinepool.go}) and controller, on main
 * after v1.26.0: rollout detection, the {@code lastReconciledReplicas} rule, requeueing, status conditions,
 * autoscaler handling and zones.
 */
public final class PoolDecisions {
  private PoolDecisions() {}

  /** Condition types and reasons of {@code api/v1beta1/conditions_consts.go}. */
  public static final String SCALE_SET_RUNNING = "ScaleSetRunning";
  public static final String SCALE_SET_MODEL_UPDATED = "ScaleSetModelUpdated";
  public static final String SCALE_SET_DESIRED_REPLICAS = "ScaleSetDesiredReplicas";
  public static final String SCALE_SET_CREATING = "ScaleSetCreating";
  public static final String SCALE_SET_DELETING = "ScaleSetDeleting";
  public static final String SCALE_SET_PROVISION_FAILED = "ScaleSetProvisionFailed";
  public static final String SCALE_SET_MODEL_OUT_OF_DATE = "ScaleSetModelOutOfDate";
  public static final String SCALE_SET_SCALING_UP = "ScaleSetScalingUp";
  public static final String SCALE_SET_SCALING_DOWN = "ScaleSetScalingDown";

  /** The AzureMachinePool controller requeues after this many seconds when {@link #needsRequeue} is true. */
  public static final int REQUEUE_SECONDS = 30;

  /**
   * {@code RolloutInProgress}: false without a known VMSS, false during an explicit scale-down (desired below
   * {@code lastReconciledReplicas}), else whether some instance is not on the latest model.
   */
  public static boolean rolloutInProgress(Optional<Vmss> vmss, int desired, Optional<Integer> lastReconciledReplicas) {
    if (vmss.isEmpty()) {
      return false;
    }
    if (lastReconciledReplicas.isPresent() && desired < lastReconciledReplicas.get()) {
      return false;
    }
    return !vmss.get().hasLatestModelAppliedToAll();
  }

  /**
   * The new {@code status.lastReconciledReplicas}: {@code desired} once the pool has converged (the existing
   * machines less those being deleted are at most {@code desired}), else unchanged.
   */
  public static Optional<Integer> lastReconciledReplicas(Optional<Integer> current, int existingMachines, int toDelete, int desired) {
    return existingMachines - toDelete <= desired ? Optional.of(desired) : current;
  }

  /**
   * {@code NeedsRequeue}. Without a VMSS it is true only for a terminal state (this looks inverted, and is what
   * CAPZ does); with one, true while some instance is on an old model (unless the skip gate is on), the state is
   * unknown or not terminal, or the instance count differs from {@code desired}.
   *
   * @param provisioningState the AzureMachinePool's {@code status.provisioningState}
   */
  public static boolean needsRequeue(Optional<String> provisioningState, Optional<Vmss> vmss, int desired, boolean skipModelReconciliation) {
    if (vmss.isEmpty()) {
      return provisioningState.isPresent() && isTerminal(provisioningState.get());
    }
    if (!skipModelReconciliation && !vmss.get().hasLatestModelAppliedToAll()) {
      return true;
    }
    return provisioningState.isEmpty() || !isTerminal(provisioningState.get()) || vmss.get().instances().size() != desired;
  }

  static boolean isTerminal(String state) {
    return state.equals(Azure.ProvisioningState.FAILED) || state.equals(Azure.ProvisioningState.SUCCEEDED);
  }

  /**
   * {@code setProvisioningStateAndConditions}: the AzureMachinePool's provisioning state, readiness and conditions
   * from the VMSS state. It runs before the replica count is refreshed, so {@code statusReplicas} is last loop's.
   *
   * @param vmssState the VMSS provisioning state
   * @param specReplicas {@code MachinePool.spec.replicas} (nil as 0)
   * @param statusReplicas {@code AzureMachinePool.status.replicas} from the previous loop
   */
  public static ScaleSetStatus provisioningStatus(String vmssState, int specReplicas, int statusReplicas) {
    switch (vmssState) {
      case Azure.ProvisioningState.SUCCEEDED:
        if (specReplicas == statusReplicas) {
          return new ScaleSetStatus(vmssState, Optional.of(true), List.of(
              ScaleSetCondition.isTrue(SCALE_SET_RUNNING),
              ScaleSetCondition.isTrue(SCALE_SET_MODEL_UPDATED),
              ScaleSetCondition.isTrue(SCALE_SET_DESIRED_REPLICAS)));
        }
        return new ScaleSetStatus(Azure.ProvisioningState.UPDATING, Optional.of(true), List.of(
            ScaleSetCondition.isFalse(SCALE_SET_DESIRED_REPLICAS,
                specReplicas > statusReplicas ? SCALE_SET_SCALING_UP : SCALE_SET_SCALING_DOWN)));
      case Azure.ProvisioningState.UPDATING:
        return new ScaleSetStatus(vmssState, Optional.of(true),
            List.of(ScaleSetCondition.isFalse(SCALE_SET_MODEL_UPDATED, SCALE_SET_MODEL_OUT_OF_DATE)));
      case Azure.ProvisioningState.CREATING:
        return notRunning(vmssState, SCALE_SET_CREATING, Optional.of(false));
      case Azure.ProvisioningState.DELETING:
        return notRunning(vmssState, SCALE_SET_DELETING, Optional.of(false));
      case Azure.ProvisioningState.FAILED:
        return notRunning(vmssState, SCALE_SET_PROVISION_FAILED, Optional.of(false));
      case Azure.ProvisioningState.CANCELED:
      case Azure.ProvisioningState.DELETED:
        return notRunning(vmssState, vmssState, Optional.of(false));
      default:
        return notRunning(vmssState, vmssState, Optional.empty());
    }
  }

  private static ScaleSetStatus notRunning(String state, String reason, Optional<Boolean> ready) {
    return new ScaleSetStatus(state, ready, List.of(ScaleSetCondition.isFalse(SCALE_SET_RUNNING, reason)));
  }

  /**
   * CAPI's {@code ReplicasManagedByExternalAutoscaler}: the MachinePool annotation
   * {@code cluster.x-k8s.io/replicas-managed-by} is present with any value but {@code "false"}.
   */
  public static boolean externallyManaged(Map<String, String> machinePoolAnnotations) {
    String v = machinePoolAnnotations.get(Capi.REPLICAS_MANAGED_BY_ANNOTATION);
    return v != null && !v.equals("false");
  }

  /**
   * {@code ReconcileReplicas}: when an autoscaler owns the replicas, the VMSS capacity is copied back into
   * {@code MachinePool.spec.replicas} whenever they differ.
   *
   * @return the new {@code spec.replicas}, or empty to leave it
   */
  public static Optional<Integer> replicasFromCapacity(boolean externallyManaged, Optional<Integer> replicas, long vmssCapacity) {
    if (!externallyManaged) {
      return Optional.empty();
    }
    if (replicas.isPresent() && replicas.get() == vmssCapacity) {
      return Optional.empty();
    }
    return Optional.of((int) vmssCapacity);
  }

  /** The surge CAPZ computes once per reconcile ({@code MachinePoolScope.MaxSurge}). */
  public static int maxSurge(RollingUpdateStrategy strategy, int desired) {
    return strategy.surge(desired);
  }

  /** The VMSS zones: the MachinePool's failure domains, in order (one VMSS spans them; Azure spreads instances). */
  public static List<String> zones(List<String> failureDomains) {
    return List.copyOf(failureDomains);
  }

  /** {@code zoneBalance} as sent: dropped when the MachinePool has at most one failure domain. */
  public static Optional<Boolean> zoneBalance(Optional<Boolean> zoneBalance, List<String> failureDomains) {
    return failureDomains.size() <= 1 ? Optional.empty() : zoneBalance;
  }

  /** {@code platformFaultDomainCount} as sent: Flexible mode defaults it to 1. */
  public static Optional<Integer> platformFaultDomainCount(Optional<Integer> count, boolean flexible) {
    return count.isPresent() || !flexible ? count : Optional.of(1);
  }
}
