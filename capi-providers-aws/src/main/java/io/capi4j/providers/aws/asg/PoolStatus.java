package io.capi4j.providers.aws.asg;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePool;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolInstanceStatus;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWSMachinePool's provider IDs and status from its observed ASG (upstream: the end of {@code reconcileNormal}
 * and {@code pkg/cloud/scope/machinepool.go}).
 *
 * @param providerId the ASG's ARN ({@code spec.providerID})
 * @param providerIdList {@code aws:///<az>/<instanceId>} for every ASG instance, whatever its lifecycle state
 * @param replicas the number of ASG instances (not of ready Nodes)
 * @param ready false only while the ASG is being deleted
 * @param instances one entry per instance, with the Node's kubelet version when known
 */
public record PoolStatus(
    String providerId, List<String> providerIdList, int replicas, boolean ready, List<AWSMachinePoolInstanceStatus> instances) {

  public PoolStatus {
    providerIdList = List.copyOf(providerIdList);
    instances = List.copyOf(instances);
  }

  /**
   * The status of a pool whose ASG is {@code asg}.
   *
   * @param kubeletVersionByInstanceId the kubelet version of each instance's Node, by instance ID (upstream
   *     computes it but never stores it; capi4j does)
   */
  public static PoolStatus fromAsg(ObservedAsg asg, Map<String, String> kubeletVersionByInstanceId) {
    List<String> ids = asg.instances().stream().map(AsgInstance::providerId).toList();
    List<AWSMachinePoolInstanceStatus> instances = asg.instances().stream()
        .map(i -> AWSMachinePoolInstanceStatus.builder()
            .instanceID(i.instanceId())
            .version(Optional.ofNullable(kubeletVersionByInstanceId.get(i.instanceId())))
            .build())
        .toList();
    return new PoolStatus(asg.arn(), ids, ids.size(), !asg.status().equals(ObservedAsg.STATUS_DELETE_IN_PROGRESS), instances);
  }

  /** The pool with this status written into {@code spec.providerID}, {@code spec.providerIDList} and {@code status}. */
  public AWSMachinePool applyTo(AWSMachinePool pool) {
    AWSMachinePoolStatus status = pool.status().orElse(AWSMachinePoolStatus.builder().build())
        .withReplicas(replicas).withReady(ready).withInstances(instances);
    return pool.withSpec(pool.spec().withProviderID(providerId).withProviderIDList(providerIdList)).withStatus(status);
  }
}
