package io.capi4j.providers.aws.asg;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@link AsgPlanner} decides from. */
@Value.Immutable
public abstract class AsgPlanInputs implements WithAsgPlanInputs {
  /** The ASG's name: the AWSMachinePool's name. */
  public abstract String asgName();

  public abstract String clusterName();

  /** {@code namespace/name} of the MachinePool, for messages. */
  public abstract String machinePoolKey();

  /** The MachinePool's {@code spec.replicas}. */
  public abstract Optional<Integer> replicas();

  /** {@link ExternalAutoscaler#replicasManagedExternally} of the MachinePool. */
  @Value.Default
  public boolean externallyManaged() {
    return false;
  }

  /** The AWSMachinePool's spec, admitted (defaulted). */
  public abstract AWSMachinePoolSpec spec();

  /** The AWSMachinePool's {@code status.launchTemplateID}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String launchTemplateId() {
    return "";
  }

  /** The resolved subnet IDs. */
  public abstract List<String> subnetIds();

  /** The cluster's additional tags merged with the pool's. */
  public abstract Map<String, String> additionalTags();

  /** The ASG, when it exists. */
  public abstract Optional<ObservedAsg> asg();

  public static ImmutableAsgPlanInputs.Builder builder() {
    return ImmutableAsgPlanInputs.builder();
  }
}
