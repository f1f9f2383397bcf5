package io.capi4j.providers.azure.exp.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** {@code spec.strategy.rollingUpdate} of an AzureMachinePool ({@code MachineRollingUpdateDeployment}). */
@Value.Immutable
@JsonSerialize(as = ImmutableMachineRollingUpdateDeployment.class)
@JsonDeserialize(as = ImmutableMachineRollingUpdateDeployment.class)
public abstract class MachineRollingUpdateDeployment implements UnknownFields, WithMachineRollingUpdateDeployment {
  public static final String RANDOM = "Random";
  public static final String NEWEST = "Newest";
  public static final String OLDEST = "Oldest";

  /** An int or a percent of the desired replicas (rounded down); CRD default 0. */
  public abstract Optional<IntOrString> maxUnavailable();

  /** An int or a percent of the desired replicas (rounded up); CRD default 1. */
  public abstract Optional<IntOrString> maxSurge();

  /** {@code Random}, {@code Newest} or {@code Oldest} (CRD default). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String deletePolicy() {
    return "";
  }

  public static ImmutableMachineRollingUpdateDeployment.Builder builder() {
    return ImmutableMachineRollingUpdateDeployment.builder();
  }
}
