package io.capi4j.providers.aws.asg;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The ASG's desired capacity from the MachinePool's {@code spec.replicas} (upstream {@code CreateASG} and
 * {@code UpdateASG}): a value to send, nothing to send (AWS keeps or picks its own), or an error.
 */
@Value.Immutable
public abstract class DesiredCapacity {

  /** The desired capacity to send; empty means the request carries none. */
  public abstract Optional<Integer> value();

  /** Why the request cannot be built; when present, {@link #value()} is empty. */
  public abstract Optional<String> error();

  /** Why this decision. */
  public abstract String reason();

  public boolean isError() {
    return error().isPresent();
  }

  /**
   * For a new ASG: {@code replicas} when {@code minSize <= replicas <= maxSize}; otherwise nothing when the
   * replicas are managed externally (AWS then starts at minSize); otherwise the error
   * {@code incorrect number of replicas <r> in MachinePool <name>}. Unset replicas are an error: admission
   * defaults them.
   */
  public static DesiredCapacity forCreate(
      Optional<Integer> replicas, int minSize, int maxSize, boolean externallyManaged, String machinePoolKey) {
    if (replicas.isEmpty()) {
      return error("MachinePool " + machinePoolKey + " has no spec.replicas (admission defaults it)");
    }
    int r = replicas.get();
    if (minSize <= r && r <= maxSize) {
      return ImmutableDesiredCapacity.builder().value(r)
          .reason("replicas " + r + " within [" + minSize + ", " + maxSize + "]").build();
    }
    if (externallyManaged) {
      return ImmutableDesiredCapacity.builder()
          .reason("replicas " + r + " outside [" + minSize + ", " + maxSize
              + "] but managed externally: desired capacity omitted, AWS uses minSize")
          .build();
    }
    return error("incorrect number of replicas " + r + " in MachinePool " + machinePoolKey);
  }

  /** For an existing ASG: {@code replicas} when set and not managed externally, else nothing. */
  public static DesiredCapacity forUpdate(Optional<Integer> replicas, boolean externallyManaged) {
    if (externallyManaged) {
      return ImmutableDesiredCapacity.builder().reason("replicas managed externally: desired capacity left to AWS").build();
    }
    if (replicas.isEmpty()) {
      return ImmutableDesiredCapacity.builder().reason("MachinePool replicas unset: desired capacity omitted").build();
    }
    return ImmutableDesiredCapacity.builder().value(replicas.get()).reason("MachinePool replicas " + replicas.get()).build();
  }

  private static DesiredCapacity error(String message) {
    return ImmutableDesiredCapacity.builder().error(message).reason(message).build();
  }
}
