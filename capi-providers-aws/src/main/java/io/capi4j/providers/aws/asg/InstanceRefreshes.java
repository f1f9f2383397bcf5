package io.capi4j.providers.aws.asg;

import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Instance refresh decisions of upstream's {@code autoscalinggroup.go}: whether a refresh may start
 * ({@code CanStartASGInstanceRefresh}), the {@code StartInstanceRefresh} request, and whether CAPA starts one after
 * a new launch template version ({@code postUpdate}).
 */
public final class InstanceRefreshes {
  private InstanceRefreshes() {}

  public static final String PENDING = "Pending";
  public static final String IN_PROGRESS = "InProgress";
  public static final String SUCCESSFUL = "Successful";
  public static final String FAILED = "Failed";
  public static final String CANCELLING = "Cancelling";
  public static final String CANCELLED = "Cancelled";
  public static final String ROLLBACK_IN_PROGRESS = "RollbackInProgress";
  public static final String ROLLBACK_FAILED = "RollbackFailed";
  public static final String ROLLBACK_SUCCESSFUL = "RollbackSuccessful";
  public static final String BAKING = "Baking";

  /** The statuses CAPA treats as an unfinished refresh. */
  public static final Set<String> UNFINISHED = Set.of(IN_PROGRESS, PENDING, CANCELLING);

  /** The strategy CAPA sends when {@code refreshPreferences.strategy} is unset. */
  public static final String ROLLING = "Rolling";

  /**
   * Whether a refresh may start.
   *
   * @param canStart true when no refresh is unfinished
   * @param unfinishedStatus the status of the first unfinished refresh
   * @param error why the refreshes could not be listed (then {@code canStart} is false)
   */
  public record Check(boolean canStart, Optional<String> unfinishedStatus, Optional<String> error) {}

  /**
   * {@code CanStartASGInstanceRefresh}: false with the status of the first refresh that is {@code InProgress},
   * {@code Pending} or {@code Cancelling}; true otherwise (other statuses, e.g. {@code Baking}, do not block: a
   * CAPA quirk kept, see AWS.md).
   *
   * @param refreshStatuses the statuses of the ASG's instance refreshes, as {@code DescribeInstanceRefreshes} lists them
   */
  public static Check canStart(List<String> refreshStatuses) {
    for (String s : refreshStatuses) {
      if (UNFINISHED.contains(s)) {
        return new Check(false, Optional.of(s), Optional.empty());
      }
    }
    return new Check(true, Optional.empty(), Optional.empty());
  }

  /** The check when listing the refreshes failed: cannot start, with the error. */
  public static Check listingFailed(String error) {
    return new Check(false, Optional.empty(), Optional.of(error));
  }

  /**
   * A {@code StartInstanceRefresh} request.
   *
   * @param autoScalingGroupName the ASG
   * @param strategy {@code Rolling} unless the spec names another
   * @param instanceWarmupSeconds copied when set, else AWS's default applies
   * @param minHealthyPercentage copied when set, else AWS's default (90)
   * @param maxHealthyPercentage copied when set
   */
  public record StartRequest(
      String autoScalingGroupName,
      String strategy,
      Optional<Integer> instanceWarmupSeconds,
      Optional<Integer> minHealthyPercentage,
      Optional<Integer> maxHealthyPercentage) {}

  /**
   * {@code StartASGInstanceRefresh}'s request. Skip matching, checkpoints, auto rollback, bake time and desired
   * configuration are never sent, so AWS replaces every instance.
   */
  public static StartRequest startRequest(String asgName, Optional<RefreshPreferences> prefs) {
    return new StartRequest(
        asgName,
        prefs.flatMap(RefreshPreferences::strategy).orElse(ROLLING),
        prefs.flatMap(RefreshPreferences::instanceWarmup).map(InstanceRefreshes::int32),
        prefs.flatMap(RefreshPreferences::minHealthyPercentage).map(InstanceRefreshes::int32),
        prefs.flatMap(RefreshPreferences::maxHealthyPercentage).map(InstanceRefreshes::int32));
  }

  /**
   * Whether CAPA starts a refresh after creating a launch template version that needs a rollout (the controller's
   * {@code postUpdate}): only when the ASG exists and {@code refreshPreferences.disable} is not true.
   */
  public static boolean startsAfterNewVersion(boolean asgExists, Optional<RefreshPreferences> prefs) {
    return asgExists && !prefs.map(RefreshPreferences::disableValue).orElse(false);
  }

  /** An int64 preference as the int32 the API takes, saturated instead of wrapped. */
  static int int32(long v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }
}
