package io.capi4j.providers.azure.api.v1beta1;

/**
 * The group, version, labels, annotations and enumerated values of CAPZ's {@code infrastructure.cluster.x-k8s.io/v1beta1}
 * kinds, with upstream's exact strings ({@code api/v1beta1/*}, {@code exp/api/v1beta1/*}).
 */
public final class Azure {
  private Azure() {}

  public static final String GROUP = "infrastructure.cluster.x-k8s.io";
  public static final String VERSION = "v1beta1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** The label the AKS defaulting webhook sets to the pool's mode. */
  public static final String LABEL_AGENT_POOL_MODE = "azuremanagedmachinepool.infrastructure.cluster.x-k8s.io/agentpoolmode";
  /** The label naming the AzureMachinePool an AzureMachinePoolMachine belongs to. */
  public static final String MACHINE_POOL_NAME_LABEL = "azuremachinepool.infrastructure.cluster.x-k8s.io/machine-pool";
  /** clusterctl's annotation on objects deleted by a move. */
  public static final String DELETE_FOR_MOVE_ANNOTATION = "clusterctl.cluster.x-k8s.io/delete-for-move";
  /** The node label prefix AKS reserves. */
  public static final String AZURE_SYSTEM_NODE_LABEL_PREFIX = "kubernetes.azure.com";
  /** The built-in Contributor role. */
  public static final String CONTRIBUTOR_ROLE_ID = "b24988ac-6180-42a0-ab88-20f7382dd24c";
  /** The prefix of Azure provider IDs. */
  public static final String PROVIDER_ID_PREFIX = "azure://";

  // VM identities.
  public static final String VM_IDENTITY_NONE = "None";
  public static final String VM_IDENTITY_SYSTEM_ASSIGNED = "SystemAssigned";
  public static final String VM_IDENTITY_USER_ASSIGNED = "UserAssigned";

  // OS types.
  public static final String LINUX = "Linux";
  public static final String WINDOWS = "Windows";

  // AKS node pool modes.
  public static final String NODE_POOL_MODE_SYSTEM = "System";
  public static final String NODE_POOL_MODE_USER = "User";

  // VMSS orchestration modes.
  public static final String ORCHESTRATION_UNIFORM = "Uniform";
  public static final String ORCHESTRATION_FLEXIBLE = "Flexible";

  // Boot diagnostics storage.
  public static final String DIAGNOSTICS_MANAGED = "Managed";
  public static final String DIAGNOSTICS_USER_MANAGED = "UserManaged";
  public static final String DIAGNOSTICS_DISABLED = "Disabled";

  // Spot eviction policies.
  public static final String SPOT_EVICTION_DEALLOCATE = "Deallocate";
  public static final String SPOT_EVICTION_DELETE = "Delete";

  // Security.
  public static final String SECURITY_TYPE_CONFIDENTIAL_VM = "ConfidentialVM";
  public static final String SECURITY_TYPE_TRUSTED_LAUNCH = "TrustedLaunch";
  public static final String ENCRYPTION_VM_GUEST_STATE_ONLY = "VMGuestStateOnly";
  public static final String ENCRYPTION_DISK_WITH_VM_GUEST_STATE = "DiskWithVMGuestState";

  // Disks: armcompute's PossibleCachingTypesValues and PossibleDiskStorageAccountTypesValues, in the SDK's order.
  public static final String CACHING_NONE = "None";
  public static final String CACHING_READ_ONLY = "ReadOnly";
  public static final String CACHING_READ_WRITE = "ReadWrite";
  public static final java.util.List<String> CACHING_TYPES = java.util.List.of(CACHING_NONE, CACHING_READ_ONLY, CACHING_READ_WRITE);
  public static final String ULTRA_SSD_LRS = "UltraSSD_LRS";
  public static final java.util.List<String> STORAGE_ACCOUNT_TYPES =
      java.util.List.of("Premium_LRS", "PremiumV2_LRS", "Premium_ZRS", "Standard_LRS", "StandardSSD_LRS", "StandardSSD_ZRS",
          ULTRA_SSD_LRS);
  public static final String DIFF_DISK_LOCAL = "Local";

  /** Provisioning states of Azure resources ({@code ProvisioningState}); {@code Deleted} is CAPZ's own. */
  public static final class ProvisioningState {
    private ProvisioningState() {}

    public static final String CREATING = "Creating";
    public static final String DELETING = "Deleting";
    public static final String FAILED = "Failed";
    public static final String MIGRATING = "Migrating";
    public static final String SUCCEEDED = "Succeeded";
    public static final String UPDATING = "Updating";
    public static final String CANCELED = "Canceled";
    public static final String DELETED = "Deleted";
  }
}
