package io.capi4j.providers.aws.asg;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@link LaunchTemplatePlanner} decides from: the wanted template, the observed one, and the pool's state. */
@Value.Immutable
public abstract class LaunchTemplateInputs implements WithLaunchTemplateInputs {
  /** Who rolls out a new version: an ASG instance refresh (AWSMachinePool) or EKS (AWSManagedMachinePool). */
  public enum Mode {
    AUTO_SCALING_GROUP,
    EKS_NODEGROUP
  }

  /** The launch template's (and ASG's) name: the pool's name. */
  public abstract String name();

  @Value.Default
  public Mode mode() {
    return Mode.AUTO_SCALING_GROUP;
  }

  /** The wanted template, with resolved security groups and AMI ({@link LaunchTemplateView#fromSpec}). */
  public abstract LaunchTemplateView incoming();

  /** The user data the template should carry (the bootstrap data, or an Ignition stub pointing at S3). */
  public abstract String userData();

  /** The bootstrap data secret, {@code namespace/name}. */
  public abstract String bootstrapDataSecret();

  /** The latest version in EC2; empty when no template of this name exists. */
  public abstract Optional<ExistingLaunchTemplate> existing();

  /** The pool's {@code status.launchTemplateID}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String statusLaunchTemplateId() {
    return "";
  }

  /** The pool's {@code status.launchTemplateVersion}. */
  public abstract Optional<String> statusLaunchTemplateVersion();

  /** Whether the merged additional tags differ from the last applied ones ({@link LastAppliedTags}). */
  @Value.Default
  public boolean tagsChanged() {
    return false;
  }

  /** Whether the ASG exists. */
  @Value.Default
  public boolean asgExists() {
    return true;
  }

  public abstract Optional<RefreshPreferences> refreshPreferences();

  /** Statuses of the ASG's instance refreshes ({@code DescribeInstanceRefreshes}); read only when a rollout is needed. */
  public abstract List<String> instanceRefreshStatuses();

  /** Set when listing the instance refreshes failed. */
  public abstract Optional<String> instanceRefreshListingError();

  public static ImmutableLaunchTemplateInputs.Builder builder() {
    return ImmutableLaunchTemplateInputs.builder();
  }
}
