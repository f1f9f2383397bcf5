package io.capi4j.api.core.v1beta2;

import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec} of a Cluster (partial). */
@Value.Immutable
@JsonSerialize(as = ImmutableClusterSpec.class)
@JsonDeserialize(as = ImmutableClusterSpec.class)
public abstract class ClusterSpec implements UnknownFields, WithClusterSpec {
  public abstract Optional<Boolean> paused();

  public abstract Optional<ContractVersionedObjectReference> controlPlaneRef();

  public abstract Optional<ContractVersionedObjectReference> infrastructureRef();

  public abstract Optional<Topology> topology();

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isPaused() {
    return paused().orElse(false);
  }

  public static ImmutableClusterSpec.Builder builder() {
    return ImmutableClusterSpec.builder();
  }
}
