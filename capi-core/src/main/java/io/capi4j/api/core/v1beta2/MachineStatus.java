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

/** {@code status} of a Machine. */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineStatus.class)
@JsonDeserialize(as = ImmutableMachineStatus.class)
public abstract class MachineStatus implements UnknownFields, WithMachineStatus {
  public static final String PHASE_PENDING = "Pending";
  public static final String PHASE_PROVISIONING = "Provisioning";
  public static final String PHASE_PROVISIONED = "Provisioned";
  public static final String PHASE_RUNNING = "Running";
  public static final String PHASE_UPDATING = "Updating";
  public static final String PHASE_DELETING = "Deleting";
  public static final String PHASE_DELETED = "Deleted";
  public static final String PHASE_FAILED = "Failed";
  public static final String PHASE_UNKNOWN = "Unknown";

  public abstract List<Condition> conditions();

  public abstract Optional<MachineInitializationStatus> initialization();

  public abstract Optional<MachineNodeReference> nodeRef();

  public abstract Optional<NodeSystemInfo> nodeInfo();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String lastUpdated() {
    return "";
  }

  public abstract List<MachineAddress> addresses();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String failureDomain() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String phase() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String certificatesExpiryDate() {
    return "";
  }

  public abstract Optional<Long> observedGeneration();

  public abstract Optional<MachineDeletionStatus> deletion();

  /** {@code nodeRef.name}, or {@code ""}. */
  public String nodeName() {
    return nodeRef().map(MachineNodeReference::name).orElse("");
  }

  public static ImmutableMachineStatus.Builder builder() {
    return ImmutableMachineStatus.builder();
  }
}
