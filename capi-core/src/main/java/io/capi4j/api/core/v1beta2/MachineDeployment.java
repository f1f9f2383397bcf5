package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A MachineDeployment ({@code cluster.x-k8s.io/v1beta2}): a set of identical worker Machines that Cluster API
 * owns one by one, through MachineSets, and replaces with rolling updates or on deletion.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeployment.class)
@JsonDeserialize(as = ImmutableMachineDeployment.class)
public abstract class MachineDeployment implements CapiObject, WithMachineDeployment {
  public static final String KIND = "MachineDeployment";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Capi.API_VERSION;
  }

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String kind() {
    return KIND;
  }

  @Override
  @Value.Default
  public ObjectMeta metadata() {
    return new ObjectMeta();
  }

  @Value.Default
  public MachineDeploymentSpec spec() {
    return MachineDeploymentSpec.builder().build();
  }

  public abstract Optional<MachineDeploymentStatus> status();

  public static ImmutableMachineDeployment.Builder builder() {
    return ImmutableMachineDeployment.builder();
  }

}
