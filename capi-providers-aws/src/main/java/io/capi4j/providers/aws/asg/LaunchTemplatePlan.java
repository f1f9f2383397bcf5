package io.capi4j.providers.aws.asg;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@link LaunchTemplatePlanner} decided, as ordered steps with reasons. */
@Value.Immutable
public abstract class LaunchTemplatePlan {

  /** The calls to make, in order. */
  public enum Action {
    /** Create the launch template (version 1) and record its ID in {@code status.launchTemplateID}. */
    CREATE_LAUNCH_TEMPLATE,
    /** Record the current tags in the last-applied-tags annotation (capi4j: see AWS.md). */
    RECORD_LAST_APPLIED_TAGS,
    /** Look up the template's ID and record it in {@code status.launchTemplateID}. */
    RECORD_LAUNCH_TEMPLATE_ID,
    /** Look up the latest version and record it in {@code status.launchTemplateVersion}. */
    RECORD_LATEST_VERSION,
    /** Cancel the unfinished instance refresh ({@code ActiveInstanceRefreshNotFound} counts as done). */
    CANCEL_INSTANCE_REFRESH,
    /** Delete one old version when three or more exist ({@link #prunableVersion}). */
    PRUNE_LAUNCH_TEMPLATE_VERSIONS,
    /** Create a new version from the spec and record it in {@code status.launchTemplateVersion}. */
    CREATE_LAUNCH_TEMPLATE_VERSION,
    /** Start an instance refresh with {@link #startInstanceRefresh()}. */
    START_INSTANCE_REFRESH
  }

  /** One call and why. */
  public record Step(Action action, String reason) {
    @Override
    public String toString() {
      return action + " (" + reason + ")";
    }
  }

  public abstract List<Step> steps();

  /** Come back after this long (30s while an unfinished refresh blocks a rollout). */
  public abstract Optional<Duration> requeueAfter();

  /** Whether the spec change needs a rollout of existing instances. */
  @Value.Default
  public boolean rolloutNeeded() {
    return false;
  }

  /** Why a rollout is needed (e.g. {@code LaunchTemplateNeedsUpdate: InstanceType}, {@code AMI changed}). */
  public abstract List<String> rolloutReasons();

  /** The hex SHA-256 of the user data. */
  public abstract String userDataHash();

  /** The template ID to record, when a step records it and it is known. */
  public abstract Optional<String> launchTemplateId();

  /** The refresh to start, with {@link Action#START_INSTANCE_REFRESH}. */
  public abstract Optional<InstanceRefreshes.StartRequest> startInstanceRefresh();

  /** Set when the plan could not be made (e.g. the instance refreshes could not be listed); then no steps. */
  public abstract Optional<String> error();

  /** What was deliberately not done, with why. */
  public abstract List<String> notes();

  /** Whether the plan contains {@code action}. */
  public boolean has(Action action) {
    return steps().stream().anyMatch(s -> s.action() == action);
  }

  /** The actions in order. */
  public List<Action> actions() {
    return steps().stream().map(Step::action).toList();
  }

  /**
   * Upstream's {@code PruneLaunchTemplateVersions}: of the (up to) three oldest versions, listed oldest first, the
   * second is deleted when there are three; fewer than three means nothing to prune.
   */
  public static Optional<Long> prunableVersion(List<Long> oldestThreeVersions) {
    return oldestThreeVersions.size() < 3 ? Optional.empty() : Optional.of(oldestThreeVersions.get(1));
  }

  public static ImmutableLaunchTemplatePlan.Builder builder() {
    return ImmutableLaunchTemplatePlan.builder();
  }
}
