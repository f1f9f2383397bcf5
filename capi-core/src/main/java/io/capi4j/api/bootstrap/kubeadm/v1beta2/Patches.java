package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code patches}: patches kubeadm applies to the components it deploys (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePatches.class)
@JsonDeserialize(as = ImmutablePatches.class)
public abstract class Patches implements UnknownFields, WithPatches {
  /** Directory holding files named {@code target[suffix][+patchtype].extension}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String directory() {
    return "";
  }

  /** Not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !directory().isEmpty();
  }

  public static ImmutablePatches.Builder builder() {
    return ImmutablePatches.builder();
  }
}
