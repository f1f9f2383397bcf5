package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The ASG processes, each suspended when true (or, with {@code all}, unless false).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProcesses.class)
@JsonDeserialize(as = ImmutableProcesses.class)
public abstract class Processes implements UnknownFields, WithProcesses {
  public abstract Optional<Boolean> launch();

  public abstract Optional<Boolean> terminate();

  public abstract Optional<Boolean> addToLoadBalancer();

  public abstract Optional<Boolean> alarmNotification();

  public abstract Optional<Boolean> azRebalance();

  public abstract Optional<Boolean> healthCheck();

  public abstract Optional<Boolean> instanceRefresh();

  public abstract Optional<Boolean> replaceUnhealthy();

  public abstract Optional<Boolean> scheduledActions();

  public static ImmutableProcesses.Builder builder() {
    return ImmutableProcesses.builder();
  }
}
