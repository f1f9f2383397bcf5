package io.capi4j.providers.azure.agentpools;

import java.util.Objects;
import java.util.Optional;

/**
 * What CAPZ writes back on the MachinePool after an agent pool create or update
 * ({@code postCreateOrUpdateResourceHook}).
 *
 * @param replicasManagedBy the new value of {@code cluster.x-k8s.io/replicas-managed-by}; empty means remove it
 * @param replicas the new {@code spec.replicas}; empty means leave it
 */
public record MachinePoolReplicasUpdate(Optional<String> replicasManagedBy, Optional<Integer> replicas) {
  public MachinePoolReplicasUpdate {
    Objects.requireNonNull(replicasManagedBy, "replicasManagedBy");
    Objects.requireNonNull(replicas, "replicas");
  }
}
