package io.capi4j.providers.azure.agentpools;

import io.capi4j.providers.azure.api.v1beta1.ManagedMachinePoolScaling;
import io.capi4j.util.Semver;
import java.util.List;
import java.util.Optional;

/**
 * CAPZ's pure decisions for AKS agent pools (AzureManagedMachinePool): replicas to {@code count}, autoscaling,
 * versions and what is written back on the MachinePool ({@code azure/scope/managedmachinepool.go},
 * {@code azure/services/agentpools/{spec.go,agentpools.go}}).
 */
public final class AgentPoolDecisions {
  private AgentPoolDecisions() {}

  /** The annotation value CAPZ writes when AKS's autoscaler owns the replicas. */
  public static final String REPLICAS_MANAGED_BY_AKS = "true";

  /** The controller requeues after this many seconds while the agent pool's VMSS cannot be found. */
  public static final int VMSS_NOT_FOUND_REQUEUE_SECONDS = 20;

  /**
   * {@code buildAgentPoolSpec}: replicas (nil as 1), autoscaling from {@code spec.scaling}, and the desired version:
   * the higher of the MachinePool's version and the control plane's {@code autoUpgradeVersion}, {@code v} stripped.
   */
  public static AgentPoolSpec buildSpec(
      Optional<Integer> machinePoolReplicas,
      Optional<ManagedMachinePoolScaling> scaling,
      Optional<String> machinePoolVersion,
      Optional<String> autoUpgradeVersion) {
    Optional<String> version = higher(machinePoolVersion, autoUpgradeVersion).map(AgentPoolDecisions::stripV);
    return new AgentPoolSpec(
        machinePoolReplicas.orElse(1),
        scaling.isPresent(),
        scaling.flatMap(ManagedMachinePoolScaling::minSize),
        scaling.flatMap(ManagedMachinePoolScaling::maxSize),
        version);
  }

  /**
   * {@code AgentPoolSpec.Parameters}: {@code count} is the replicas, except that an autoscaled pool keeps AKS's
   * {@code status.count} so as not to fight its autoscaler; the version is never downgraded.
   */
  public static AgentPoolParameters parameters(AgentPoolSpec spec, Optional<ExistingAgentPool> existing) {
    int count = spec.replicas();
    if (spec.enableAutoScaling() && existing.flatMap(ExistingAgentPool::statusCount).isPresent()) {
      count = existing.get().statusCount().get();
    }
    Optional<String> version = higher(spec.version(), existing.flatMap(ExistingAgentPool::orchestratorVersion));
    return new AgentPoolParameters(count, spec.enableAutoScaling(), spec.minCount(), spec.maxCount(), version);
  }

  /**
   * {@code postCreateOrUpdateResourceHook}: with autoscaling on, mark the MachinePool's replicas as managed
   * ({@code "true"}) and copy AKS's count into {@code spec.replicas}; with it off, remove the annotation.
   */
  public static MachinePoolReplicasUpdate afterCreateOrUpdate(boolean statusEnableAutoScaling, Optional<Integer> statusCount) {
    if (statusEnableAutoScaling) {
      return new MachinePoolReplicasUpdate(Optional.of(REPLICAS_MANAGED_BY_AKS), statusCount);
    }
    return new MachinePoolReplicasUpdate(Optional.empty(), Optional.empty());
  }

  /**
   * The AzureManagedMachinePool status from the agent pool's VMSS instances: {@code replicas} is their count,
   * {@code providerIDList} their sorted provider IDs, and the pool is ready.
   */
  public static List<String> providerIDList(List<String> instanceProviderIDs) {
    return instanceProviderIDs.stream().sorted().toList();
  }

  /**
   * CAPZ's {@code versions.GetHigherK8sVersion}: the higher of two versions by semver (tolerant parsing); when only
   * one is present, that one. Unparseable versions lose to parseable ones.
   */
  public static Optional<String> higher(Optional<String> a, Optional<String> b) {
    Optional<String> x = a.filter(s -> !s.isEmpty());
    Optional<String> y = b.filter(s -> !s.isEmpty());
    if (x.isEmpty()) {
      return y;
    }
    if (y.isEmpty()) {
      return x;
    }
    Optional<Semver> vx = Semver.parseTolerant(x.get());
    Optional<Semver> vy = Semver.parseTolerant(y.get());
    if (vx.isEmpty()) {
      return vy.isPresent() ? y : x;
    }
    if (vy.isEmpty()) {
      return x;
    }
    return vx.get().compareTo(vy.get()) >= 0 ? x : y;
  }

  static String stripV(String v) {
    return v.startsWith("v") ? v.substring(1) : v;
  }
}
