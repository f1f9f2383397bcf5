package io.capi4j.api.core.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How a Machine gets its bootstrap data: a {@code configRef} to a bootstrap config (e.g. KubeadmConfig), or a
 * {@code dataSecretName} naming an existing Secret. The Machine controller copies the config's secret name into
 * {@code dataSecretName} once the data exists.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableBootstrap.class)
@JsonDeserialize(as = ImmutableBootstrap.class)
public abstract class Bootstrap implements UnknownFields, WithBootstrap {
  public abstract Optional<ContractVersionedObjectReference> configRef();

  public abstract Optional<String> dataSecretName();

  /** Whether {@code configRef} is set and defined. */
  public boolean hasConfigRef() {
    return configRef().map(ContractVersionedObjectReference::isDefined).orElse(false);
  }

  public static ImmutableBootstrap.Builder builder() {
    return ImmutableBootstrap.builder();
  }
}
