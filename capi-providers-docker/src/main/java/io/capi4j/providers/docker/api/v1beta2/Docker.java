package io.capi4j.providers.docker.api.v1beta2;

/** The API group and version of CAPD's kinds, and the constants its controllers use. */
public final class Docker {
  private Docker() {}

  public static final String GROUP = "infrastructure.cluster.x-k8s.io";
  public static final String VERSION = "v1beta2";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** The DockerMachinePool controller's finalizer (DevMachinePools use it too). */
  public static final String MACHINE_POOL_FINALIZER = "dockermachinepool.infrastructure.cluster.x-k8s.io";
  /** The DevMachinePool finalizer of newer CAPD versions. */
  public static final String DEV_MACHINE_POOL_FINALIZER = "devmachinepool.infrastructure.cluster.x-k8s.io";
  /** The DockerMachine controller's finalizer. */
  public static final String MACHINE_FINALIZER = "dockermachine.infrastructure.cluster.x-k8s.io";
  /** The DevMachine controller's finalizer. */
  public static final String DEV_MACHINE_FINALIZER = "devmachine.infrastructure.cluster.x-k8s.io";

  /** The v1beta2 condition a pool sets when all its replicas are ready. */
  public static final String REPLICAS_READY_CONDITION = "ReplicasReady";
}
