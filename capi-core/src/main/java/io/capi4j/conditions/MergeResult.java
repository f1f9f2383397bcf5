package io.capi4j.conditions;

import java.util.Objects;

/** What a {@link MergeStrategy} computes: the status, reason and message of the target condition. */
public record MergeResult(String status, String reason, String message) {
  public MergeResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
