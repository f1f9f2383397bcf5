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

/** {@code spec.topology} (partial): the version a ClusterClass-managed cluster is moving to. */
@Value.Immutable
@JsonSerialize(as = ImmutableTopology.class)
@JsonDeserialize(as = ImmutableTopology.class)
public abstract class Topology implements UnknownFields, WithTopology {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String version() {
    return "";
  }

  public static Topology of(String version) {
    return ImmutableTopology.builder().version(version).build();
  }
}
