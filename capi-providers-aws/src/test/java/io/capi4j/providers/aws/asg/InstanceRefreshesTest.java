package io.capi4j.providers.aws.asg;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.aws.api.v1beta2.RefreshPreferences;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Upstream's {@code TestServiceCanStartASGInstanceRefresh} and {@code TestServiceStartASGInstanceRefresh}. */
class InstanceRefreshesTest {

  @Test
  void shouldReturnErrorIfDescribeInstanceRefreshFails() {
    InstanceRefreshes.Check c = InstanceRefreshes.listingFailed("some error");
    assertThat(c.canStart()).isFalse();
    assertThat(c.error()).contains("some error");
  }

  @Test
  void shouldReturnTrueIfNoInstanceAvailableForRefresh() {
    InstanceRefreshes.Check c = InstanceRefreshes.canStart(List.of());
    assertThat(c.canStart()).isTrue();
    assertThat(c.unfinishedStatus()).isEmpty();
  }

  @Test
  void shouldReturnFalseIfSomeInstanceRefreshIsAlreadyInProgress() {
    InstanceRefreshes.Check c = InstanceRefreshes.canStart(List.of("InProgress"));
    assertThat(c.canStart()).isFalse();
    assertThat(c.unfinishedStatus()).contains("InProgress");
  }

  @Test
  void pendingAndCancellingBlockToo() {
    assertThat(InstanceRefreshes.canStart(List.of("Successful", "Pending")).unfinishedStatus()).contains("Pending");
    assertThat(InstanceRefreshes.canStart(List.of("Cancelling")).canStart()).isFalse();
  }

  @Test
  void finishedAndOtherStatusesDoNotBlock() {
    assertThat(InstanceRefreshes.canStart(List.of("Successful", "Failed", "Cancelled")).canStart()).isTrue();
    // Upstream quirk kept: Baking and rollbacks do not count as unfinished.
    assertThat(InstanceRefreshes.canStart(List.of("Baking", "RollbackInProgress")).canStart()).isTrue();
  }

  @Test
  void shouldStartAsgInstanceRefresh() {
    InstanceRefreshes.StartRequest r = InstanceRefreshes.startRequest("mpn", Optional.of(RefreshPreferences.builder()
        .strategy("Rolling").instanceWarmup(100L).minHealthyPercentage(80L).maxHealthyPercentage(100L).build()));
    assertThat(r).isEqualTo(new InstanceRefreshes.StartRequest("mpn", "Rolling", Optional.of(100), Optional.of(80), Optional.of(100)));
  }

  @Test
  void unsetPreferencesAreLeftToAws() {
    assertThat(InstanceRefreshes.startRequest("mpn", Optional.empty()))
        .isEqualTo(new InstanceRefreshes.StartRequest("mpn", "Rolling", Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(InstanceRefreshes.startRequest("mpn", Optional.of(RefreshPreferences.builder().strategy("Other").build())).strategy())
        .isEqualTo("Other");
  }

  @Test
  void aRefreshStartsAfterANewVersionOnlyForAnExistingAsgWithoutDisable() {
    assertThat(InstanceRefreshes.startsAfterNewVersion(true, Optional.empty())).isTrue();
    assertThat(InstanceRefreshes.startsAfterNewVersion(false, Optional.empty())).isFalse();
    assertThat(InstanceRefreshes.startsAfterNewVersion(true, Optional.of(RefreshPreferences.builder().disable(true).build()))).isFalse();
  }
}
