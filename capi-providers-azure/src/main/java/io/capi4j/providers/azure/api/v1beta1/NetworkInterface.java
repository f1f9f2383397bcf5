package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A network interface of a VM ({@code NetworkInterface}). */
@Value.Immutable
@JsonSerialize(as = ImmutableNetworkInterface.class)
@JsonDeserialize(as = ImmutableNetworkInterface.class)
public abstract class NetworkInterface implements UnknownFields, WithNetworkInterface {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String subnetName() {
    return "";
  }

  /** Private IP configurations on the interface; defaulted to 1, at least 1. */
  public abstract Optional<Integer> privateIPConfigs();

  public abstract Optional<Boolean> acceleratedNetworking();

  public static ImmutableNetworkInterface.Builder builder() {
    return ImmutableNetworkInterface.builder();
  }
}
