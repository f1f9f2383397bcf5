package io.capi4j.testing.cloud;

import io.capi4j.cloud.Instance;
import java.util.Optional;

/** Told when instances of a simulated cloud change state (e.g. to join a Node when an instance runs). */
public interface CloudListener {
  /** An instance became RUNNING (or FAILED). {@code groupId} is empty for a standalone VM. */
  default void instanceReady(Optional<String> groupId, Instance instance) {}

  /** An instance is gone. */
  default void instanceDeleted(Optional<String> groupId, Instance instance) {}
}
