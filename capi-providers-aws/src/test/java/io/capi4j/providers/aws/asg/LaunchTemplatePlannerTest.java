package io.capi4j.providers.aws.asg;

import static io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action.CANCEL_INSTANCE_REFRESH;
import static io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action.CREATE_LAUNCH_TEMPLATE;
import static io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action.CREATE_LAUNCH_TEMPLATE_VERSION;
import static io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action.PRUNE_LAUNCH_TEMPLATE_VERSIONS;
import static io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action.RECORD_LAST_APPLIED_TAGS;
import static io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action.RECORD_LATEST_VERSION;
import static io.capi4j.providers.aws.asg.LaunchTemplatePlan.Action.START_INSTANCE_REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.AWSMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The launch template and instance refresh scenarios of upstream's {@code TestAWSMachinePoolReconciler}
 * ({@code exp/controllers/awsmachinepool_controller_test.go}), as decisions instead of mocked calls.
 */
class LaunchTemplatePlannerTest {
  static final String USER_DATA = "shell-script";
  static final String SECRET = "default/bootstrap-data";

  static LaunchTemplateView view(String ami) {
    return LaunchTemplateView.builder().instanceType("t3.large").addSecurityGroupIds("sg-111").amiId(ami).build();
  }

  static ExistingLaunchTemplate existing(String ami, String userData, Optional<String> secretTag) {
    return ExistingLaunchTemplate.builder().id("lt-1").latest(view(ami)).userDataHash(LaunchTemplatePlanner.sha256Hex(userData))
        .bootstrapDataSecretTag(secretTag).build();
  }

  static ImmutableLaunchTemplateInputs.Builder inputs(String ami, String secret) {
    return LaunchTemplateInputs.builder().name("test").incoming(view(ami)).userData(USER_DATA).bootstrapDataSecret(secret)
        .statusLaunchTemplateId("lt-1").statusLaunchTemplateVersion("1");
  }

  @Test
  void shouldCreateTheLaunchTemplateThenTheAsgWhenNothingExists() {
    LaunchTemplatePlan lt = LaunchTemplatePlanner.plan(inputs("ami-abcdef123", SECRET).asgExists(false).build());
    assertThat(lt.actions()).containsExactly(CREATE_LAUNCH_TEMPLATE, RECORD_LAST_APPLIED_TAGS);
    assertThat(lt.userDataHash()).isEqualTo("c4771a3e694cc756f6ca4724cd3d976021ecdecb3b0f6732f7d4d020a4de21eb");
    assertThat(lt.startInstanceRefresh()).isEmpty();

    AsgPlan asg = AsgPlanner.plan(AsgPlanInputs.builder().asgName("test").clusterName("test").machinePoolKey("default/test")
        .replicas(1).spec(AWSMachinePoolSpec.builder().minSize(1).maxSize(2).build()).launchTemplateId("lt-1")
        .addSubnetIds("subnet1").build());
    assertThat(asg.create()).isPresent();
    assertThat(asg.requeueAfter()).contains(Duration.ofSeconds(15));
    assertThat(asg.suspendProcesses()).isEmpty();
  }

  @Test
  void userDataIsHashedWithSha256() {
    assertThat(LaunchTemplatePlanner.sha256Hex("shell-script")).isEqualTo("c4771a3e694cc756f6ca4724cd3d976021ecdecb3b0f6732f7d4d020a4de21eb");
  }

  @Test
  void nothingToDoWhenAmiHashAndSecretMatch() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-existing", SECRET)
        .existing(existing("ami-existing", USER_DATA, Optional.of(SECRET))).build());
    assertThat(p.steps()).isEmpty();
    assertThat(p.rolloutNeeded()).isFalse();
    assertThat(p.requeueAfter()).isEmpty();
  }

  @Test
  void onlyTheAmiChangedStartsAnInstanceRefresh() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-different", SECRET)
        .existing(existing("ami-existing", USER_DATA, Optional.of(SECRET))).build());
    assertThat(p.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION, START_INSTANCE_REFRESH);
    assertThat(p.rolloutReasons()).containsExactly("AMI changed from ami-existing to ami-different");
    assertThat(p.startInstanceRefresh().orElseThrow().autoScalingGroupName()).isEqualTo("test");
  }

  @Test
  void onlyTheBootstrapSecretNameChangedStartsAnInstanceRefresh() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-existing", SECRET)
        .existing(existing("ami-existing", USER_DATA, Optional.of("default/previous-secret-name"))).build());
    assertThat(p.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION, START_INSTANCE_REFRESH);
    assertThat(p.rolloutReasons()).containsExactly("bootstrap data secret changed from default/previous-secret-name to default/bootstrap-data");
  }

  @Test
  void aSecretNameChangeAfterCreationRecordsTheVersionThenRollsOut() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-existing", "default/bootstrap-data-new")
        .statusLaunchTemplateVersion(Optional.empty())
        .existing(existing("ami-existing", USER_DATA, Optional.of(SECRET))).build());
    assertThat(p.actions()).containsExactly(RECORD_LATEST_VERSION, PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION,
        START_INSTANCE_REFRESH);
  }

  @Test
  void aPendingRefreshIsCancelledAndTheRolloutWaitsThenProceeds() {
    ImmutableLaunchTemplateInputs.Builder b = inputs("ami-existing", "default/bootstrap-data-new")
        .existing(existing("ami-existing", USER_DATA, Optional.of(SECRET)));
    LaunchTemplatePlan pass1 = LaunchTemplatePlanner.plan(b.instanceRefreshStatuses(List.of("Pending")).build());
    assertThat(pass1.actions()).containsExactly(CANCEL_INSTANCE_REFRESH);
    assertThat(pass1.requeueAfter()).contains(Duration.ofSeconds(30));
    assertThat(pass1.has(CREATE_LAUNCH_TEMPLATE_VERSION)).isFalse();

    LaunchTemplatePlan pass2 = LaunchTemplatePlanner.plan(b.instanceRefreshStatuses(List.of("Cancelled")).build());
    assertThat(pass2.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION, START_INSTANCE_REFRESH);
    assertThat(pass2.requeueAfter()).isEmpty();
  }

  @Test
  void aCancellingRefreshIsNotCancelledAgain() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-new", SECRET)
        .existing(existing("ami-old", USER_DATA, Optional.of(SECRET))).addInstanceRefreshStatuses("Cancelling").build());
    assertThat(p.steps()).isEmpty();
    assertThat(p.requeueAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void userDataOnlyMakesANewVersionWithoutRollout() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-existing", SECRET)
        .existing(existing("ami-existing", "old-token", Optional.of(SECRET))).addInstanceRefreshStatuses("InProgress").build());
    assertThat(p.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION);
    assertThat(p.rolloutNeeded()).isFalse();
  }

  @Test
  void aMissingSecretTagMakesANewVersionWithoutRollout() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-existing", SECRET)
        .existing(existing("ami-existing", USER_DATA, Optional.empty())).build());
    assertThat(p.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION);
  }

  @Test
  void aSpecDifferenceOrTagChangeIsARollout() {
    LaunchTemplatePlan spec = LaunchTemplatePlanner.plan(inputs("ami-existing", SECRET)
        .incoming(view("ami-existing").withInstanceType("m5.large"))
        .existing(existing("ami-existing", USER_DATA, Optional.of(SECRET))).build());
    assertThat(spec.rolloutReasons()).containsExactly("LaunchTemplateNeedsUpdate: InstanceType");
    assertThat(spec.has(START_INSTANCE_REFRESH)).isTrue();
    LaunchTemplatePlan tags = LaunchTemplatePlanner.plan(inputs("ami-existing", SECRET).tagsChanged(true)
        .existing(existing("ami-existing", USER_DATA, Optional.of(SECRET))).build());
    assertThat(tags.rolloutReasons()).containsExactly("additional tags changed");
  }

  @Test
  void disableSkipsTheRefreshAndNeitherCancelsNorWaits() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-new", SECRET)
        .refreshPreferences(RefreshPreferences.builder().disable(true).build())
        .existing(existing("ami-old", USER_DATA, Optional.of(SECRET))).addInstanceRefreshStatuses("InProgress").build());
    assertThat(p.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION);
    assertThat(p.notes()).contains("no instance refresh: refreshPreferences.disable is true");
  }

  @Test
  void noRefreshBeforeTheAsgExists() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-new", SECRET).asgExists(false)
        .existing(existing("ami-old", USER_DATA, Optional.of(SECRET))).addInstanceRefreshStatuses("InProgress").build());
    assertThat(p.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION);
  }

  @Test
  void anEksNodegroupNeverCancelsOrStartsRefreshes() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-new", SECRET).mode(LaunchTemplateInputs.Mode.EKS_NODEGROUP)
        .existing(existing("ami-old", USER_DATA, Optional.of(SECRET))).addInstanceRefreshStatuses("InProgress").build());
    assertThat(p.actions()).containsExactly(PRUNE_LAUNCH_TEMPLATE_VERSIONS, CREATE_LAUNCH_TEMPLATE_VERSION);
    assertThat(p.rolloutNeeded()).isTrue();
  }

  @Test
  void aFailedRefreshListingIsAnError() {
    LaunchTemplatePlan p = LaunchTemplatePlanner.plan(inputs("ami-new", SECRET)
        .existing(existing("ami-old", USER_DATA, Optional.of(SECRET))).instanceRefreshListingError("throttled").build());
    assertThat(p.error()).hasValueSatisfying(e -> assertThat(e).contains("throttled"));
    assertThat(p.steps()).isEmpty();
  }

  @Test
  void pruningDeletesTheSecondOfThreeVersions() {
    assertThat(LaunchTemplatePlan.prunableVersion(List.of(1L, 2L, 3L))).contains(2L);
    assertThat(LaunchTemplatePlan.prunableVersion(List.of(1L, 2L))).isEmpty();
  }

  @Test
  void lastAppliedTags() {
    Outcome<LastAppliedTags> none = LastAppliedTags.compare(Optional.empty(), Map.of("a", "1"));
    assertThat(none.get().changed()).isTrue();
    assertThat(LastAppliedTags.compare(Optional.of("{\"a\":\"1\"}"), Map.of("a", "1")).get().changed()).isFalse();
    LastAppliedTags diff = LastAppliedTags.compare(Optional.of("{\"a\":\"1\",\"b\":\"2\"}"), Map.of("a", "9")).get();
    assertThat(diff.createdOrUpdated()).isEqualTo(Map.of("a", "9"));
    assertThat(diff.deleted()).isEqualTo(Map.of("b", "2"));
    assertThat(LastAppliedTags.compare(Optional.of("not json"), Map.of()).isOk()).isFalse();
  }
}
