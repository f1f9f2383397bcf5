package io.capi4j.providers.azure.pools;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.cloud.Instance;
import io.capi4j.cloud.InstanceModel;
import io.capi4j.cloud.InstanceState;
import io.capi4j.cloud.RollingReplacement;
import io.capi4j.cloud.ScalingGroup;
import io.capi4j.providers.azure.agentpools.AgentPoolDecisions;
import io.capi4j.providers.azure.agentpools.AgentPoolParameters;
import io.capi4j.providers.azure.agentpools.AgentPoolSpec;
import io.capi4j.providers.azure.agentpools.ExistingAgentPool;
import io.capi4j.providers.azure.agentpools.MachinePoolReplicasUpdate;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePool;
import io.capi4j.providers.azure.api.v1beta1.AzureManagedMachinePoolStatus;
import io.capi4j.spi.CloudAction;
import io.capi4j.spi.PoolInstance;
import io.capi4j.spi.PoolObservation;
import io.capi4j.spi.PoolPlan;
import io.capi4j.spi.PoolPlanner;
import io.capi4j.simulation.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CAPZ's AzureManagedMachinePool reconcile ({@code azure/scope/managedmachinepool.go},
 * {@code azure/services/agentpools}, {@code controllers/azuremanagedmachinepool_reconciler.go}) as a pure
 * {@link PoolPlanner}: one AKS agent pool, seen through the cloud port as a scaling group named after the
 * AzureManagedMachinePool.
 *
 * <ul>
 *   <li>{@code count} = {@code MachinePool.spec.replicas} (nil as 1); with {@code spec.scaling} AKS's autoscaler owns
 *       the count, so an existing pool keeps its own and CAPZ copies it back into {@code MachinePool.spec.replicas}
 *       ({@link PoolPlan#replicasToCopyBack()}); CAPZ also sets the MachinePool annotation
 *       {@code cluster.x-k8s.io/replicas-managed-by: "true"}, which a {@link PoolPlan} cannot express: the step
 *       records it;
 *   <li>{@code orchestratorVersion} = the MachinePool's version, never lower than the pool's
 *       ({@link AgentPoolDecisions#parameters});
 *   <li>a version change is rolled by AKS itself: the agent pool's model is updated
 *       ({@link CloudAction.UpdateModel}) and AKS replaces every node, surging by one node at a time (AKS's default
 *       {@code maxSurge} of 1; CAPZ exposes no upgrade settings). capi4j models it with the cloud's own rolling
 *       replacement ({@link CloudAction.StartRollingReplacement}): min healthy 100%, max healthy 100% plus one node
 *       ({@link #surgePercent}), and a warm-up of {@value #UPGRADE_WARMUP_SECONDS}s standing for AKS waiting until
 *       the surge node is Ready before it drains an old one;
 *   <li>status: {@code spec.providerIDList} = the pool's instances' provider IDs, sorted; {@code status.replicas} =
 *       their count; {@code status.ready} = true once the pool's VMSS is found (CAPZ requeues after
 *       {@value AgentPoolDecisions#VMSS_NOT_FOUND_REQUEUE_SECONDS}s until then).
 * </ul>
 */
public final class AzureManagedMachinePoolPlanner implements PoolPlanner {
  /** Model attribute: the agent pool's {@code orchestratorVersion} (without {@code v}). */
  public static final String ORCHESTRATOR_VERSION = "orchestratorVersion";
  /** Model attribute: the VM size. */
  public static final String VM_SIZE = "vmSize";
  /** Model attribute: {@code enableAutoScaling}. */
  public static final String ENABLE_AUTO_SCALING = "enableAutoScaling";
  /** Model attribute: {@code minCount}. */
  public static final String MIN_COUNT = "minCount";
  /** Model attribute: {@code maxCount}. */
  public static final String MAX_COUNT = "maxCount";
  /** AKS's default upgrade surge: one extra node. */
  public static final int DEFAULT_SURGE_NODES = 1;
  /**
   * Seconds a surge node runs before AKS drains and removes an old one: it stands for the new node registering and
   * turning Ready. An initial figure, to be calibrated.
   */
  public static final int UPGRADE_WARMUP_SECONDS = 40;
  /** Requeue while the agent pool is changing (CAPZ's requeue of a long-running operation that is not done). */
  public static final Duration OPERATION_REQUEUE = Duration.ofSeconds(15);

  @Override
  public PoolPlan plan(PoolObservation obs) {
    Optional<AzureManagedMachinePool> decoded =
        AzureObjects.as(obs.infraPool(), AzureManagedMachinePool.class, AzureManagedMachinePool.KIND);
    if (decoded.isEmpty()) {
      return PoolPlan.builder().infraPool(obs.infraPool())
          .addSteps("error: the InfraMachinePool is not an AzureManagedMachinePool: nothing to do").build();
    }
    AzureManagedMachinePool ammp = decoded.get();
    MachinePool mp = obs.machinePool();
    String groupId = ammp.name();
    Optional<ScalingGroup> group = obs.scalingGroup();
    var plan = PoolPlan.builder();
    List<String> steps = new ArrayList<>();
    AzureManagedMachinePoolStatus status = ammp.status().orElse(AzureManagedMachinePoolStatus.builder().build());

    if (ammp.isDeleting()) {
      if (group.isPresent()) {
        plan.addCloudActions(new CloudAction.DeleteGroup(groupId, "the AzureManagedMachinePool is being deleted: delete agent pool " + groupId));
      }
      steps.add("AzureManagedMachinePool is being deleted");
      return plan.infraPool(ammp).steps(steps).build();
    }

    Optional<String> mpVersion = Optional.of(mp.spec().templateOrEmpty().specOrEmpty().version()).filter(v -> !v.isEmpty());
    AgentPoolSpec spec = AgentPoolDecisions.buildSpec(mp.spec().replicas(), ammp.spec().scaling(), mpVersion, Optional.empty());
    Optional<ExistingAgentPool> existing = group.map(g -> new ExistingAgentPool(Optional.of(g.capacity()),
        Optional.ofNullable(g.model().attributes().get(ORCHESTRATOR_VERSION)).filter(v -> !v.isEmpty()),
        "true".equals(g.model().attributes().get(ENABLE_AUTO_SCALING))));
    AgentPoolParameters params = AgentPoolDecisions.parameters(spec, existing);
    InstanceModel model = model(params, ammp.spec().sku());
    List<String> zones = ammp.spec().availabilityZones();

    if (group.isEmpty()) {
      plan.addCloudActions(new CloudAction.CreateGroup(groupId, params.count(), model, zones,
          "create agent pool " + groupId + " with count " + params.count()
              + params.orchestratorVersion().map(v -> ", orchestratorVersion " + v).orElse("")
              + (params.enableAutoScaling() ? ", autoscaling " + bounds(params) : "")));
      steps.add("no agent pool yet: create it with count " + params.count()
          + (spec.enableAutoScaling() ? " (autoscaling on: AKS owns the count from now on)" : ""));
      steps.add("the agent pool's VMSS is not found yet: requeue after "
          + AgentPoolDecisions.VMSS_NOT_FOUND_REQUEUE_SECONDS + "s");
      return plan.infraPool(ammp.withStatus(status.withReady(false)))
          .requeueAfter(Duration.ofSeconds(AgentPoolDecisions.VMSS_NOT_FOUND_REQUEUE_SECONDS))
          .steps(steps).build();
    }

    ScalingGroup g = group.get();
    boolean acted = false;
    Optional<String> oldVersion = existing.get().orchestratorVersion();
    boolean versionChanged = params.orchestratorVersion().isPresent() && !params.orchestratorVersion().equals(oldVersion);
    if (spec.version().isPresent() && !spec.version().equals(params.orchestratorVersion())) {
      steps.add("orchestratorVersion stays " + params.orchestratorVersion().get() + ": never downgraded to "
          + spec.version().get());
    }
    boolean settingsChanged = !model.attributes().equals(g.model().attributes());
    if (settingsChanged) {
      plan.addCloudActions(new CloudAction.UpdateModel(groupId, model, versionChanged
          ? "orchestratorVersion " + oldVersion.orElse("(none)") + " -> " + params.orchestratorVersion().get()
              + ": update the agent pool; AKS upgrades its nodes itself"
          : "update the agent pool's settings (autoscaling " + params.enableAutoScaling() + " " + bounds(params) + ")"));
      steps.add("update the agent pool: " + (versionChanged ? "Kubernetes version change" : "settings change"));
      acted = true;
    }
    Optional<RollingReplacement> running = g.rollingReplacement()
        .filter(r -> r.status().equals("InProgress") || r.status().equals("Pending"));
    boolean stale = g.instances().stream().anyMatch(i -> i.state() != InstanceState.DELETING
        && !i.modelVersion().equals(model.version()));
    if ((versionChanged || stale) && running.isEmpty()) {
      int count = Math.max(1, params.count());
      plan.addCloudActions(new CloudAction.StartRollingReplacement(groupId, 100, 100 + surgePercent(count),
          UPGRADE_WARMUP_SECONDS, "AKS rolls the node image/version itself: surge " + DEFAULT_SURGE_NODES
              + " node (AKS's default maxSurge), replace old nodes one at a time (modelled as a rolling replacement,"
              + " min healthy 100%, max healthy " + (100 + surgePercent(count)) + "%)"));
      steps.add((versionChanged ? "start" : "resume") + " AKS's node upgrade: surge by one node at a time");
      acted = true;
    } else if (running.isPresent()) {
      steps.add("AKS's node upgrade is in progress: wait");
    }
    if (params.count() != g.capacity()) {
      plan.addCloudActions(new CloudAction.SetCapacity(groupId, params.count(),
          "agent pool count " + g.capacity() + " -> " + params.count() + " (MachinePool.spec.replicas)"));
      steps.add("scale the agent pool to " + params.count());
      acted = true;
    } else if (params.enableAutoScaling()) {
      steps.add("autoscaling on: keep AKS's count " + g.capacity());
    }

    // postCreateOrUpdateResourceHook
    MachinePoolReplicasUpdate after = AgentPoolDecisions.afterCreateOrUpdate(params.enableAutoScaling(), Optional.of(g.capacity()));
    if (after.replicasManagedBy().isPresent()) {
      String current = mp.annotations().get(Capi.REPLICAS_MANAGED_BY_ANNOTATION);
      if (!after.replicasManagedBy().get().equals(current)) {
        steps.add("set MachinePool annotation " + Capi.REPLICAS_MANAGED_BY_ANNOTATION + "=\""
            + after.replicasManagedBy().get() + "\" (not expressible in a PoolPlan: recorded only)");
      }
      after.replicas().filter(r -> !mp.spec().replicas().equals(Optional.of(r))).ifPresent(r -> {
        plan.replicasToCopyBack(r);
        steps.add("autoscaling on: copy AKS's count " + r + " into MachinePool.spec.replicas");
      });
    } else if (mp.annotations().containsKey(Capi.REPLICAS_MANAGED_BY_ANNOTATION)) {
      steps.add("autoscaling off: remove MachinePool annotation " + Capi.REPLICAS_MANAGED_BY_ANNOTATION
          + " (not expressible in a PoolPlan: recorded only)");
    }

    List<String> ids = AgentPoolDecisions.providerIDList(g.instances().stream().map(Instance::providerID).toList());
    status = status.withReplicas(g.instances().size()).withReady(true);
    ammp = ammp.withSpec(ammp.spec().withProviderIDList(ids)).withStatus(status);
    steps.add("status: " + ids.size() + " instance(s), ready");
    for (Instance i : g.instances()) {
      plan.addInstances(PoolInstance.builder().providerID(i.providerID())
          .upToDate(i.modelVersion().equals(model.version()))
          .running(i.state() == InstanceState.RUNNING).zone(i.zone()).build());
    }
    boolean busy = acted
        || g.instances().stream().anyMatch(i -> i.state() == InstanceState.CREATING || i.state() == InstanceState.DELETING)
        || g.instances().stream().filter(i -> i.state() != InstanceState.DELETING).count() != g.capacity()
        || running.isPresent() || stale;
    if (busy) {
      plan.requeueAfter(OPERATION_REQUEUE);
      steps.add("the agent pool is changing: requeue after " + OPERATION_REQUEUE.toSeconds() + "s");
    }
    return plan.infraPool(ammp).steps(steps).build();
  }

  /**
   * The max healthy percentage that lets the cloud run exactly one node above {@code count}: the smallest
   * {@code p} with {@code floor(count * (100 + p) / 100) >= count + 1}. For pools above 100 nodes the percentage's
   * granularity may allow a little more.
   */
  public static int surgePercent(int count) {
    return Math.min(100, (100 * DEFAULT_SURGE_NODES + count - 1) / count);
  }

  /** The agent pool's model: its version and VM size make the version; autoscaling settings ride along. */
  static InstanceModel model(AgentPoolParameters p, String vmSize) {
    Map<String, String> versioned = new LinkedHashMap<>();
    p.orchestratorVersion().ifPresent(v -> versioned.put(ORCHESTRATOR_VERSION, v));
    versioned.put(VM_SIZE, vmSize);
    String version = VmssCloudModel.version(versioned);
    Map<String, String> attrs = new LinkedHashMap<>(versioned);
    p.orchestratorVersion().ifPresent(v -> attrs.put(Simulation.KUBERNETES_VERSION, "v" + v));
    attrs.put(ENABLE_AUTO_SCALING, Boolean.toString(p.enableAutoScaling()));
    p.minCount().ifPresent(v -> attrs.put(MIN_COUNT, Integer.toString(v)));
    p.maxCount().ifPresent(v -> attrs.put(MAX_COUNT, Integer.toString(v)));
    return InstanceModel.of(version, attrs);
  }

  private static String bounds(AgentPoolParameters p) {
    return "[" + p.minCount().map(String::valueOf).orElse("-") + ", " + p.maxCount().map(String::valueOf).orElse("-") + "]";
  }

}
