package io.capi4j.api.core.v1beta2;

/**
 * The group, versions, labels, annotations, finalizers and condition names of {@code cluster.x-k8s.io/v1beta2},
 * with upstream's exact strings ({@code api/core/v1beta2/*_types.go}, {@code condition_consts.go}).
 */
public final class Capi {
  private Capi() {}

  public static final String GROUP = "cluster.x-k8s.io";
  public static final String VERSION = "v1beta2";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String BOOTSTRAP_GROUP = "bootstrap.cluster.x-k8s.io";
  public static final String INFRASTRUCTURE_GROUP = "infrastructure.cluster.x-k8s.io";
  public static final String CONTROLPLANE_GROUP = "controlplane.cluster.x-k8s.io";

  // Labels.
  public static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
  public static final String MACHINE_SET_NAME_LABEL = "cluster.x-k8s.io/set-name";
  public static final String MACHINE_DEPLOYMENT_NAME_LABEL = "cluster.x-k8s.io/deployment-name";
  public static final String MACHINE_POOL_NAME_LABEL = "cluster.x-k8s.io/pool-name";
  public static final String MACHINE_CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";
  public static final String MACHINE_CONTROL_PLANE_NAME_LABEL = "cluster.x-k8s.io/control-plane-name";
  public static final String MACHINE_DEPLOYMENT_UNIQUE_LABEL = "machine-template-hash";
  public static final String INTERRUPTIBLE_LABEL = "cluster.x-k8s.io/interruptible";
  public static final String WATCH_LABEL = "cluster.x-k8s.io/watch-filter";

  // Annotations.
  public static final String CLUSTER_NAME_ANNOTATION = "cluster.x-k8s.io/cluster-name";
  public static final String CLUSTER_NAMESPACE_ANNOTATION = "cluster.x-k8s.io/cluster-namespace";
  public static final String MACHINE_ANNOTATION = "cluster.x-k8s.io/machine";
  public static final String OWNER_KIND_ANNOTATION = "cluster.x-k8s.io/owner-kind";
  public static final String OWNER_NAME_ANNOTATION = "cluster.x-k8s.io/owner-name";
  public static final String REVISION_ANNOTATION = "machinedeployment.clusters.x-k8s.io/revision";
  public static final String REVISION_HISTORY_ANNOTATION = "machinedeployment.clusters.x-k8s.io/revision-history";
  public static final String DESIRED_REPLICAS_ANNOTATION = "machinedeployment.clusters.x-k8s.io/desired-replicas";
  public static final String MAX_REPLICAS_ANNOTATION = "machinedeployment.clusters.x-k8s.io/max-replicas";
  public static final String DELETE_MACHINE_ANNOTATION = "cluster.x-k8s.io/delete-machine";
  public static final String PAUSED_ANNOTATION = "cluster.x-k8s.io/paused";
  public static final String DISABLE_MACHINE_CREATE_ANNOTATION = "cluster.x-k8s.io/disable-machine-create";
  public static final String MACHINE_SKIP_REMEDIATION_ANNOTATION = "cluster.x-k8s.io/skip-remediation";
  public static final String REMEDIATE_MACHINE_ANNOTATION = "cluster.x-k8s.io/remediate-machine";
  public static final String MACHINE_SET_SKIP_PREFLIGHT_CHECKS_ANNOTATION =
      "machineset.cluster.x-k8s.io/skip-preflight-checks";
  public static final String REPLICAS_MANAGED_BY_ANNOTATION = "cluster.x-k8s.io/replicas-managed-by";
  public static final String AUTOSCALER_MIN_SIZE_ANNOTATION =
      "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
  public static final String AUTOSCALER_MAX_SIZE_ANNOTATION =
      "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
  public static final String TEMPLATE_CLONED_FROM_NAME_ANNOTATION = "cluster.x-k8s.io/cloned-from-name";
  public static final String TEMPLATE_CLONED_FROM_GROUP_KIND_ANNOTATION = "cluster.x-k8s.io/cloned-from-groupkind";
  public static final String MANAGED_BY_ANNOTATION = "cluster.x-k8s.io/managed-by";
  public static final String CLUSTER_TOPOLOGY_UPGRADE_STEP_ANNOTATION = "topology.internal.cluster.x-k8s.io/upgrade-step";
  public static final String EXCLUDE_NODE_DRAINING_ANNOTATION = "machine.cluster.x-k8s.io/exclude-node-draining";
  public static final String EXCLUDE_WAIT_FOR_NODE_VOLUME_DETACH_ANNOTATION =
      "machine.cluster.x-k8s.io/exclude-wait-for-node-volume-detach";
  public static final String PRE_DRAIN_DELETE_HOOK_ANNOTATION_PREFIX = "pre-drain.delete.hook.machine.cluster.x-k8s.io";
  public static final String PRE_TERMINATE_DELETE_HOOK_ANNOTATION_PREFIX =
      "pre-terminate.delete.hook.machine.cluster.x-k8s.io";
  public static final String UPDATE_IN_PROGRESS_ANNOTATION = "in-place-updates.internal.cluster.x-k8s.io/update-in-progress";
  public static final String PENDING_ACKNOWLEDGE_MOVE_ANNOTATION =
      "in-place-updates.internal.cluster.x-k8s.io/pending-acknowledge-move";
  public static final String MOVE_MACHINES_TO_MACHINE_SET_ANNOTATION =
      "in-place-updates.internal.cluster.x-k8s.io/move-machines-to-machineset";
  public static final String RECEIVE_MACHINES_FROM_MACHINE_SETS_ANNOTATION =
      "in-place-updates.internal.cluster.x-k8s.io/receive-machines-from-machinesets";
  public static final String ACKNOWLEDGED_MOVE_ANNOTATION = "in-place-updates.internal.cluster.x-k8s.io/acknowledged-move";
  public static final String PENDING_HOOKS_ANNOTATION = "runtime.cluster.x-k8s.io/pending-hooks";
  public static final String CONVERSION_DATA_ANNOTATION = "cluster.x-k8s.io/conversion-data";
  public static final String LAST_APPLIED_CONFIGURATION_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

  // Taints.
  public static final String NODE_UNINITIALIZED_TAINT_KEY = "node.cluster.x-k8s.io/uninitialized";
  public static final String NODE_OUTDATED_REVISION_TAINT_KEY = "node.cluster.x-k8s.io/outdated-revision";

  // Finalizers.
  public static final String MACHINE_FINALIZER = "machine.cluster.x-k8s.io";
  public static final String MACHINE_SET_FINALIZER = "cluster.x-k8s.io/machineset";
  public static final String MACHINE_DEPLOYMENT_FINALIZER = "cluster.x-k8s.io/machinedeployment";
  public static final String MACHINE_POOL_FINALIZER = "machinepool.cluster.x-k8s.io";

  /** Condition types shared by the worker objects. */
  public static final class Conditions {
    private Conditions() {}

    public static final String AVAILABLE = "Available";
    public static final String READY = "Ready";
    public static final String UP_TO_DATE = "UpToDate";
    public static final String UPDATING = "Updating";
    public static final String BOOTSTRAP_CONFIG_READY = "BootstrapConfigReady";
    public static final String INFRASTRUCTURE_READY = "InfrastructureReady";
    public static final String NODE_READY = "NodeReady";
    public static final String NODE_HEALTHY = "NodeHealthy";
    public static final String MACHINES_READY = "MachinesReady";
    public static final String MACHINES_UP_TO_DATE = "MachinesUpToDate";
    public static final String ROLLING_OUT = "RollingOut";
    public static final String SCALING_UP = "ScalingUp";
    public static final String SCALING_DOWN = "ScalingDown";
    public static final String REMEDIATING = "Remediating";
    public static final String DELETING = "Deleting";
    public static final String PAUSED = "Paused";
    public static final String HEALTH_CHECK_SUCCEEDED = "HealthCheckSucceeded";
    public static final String OWNER_REMEDIATED = "OwnerRemediated";
    public static final String EXTERNALLY_REMEDIATED = "ExternallyRemediated";
    public static final String REMEDIATION_ALLOWED = "RemediationAllowed";
    public static final String CONTROL_PLANE_INITIALIZED = "ControlPlaneInitialized";
  }

  /** Condition reasons shared by the worker objects. */
  public static final class Reasons {
    private Reasons() {}

    public static final String AVAILABLE = "Available";
    public static final String NOT_AVAILABLE = "NotAvailable";
    public static final String READY = "Ready";
    public static final String NOT_READY = "NotReady";
    public static final String READY_UNKNOWN = "ReadyUnknown";
    public static final String UP_TO_DATE = "UpToDate";
    public static final String NOT_UP_TO_DATE = "NotUpToDate";
    public static final String UP_TO_DATE_UNKNOWN = "UpToDateUnknown";
    public static final String UPDATING = "Updating";
    public static final String NO_REPLICAS = "NoReplicas";
    public static final String ROLLING_OUT = "RollingOut";
    public static final String NOT_ROLLING_OUT = "NotRollingOut";
    public static final String SCALING_UP = "ScalingUp";
    public static final String NOT_SCALING_UP = "NotScalingUp";
    public static final String SCALING_DOWN = "ScalingDown";
    public static final String NOT_SCALING_DOWN = "NotScalingDown";
    public static final String REMEDIATING = "Remediating";
    public static final String NOT_REMEDIATING = "NotRemediating";
    public static final String DELETING = "Deleting";
    public static final String NOT_DELETING = "NotDeleting";
    public static final String DELETION_COMPLETED = "DeletionCompleted";
    public static final String PAUSED = "Paused";
    public static final String NOT_PAUSED = "NotPaused";
    public static final String WAITING_FOR_REPLICAS_SET = "WaitingForReplicasSet";
    public static final String WAITING_FOR_AVAILABLE_REPLICAS_SET = "WaitingForAvailableReplicasSet";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String WAITING_FOR_MIN_READY_SECONDS = "WaitingForMinReadySeconds";
    // HealthCheckSucceeded.
    public static final String HEALTH_CHECK_SUCCEEDED = "HealthCheckSucceeded";
    public static final String UNHEALTHY_NODE = "UnhealthyNode";
    public static final String UNHEALTHY_MACHINE = "UnhealthyMachine";
    public static final String NODE_STARTUP_TIMEOUT = "NodeStartupTimeout";
    public static final String NODE_DELETED = "NodeDeleted";
    public static final String HAS_REMEDIATE_ANNOTATION = "HasRemediateAnnotation";
    // OwnerRemediated / ExternallyRemediated.
    public static final String WAITING_FOR_REMEDIATION = "WaitingForRemediation";
    public static final String CANNOT_BE_REMEDIATED = "CannotBeRemediated";
    public static final String REMEDIATION_DEFERRED = "RemediationDeferred";
    public static final String MACHINE_DELETING = "MachineDeleting";
    public static final String REMEDIATION_TEMPLATE_NOT_FOUND = "RemediationTemplateNotFound";
    public static final String REMEDIATION_REQUEST_CREATION_FAILED = "RemediationRequestCreationFailed";
    // RemediationAllowed.
    public static final String REMEDIATION_ALLOWED = "RemediationAllowed";
    public static final String TOO_MANY_UNHEALTHY = "TooManyUnhealthy";
  }
}
