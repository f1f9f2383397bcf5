package io.capi4j.api.bootstrap.kubeadm.v1beta2;

/** Group, version and constants of the kubeadm bootstrap provider. */
public final class Kubeadm {
  private Kubeadm() {}

  public static final String GROUP = "bootstrap.cluster.x-k8s.io";
  public static final String VERSION = "v1beta2";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  /** The type of the bootstrap data Secret. */
  public static final String BOOTSTRAP_SECRET_TYPE = "cluster.x-k8s.io/secret";
  public static final String FORMAT_CLOUD_CONFIG = "cloud-config";
  public static final String FORMAT_IGNITION = "ignition";
}
