package io.capi4j.providers.docker.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.CapiObject;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A DevMachine: one node on a development backend; with the docker backend, one container. */
@Value.Immutable
@JsonSerialize(as = ImmutableDevMachine.class)
@JsonDeserialize(as = ImmutableDevMachine.class)
public abstract class DevMachine implements CapiObject, WithDevMachine {
  public static final String KIND = "DevMachine";

  @Override
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiVersion() {
    return Docker.API_VERSION;
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
  public DevMachineSpec spec() {
    return DevMachineSpec.builder().build();
  }

  public abstract Optional<DevMachineStatus> status();

  /** Whether {@code status.initialization.provisioned} is true. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isProvisioned() {
    return status().flatMap(DevMachineStatus::initialization).flatMap(DevMachineInitializationStatus::provisioned)
        .orElse(false);
  }

  public static ImmutableDevMachine.Builder builder() {
    return ImmutableDevMachine.builder();
  }
}
