package io.capi4j.cloud;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One cloud instance: a VM of a group, or a standalone VM. */
@Value.Immutable
public abstract class Instance {
  /** The cloud's id of the instance (e.g. a VMSS instance id, an EC2 instance id). */
  public abstract String id();

  /** The Kubernetes provider ID its Node will carry, e.g. {@code azure:///subscriptions/.../virtualMachines/3}. */
  public abstract String providerID();

  public abstract InstanceState state();

  /** The version of the model the instance was built from. */
  public abstract String modelVersion();

  /** The attributes of the model the instance was built from (e.g. {@code kubernetesVersion}, {@code image}). */
  public abstract java.util.Map<String, String> modelAttributes();

  /** The zone (failure domain), or empty when the cloud has no zones. */
  public abstract Optional<String> zone();

  public abstract Instant createdAt();

  /** When the instance became RUNNING, if it did. */
  public abstract Optional<Instant> runningSince();

  public static ImmutableInstance.Builder builder() {
    return ImmutableInstance.builder();
  }
}
