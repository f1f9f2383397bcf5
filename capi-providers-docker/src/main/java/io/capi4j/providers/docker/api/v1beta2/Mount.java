package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A host path mounted into a node container ({@code extraMounts}). */
@Value.Immutable
@JsonSerialize(as = ImmutableMount.class)
@JsonDeserialize(as = ImmutableMount.class)
public abstract class Mount implements UnknownFields, WithMount {
  /** Path of the mount within the container. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String containerPath() {
    return "";
  }

  /** Path of the mount on the host. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String hostPath() {
    return "";
  }

  /** Whether the mount is read-only. */
  public abstract Optional<Boolean> readOnly();

  public static ImmutableMount.Builder builder() {
    return ImmutableMount.builder();
  }
}
