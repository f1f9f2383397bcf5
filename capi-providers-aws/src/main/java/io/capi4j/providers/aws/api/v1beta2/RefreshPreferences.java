package io.capi4j.providers.aws.api.v1beta2;

import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Preferences for the ASG instance refresh that rolls out a new launch template version.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRefreshPreferences.class)
@JsonDeserialize(as = ImmutableRefreshPreferences.class)
public abstract class RefreshPreferences implements UnknownFields, WithRefreshPreferences {
  /** True: never start an instance refresh. */
  public abstract Optional<Boolean> disable();

  /** Sent as {@code Rolling} when unset. */
  public abstract Optional<String> strategy();

  /** Seconds; unset means the ASG's default instance warmup. */
  public abstract Optional<Long> instanceWarmup();

  /** Unset means AWS's default, 90. */
  public abstract Optional<Long> minHealthyPercentage();

  /** 100 to 200; requires minHealthyPercentage. */
  public abstract Optional<Long> maxHealthyPercentage();

  /** {@code disable}, false when unset. */
  public boolean disableValue() {
    return disable().orElse(false);
  }

  public static ImmutableRefreshPreferences.Builder builder() {
    return ImmutableRefreshPreferences.builder();
  }
}
