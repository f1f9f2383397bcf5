package io.capi4j.providers.aws.eks;

import io.capi4j.providers.aws.asg.AsgInstance;
import java.util.List;
import java.util.Optional;

/**
 * An AWSManagedMachinePool's status from its node group's state (upstream {@code setStatus}).
 *
 * @param ready true for {@code ACTIVE} and {@code UPDATING}
 * @param failureMessage set for {@code CREATE_FAILED} and {@code DELETE_FAILED}; cleared (empty) for {@code ACTIVE}
 * @param clearFailureMessage whether to clear an earlier failure message ({@code ACTIVE})
 * @param error set for a status CAPA does not know (e.g. {@code DEGRADED}); then nothing else is set
 * @param replicas the instances of the node group's ASGs, when ready
 * @param providerIdList {@code aws:///<az>/<id>} of those instances, when ready
 */
public record NodegroupStatus(
    boolean ready,
    Optional<String> failureMessage,
    boolean clearFailureMessage,
    Optional<String> error,
    Optional<Integer> replicas,
    List<String> providerIdList) {

  public NodegroupStatus {
    providerIdList = List.copyOf(providerIdList);
  }

  public static NodegroupStatus from(ObservedNodegroup ng) {
    return switch (ng.status()) {
      case ObservedNodegroup.ACTIVE, ObservedNodegroup.UPDATING -> new NodegroupStatus(true, Optional.empty(),
          ng.status().equals(ObservedNodegroup.ACTIVE), Optional.empty(), Optional.of(ng.instances().size()),
          ng.instances().stream().map(AsgInstance::providerId).toList());
      case ObservedNodegroup.CREATING, ObservedNodegroup.DELETING -> new NodegroupStatus(false, Optional.empty(), false,
          Optional.empty(), Optional.empty(), List.of());
      case ObservedNodegroup.CREATE_FAILED, ObservedNodegroup.DELETE_FAILED -> new NodegroupStatus(false,
          Optional.of("EKS nodegroup in failed " + ng.status() + " status"), false, Optional.empty(), Optional.empty(),
          List.of());
      default -> new NodegroupStatus(false, Optional.empty(), false,
          Optional.of("unexpected EKS nodegroup status " + ng.status()), Optional.empty(), List.of());
    };
  }
}
