package io.capi4j.providers.aws.asg;

import io.capi4j.api.core.v1beta2.Capi;
import java.util.Map;

/** Whether something other than Cluster API (e.g. the cluster autoscaler) owns a MachinePool's replica count. */
public final class ExternalAutoscaler {
  private ExternalAutoscaler() {}

  /**
   * CAPI's {@code annotations.ReplicasManagedByExternalAutoscaler}: the annotation
   * {@code cluster.x-k8s.io/replicas-managed-by} is present with any value other than {@code "false"} (the empty
   * string counts as true).
   */
  public static boolean replicasManagedExternally(Map<String, String> annotations) {
    String v = annotations.get(Capi.REPLICAS_MANAGED_BY_ANNOTATION);
    return v != null && !v.equals("false");
  }
}
