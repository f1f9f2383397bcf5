package io.capi4j.providers.aws.asg;

import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action;
import io.capi4j.providers.aws.asg.LaunchTemplatePlan.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code ReconcileLaunchTemplate} as a pure decision: whether to create the launch template, create a
 * new version, and roll it out with an instance refresh.
 *
 * <ul>
 *   <li>A rollout is needed when {@link LaunchTemplateNeedsUpdate} finds a difference, the merged tags changed, the
 *       AMI changed, or the bootstrap data secret's name changed (the way to force a rollout).
 *   <li>A new version without a rollout is made when only the user data changed (e.g. a rotated token: the ASG uses
 *       {@code $Latest}, so new instances get it) or when an old template lacks the secret-name tag.
 *   <li>Before a rollout on an ASG, an unfinished instance refresh is cancelled (unless already cancelling) and the
 *       pass ends with a 30s requeue, without a new version.
 *   <li>After a new version that needs a rollout, an instance refresh starts if the ASG exists and
 *       {@code refreshPreferences.disable} is not true. With {@code disable}, capi4j neither cancels nor waits
 *       for other refreshes (upstream does: see AWS.md).
 *   <li>For an EKS node group ({@link LaunchTemplateInputs.Mode#EKS_NODEGROUP}) nothing is cancelled or started:
 *       EKS rolls out the new version (see {@code io.capi4j.providers.aws.eks}).
 * </ul>
 */
public final class LaunchTemplatePlanner {
  private LaunchTemplatePlanner() {}

  /** How long to wait while an unfinished instance refresh blocks a rollout. */
  public static final Duration REFRESH_BLOCKED_REQUEUE = Duration.ofSeconds(30);

  public static LaunchTemplatePlan plan(LaunchTemplateInputs in) {
    String hash = sha256Hex(in.userData());
    ImmutableLaunchTemplatePlan.Builder plan = LaunchTemplatePlan.builder().userDataHash(hash);
    List<Step> steps = new ArrayList<>();
    if (in.existing().isEmpty()) {
      steps.add(new Step(Action.CREATE_LAUNCH_TEMPLATE, "no launch template named " + in.name()));
      steps.add(new Step(Action.RECORD_LAST_APPLIED_TAGS, "the new launch template carries the current tags"));
      return plan.steps(steps).build();
    }
    ExistingLaunchTemplate existing = in.existing().get();
    if (in.statusLaunchTemplateId().isEmpty()) {
      steps.add(new Step(Action.RECORD_LAUNCH_TEMPLATE_ID, "status.launchTemplateID is empty"));
      plan.launchTemplateId(existing.id());
    }
    if (in.statusLaunchTemplateVersion().filter(v -> !v.isEmpty()).isEmpty()) {
      steps.add(new Step(Action.RECORD_LATEST_VERSION, "status.launchTemplateVersion is empty"));
    }

    List<String> reasons = new ArrayList<>();
    LaunchTemplateNeedsUpdate.check(in.incoming(), existing.latest())
        .ifPresent(r -> reasons.add("LaunchTemplateNeedsUpdate: " + r.upstreamName()));
    if (in.tagsChanged()) {
      reasons.add("additional tags changed");
    }
    if (!in.incoming().amiId().equals(existing.latest().amiId())) {
      reasons.add("AMI changed from " + existing.latest().amiId() + " to " + in.incoming().amiId());
    }
    boolean secretKeyChanged =
        existing.bootstrapDataSecretTag().isPresent() && !existing.bootstrapDataSecretTag().get().equals(in.bootstrapDataSecret());
    if (secretKeyChanged) {
      reasons.add("bootstrap data secret changed from " + existing.bootstrapDataSecretTag().get() + " to "
          + in.bootstrapDataSecret());
    }
    boolean needsSecretKeyTag = existing.bootstrapDataSecretTag().isEmpty();
    boolean userDataChanged = !existing.userDataHash().equals(hash);
    boolean rolloutNeeded = !reasons.isEmpty();
    plan.rolloutNeeded(rolloutNeeded).rolloutReasons(reasons);
    Optional<RefreshPreferences> prefs = in.refreshPreferences();
    boolean asg = in.mode() == LaunchTemplateInputs.Mode.AUTO_SCALING_GROUP;
    boolean disabled = prefs.map(RefreshPreferences::disableValue).orElse(false);

    if (rolloutNeeded && asg && in.asgExists() && !disabled) {
      InstanceRefreshes.Check check = in.instanceRefreshListingError().isPresent()
          ? InstanceRefreshes.listingFailed(in.instanceRefreshListingError().get())
          : InstanceRefreshes.canStart(in.instanceRefreshStatuses());
      if (check.error().isPresent()) {
        return plan.steps(List.of()).error("cannot tell whether an instance refresh is running: " + check.error().get()).build();
      }
      if (!check.canStart()) {
        String status = check.unfinishedStatus().orElse("");
        if (!status.equals(InstanceRefreshes.CANCELLING)) {
          steps.add(new Step(Action.CANCEL_INSTANCE_REFRESH,
              "an instance refresh is " + status + " and the launch template needs a rollout"));
        }
        plan.addNotes("no new launch template version until the " + status + " instance refresh ends");
        return plan.steps(steps).requeueAfter(REFRESH_BLOCKED_REQUEUE).build();
      }
    }

    if (rolloutNeeded || userDataChanged || needsSecretKeyTag) {
      String why = rolloutNeeded ? String.join(", ", reasons)
          : userDataChanged ? "user data changed (no rollout: new instances pick up $Latest)"
          : "the latest version lacks the bootstrap-data-secret tag";
      steps.add(new Step(Action.PRUNE_LAUNCH_TEMPLATE_VERSIONS, "keep at most two old versions before adding one"));
      steps.add(new Step(Action.CREATE_LAUNCH_TEMPLATE_VERSION, why));
    }
    if (rolloutNeeded) {
      if (!asg) {
        plan.addNotes("EKS rolls out the new launch template version (node group version update)");
      } else if (!in.asgExists()) {
        plan.addNotes("no instance refresh: the ASG does not exist yet");
      } else if (disabled) {
        plan.addNotes("no instance refresh: refreshPreferences.disable is true");
      } else {
        InstanceRefreshes.StartRequest req = InstanceRefreshes.startRequest(in.name(), prefs);
        steps.add(new Step(Action.START_INSTANCE_REFRESH, "roll out the new launch template version: " + String.join(", ", reasons)));
        plan.startInstanceRefresh(req);
      }
    }
    return plan.steps(steps).build();
  }

  /** The hex SHA-256 of the UTF-8 bytes of {@code data}, as CAPA hashes user data. */
  public static String sha256Hex(String data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
