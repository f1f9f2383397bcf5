package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The parts of a Cluster ({@code cluster.x-k8s.io/v1beta2}) that worker logic reads: pausing, the control plane
 * and infrastructure references, the topology version, and the conditions the health checks gate on. Every
 * other field is kept as an unknown field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCluster.class)
@JsonDeserialize(as = ImmutableCluster.class)
public abstract class Cluster implements CapiObject, WithCluster {
  public static final String KIND = "Cluster";

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
  public ClusterSpec spec() {
    return ClusterSpec.builder().build();
  }

  public abstract Optional<ClusterStatus> status();

  public ClusterStatus statusOrEmpty() {
    return status().orElse(ClusterStatus.builder().build());
  }

  public static ImmutableCluster.Builder builder() {
    return ImmutableCluster.builder();
  }

}
