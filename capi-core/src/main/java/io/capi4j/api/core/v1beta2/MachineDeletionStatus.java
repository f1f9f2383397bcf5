package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code status.deletion}: when each deletion stage started (RFC 3339). */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineDeletionStatus.class)
@JsonDeserialize(as = ImmutableMachineDeletionStatus.class)
public abstract class MachineDeletionStatus implements UnknownFields, WithMachineDeletionStatus {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String nodeDrainStartTime() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String waitForNodeVolumeDetachStartTime() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String waitForPreDrainHookStartTime() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String waitForPreTerminateHookStartTime() {
    return "";
  }

  public static ImmutableMachineDeletionStatus.Builder builder() {
    return ImmutableMachineDeletionStatus.builder();
  }
}
