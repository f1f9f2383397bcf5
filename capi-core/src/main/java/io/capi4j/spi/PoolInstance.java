package io.capi4j.spi;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One instance of a pool as its provider reports it, for capi4j's truthful MachinePool status: is it built
 * from the pool's latest model, and is it healthy as far as the cloud knows.
 */
@Value.Immutable
public abstract class PoolInstance {
  public abstract String providerID();

  /** Whether the instance runs the pool's latest model; empty when the provider cannot tell. */
  public abstract Optional<Boolean> upToDate();

  /** Whether the cloud reports the instance running and healthy. */
  @Value.Default
  public boolean running() {
    return true;
  }

  public abstract Optional<String> zone();

  public static ImmutablePoolInstance.Builder builder() {
    return ImmutablePoolInstance.builder();
  }
}
