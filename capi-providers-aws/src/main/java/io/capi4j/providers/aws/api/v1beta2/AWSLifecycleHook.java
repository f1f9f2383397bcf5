package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An ASG lifecycle hook.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAWSLifecycleHook.class)
@JsonDeserialize(as = ImmutableAWSLifecycleHook.class)
public abstract class AWSLifecycleHook implements UnknownFields, WithAWSLifecycleHook {
  public static final String TRANSITION_LAUNCHING = "autoscaling:EC2_INSTANCE_LAUNCHING";
  public static final String TRANSITION_TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";
  public static final String RESULT_CONTINUE = "CONTINUE";
  public static final String RESULT_ABANDON = "ABANDON";

  @JsonInclude(JsonInclude.Include.NON_EMPTY)

  @Value.Default
  public String name() {
    return "";
  }

  /** {@code autoscaling:EC2_INSTANCE_LAUNCHING} or {@code autoscaling:EC2_INSTANCE_TERMINATING}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String lifecycleTransition() {
    return "";
  }

  public abstract Optional<String> notificationTargetARN();

  public abstract Optional<String> roleARN();

  /** A Go duration, 30s to 48h. */
  public abstract Optional<String> heartbeatTimeout();

  /** {@code CONTINUE} or {@code ABANDON}. */
  public abstract Optional<String> defaultResult();

  public abstract Optional<String> notificationMetadata();

  public static ImmutableAWSLifecycleHook.Builder builder() {
    return ImmutableAWSLifecycleHook.builder();
  }
}
