package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** One entry of {@code status.versions}: how many replicas run a Kubernetes version. */
@Value.Immutable
@JsonSerialize(as = ImmutableStatusVersion.class)
@JsonDeserialize(as = ImmutableStatusVersion.class)
public abstract class StatusVersion implements UnknownFields, WithStatusVersion {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String version() {
    return "";
  }

  @Value.Default
  public int replicas() {
    return 0;
  }

  public static StatusVersion of(String version, int replicas) {
    return builder().version(version).replicas(replicas).build();
  }

  public static ImmutableStatusVersion.Builder builder() {
    return ImmutableStatusVersion.builder();
  }
}
