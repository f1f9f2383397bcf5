package io.capi4j.providers.aws.api.v1beta2;

import java.util.List;

/** Constants of CAPA's API: group, version, kinds, annotations, tag keys, enumerations and feature gates. */
public final class Aws {
  private Aws() {}

  public static final String GROUP = "infrastructure.cluster.x-k8s.io";
  public static final String VERSION = "v1beta2";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** CAPA's feature gate for Ignition bootstrap data (Alpha, off by default). */
  public static final String FEATURE_BOOTSTRAP_FORMAT_IGNITION = "BootstrapFormatIgnition";
  /** CAPA's feature gate for one AWSMachine per ASG instance (Alpha, off by default). */
  public static final String FEATURE_MACHINE_POOL_MACHINES = "MachinePoolMachines";

  /** The annotation that records the tags last applied to the launch template and ASG (a JSON map). */
  public static final String LAST_APPLIED_TAGS_ANNOTATION = "sigs.k8s.io/cluster-api-provider-aws-last-applied-tags";
  /** The launch template tag naming the bootstrap data secret ({@code namespace/name}) of the latest version. */
  public static final String LAUNCH_TEMPLATE_BOOTSTRAP_DATA_SECRET_TAG = "sigs.k8s.io/cluster-api-provider-aws/bootstrap-data-secret";
  /** The launch template version tag holding the hash of the raw bootstrap data. */
  public static final String LAUNCH_TEMPLATE_BOOTSTRAP_DATA_HASH_TAG = "sigs.k8s.io/cluster-api-provider-aws/bootstrap-data-hash";

  public static final String MARKET_TYPE_ON_DEMAND = "OnDemand";
  public static final String MARKET_TYPE_SPOT = "Spot";
  public static final String MARKET_TYPE_CAPACITY_BLOCK = "CapacityBlock";

  public static final String CAPACITY_RESERVATION_PREFERENCE_NONE = "None";
  public static final String CAPACITY_RESERVATION_PREFERENCE_ONLY = "CapacityReservationsOnly";
  public static final String CAPACITY_RESERVATION_PREFERENCE_OPEN = "Open";

  public static final String CAPACITY_TYPE_ON_DEMAND = "onDemand";
  public static final String CAPACITY_TYPE_SPOT = "spot";

  /** The default AMI type of a managed node group. */
  public static final String AMI_TYPE_AL2_X86_64 = "AL2_x86_64";

  /** The AMI types an AWSManagedMachinePool accepts (CRD enum). */
  public static final List<String> AMI_TYPES =
      List.of("AL2_x86_64", "AL2_x86_64_GPU", "AL2_ARM_64", "CUSTOM", "BOTTLEROCKET_ARM_64", "BOTTLEROCKET_x86_64",
          "BOTTLEROCKET_ARM_64_FIPS", "BOTTLEROCKET_x86_64_FIPS", "BOTTLEROCKET_ARM_64_NVIDIA",
          "BOTTLEROCKET_x86_64_NVIDIA", "WINDOWS_CORE_2019_x86_64", "WINDOWS_FULL_2019_x86_64",
          "WINDOWS_CORE_2022_x86_64", "WINDOWS_FULL_2022_x86_64", "AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD",
          "AL2023_x86_64_NEURON", "AL2023_x86_64_NVIDIA", "AL2023_ARM_64_NVIDIA");
}
