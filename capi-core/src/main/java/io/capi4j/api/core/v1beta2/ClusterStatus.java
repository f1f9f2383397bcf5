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

/** {@code status} of a Cluster (partial). */
@Value.Immutable
@JsonSerialize(as = ImmutableClusterStatus.class)
@JsonDeserialize(as = ImmutableClusterStatus.class)
public abstract class ClusterStatus implements UnknownFields, WithClusterStatus {
  public abstract List<Condition> conditions();

  public abstract Optional<ClusterInitializationStatus> initialization();

  public abstract Optional<Long> observedGeneration();

  public static ImmutableClusterStatus.Builder builder() {
    return ImmutableClusterStatus.builder();
  }
}
