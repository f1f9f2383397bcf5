package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Where an AWSMachine's public IPv4 address comes from.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableElasticIPPool.class)
@JsonDeserialize(as = ImmutableElasticIPPool.class)
public abstract class ElasticIPPool implements UnknownFields, WithElasticIPPool {
  public abstract Optional<String> publicIpv4Pool();

  public abstract Optional<String> publicIpv4PoolFallbackOrder();

  public static ImmutableElasticIPPool.Builder builder() {
    return ImmutableElasticIPPool.builder();
  }
}
