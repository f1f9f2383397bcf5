package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code ignition}: Ignition bootstrap options (feature gate BootstrapFormatIgnition).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIgnition.class)
@JsonDeserialize(as = ImmutableIgnition.class)
public abstract class Ignition implements UnknownFields, WithIgnition {
  public static final String DEFAULT_VERSION = "2.3";
  public static final String STORAGE_CLUSTER_OBJECT_STORE = "ClusterObjectStore";
  public static final String STORAGE_UNENCRYPTED_USER_DATA = "UnencryptedUserData";

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String version() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String storageType() {
    return "";
  }

  public abstract Optional<IgnitionProxy> proxy();

  public abstract Optional<IgnitionTLS> tls();

  public static ImmutableIgnition.Builder builder() {
    return ImmutableIgnition.builder();
  }
}
