package io.capi4j.machinehealthcheck;

import io.capi4j.api.core.v1beta2.Cluster;
import io.capi4j.api.core.v1beta2.Machine;
import io.capi4j.api.core.v1beta2.MachineHealthCheck;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything one MachineHealthCheck reconcile reads. The fabric8 objects are mutable classes: they are never
 * changed by the planner, and must not be changed while a plan refers to them.
 */
@Value.Immutable
public abstract class MachineHealthCheckInput {
  public abstract MachineHealthCheck machineHealthCheck();

  /** The Cluster named by {@code spec.clusterName}, in the MachineHealthCheck's namespace. */
  public abstract Cluster cluster();

  /** The Machines of the MachineHealthCheck's namespace (the selector is applied here). */
  public abstract List<Machine> machines();

  /** The Nodes of the workload cluster (only read when its control plane is initialized). */
  public abstract List<Node> nodes();

  /** The reconcile time. */
  public abstract Instant now();

  /**
   * The object {@code spec.remediation.templateRef} names, when it exists; only read when a templateRef is set and
   * a Machine is unhealthy.
   */
  public abstract Optional<GenericKubernetesResource> remediationTemplate();

  /**
   * The existing external remediation requests: objects of the templateRef's group and kind without the
   * {@code Template} suffix, in the MachineHealthCheck's namespace. Each is matched to the Machine of the same
   * name; others are ignored.
   */
  public abstract List<GenericKubernetesResource> remediationRequests();

  public static ImmutableMachineHealthCheckInput.Builder builder() {
    return ImmutableMachineHealthCheckInput.builder();
  }
}
