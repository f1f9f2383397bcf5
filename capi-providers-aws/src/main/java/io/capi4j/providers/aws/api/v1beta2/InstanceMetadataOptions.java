package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The instance metadata service (IMDS) options.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableInstanceMetadataOptions.class)
@JsonDeserialize(as = ImmutableInstanceMetadataOptions.class)
public abstract class InstanceMetadataOptions implements UnknownFields, WithInstanceMetadataOptions {
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String httpEndpoint() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String httpProtocolIPv6() {
    return "";
  }

  public abstract Optional<Long> httpPutResponseHopLimit();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String httpTokens() {
    return "";
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String instanceMetadataTags() {
    return "";
  }

  public static ImmutableInstanceMetadataOptions.Builder builder() {
    return ImmutableInstanceMetadataOptions.builder();
  }
}
