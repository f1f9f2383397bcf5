package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Options for the instance hostname.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePrivateDNSName.class)
@JsonDeserialize(as = ImmutablePrivateDNSName.class)
public abstract class PrivateDNSName implements UnknownFields, WithPrivateDNSName {
  public abstract Optional<Boolean> enableResourceNameDnsAAAARecord();

  public abstract Optional<Boolean> enableResourceNameDnsARecord();

  public abstract Optional<String> hostnameType();

  public static ImmutablePrivateDNSName.Builder builder() {
    return ImmutablePrivateDNSName.builder();
  }
}
