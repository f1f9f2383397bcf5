package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.strategy} of an AzureMachinePool ({@code AzureMachinePoolDeploymentStrategy}). */
@Value.Immutable
@JsonSerialize(as = ImmutableAzureMachinePoolDeploymentStrategy.class)
@JsonDeserialize(as = ImmutableAzureMachinePoolDeploymentStrategy.class)
public abstract class AzureMachinePoolDeploymentStrategy implements UnknownFields, WithAzureMachinePoolDeploymentStrategy {
  public static final String ROLLING_UPDATE = "RollingUpdate";

  /** Only {@code RollingUpdate} (CRD default). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String type() {
    return "";
  }

  /** No default of its own when {@code strategy} is present. */
  public abstract Optional<MachineRollingUpdateDeployment> rollingUpdate();

  public static ImmutableAzureMachinePoolDeploymentStrategy.Builder builder() {
    return ImmutableAzureMachinePoolDeploymentStrategy.builder();
  }
}
