package io.capi4j.providers.azure.vmss;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolDeploymentStrategy;
import io.capi4j.providers.azure.exp.api.v1beta1.MachineRollingUpdateDeployment;
import io.capi4j.util.IntOrPercent;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CAPZ's {@code TestMachinePoolRollingUpdateStrategy_Type/_Surge}, {@code TestMachinePoolScope_maxUnavailable/_MaxSurge}. */
class RollingUpdateStrategyTest {
  static RollingUpdateStrategy surge(IntOrString v) {
    return new RollingUpdateStrategy(Optional.ofNullable(v), Optional.empty(), "");
  }

  static RollingUpdateStrategy unavailable(IntOrString v) {
    return new RollingUpdateStrategy(Optional.empty(), Optional.ofNullable(v), "");
  }

  @Test
  void typeIsRollingUpdate() {
    assertThat(RollingUpdateStrategy.empty().type()).isEqualTo("RollingUpdate");
  }

  static Stream<Arguments> surgeCases() {
    return Stream.of(
        Arguments.of("Strategy is empty", RollingUpdateStrategy.empty(), 0, 1),
        Arguments.of("MaxSurge is set to 2", surge(IntOrPercent.of(2)), 0, 2),
        Arguments.of("MaxSurge is set to 20% (desired replicas 20)", surge(IntOrPercent.of("20%")), 20, 4),
        Arguments.of("MaxSurge is set to 20% and it rounds up (desired replicas 21)", surge(IntOrPercent.of("20%")), 21, 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("surgeCases")
  void surge(String name, RollingUpdateStrategy s, int desired, int want) {
    assertThat(s.surge(desired)).isEqualTo(want);
  }

  static Stream<Arguments> maxUnavailableCases() {
    return Stream.of(
        Arguments.of("Strategy is empty", RollingUpdateStrategy.empty(), 0, 0),
        Arguments.of("MaxUnavailable is nil", unavailable(null), 0, 0),
        Arguments.of("MaxUnavailable is set to 2", unavailable(IntOrPercent.of(2)), 0, 2),
        Arguments.of("MaxUnavailable is set to 20%", unavailable(IntOrPercent.of("20%")), 20, 4),
        Arguments.of("MaxUnavailable is set to 20% and it rounds down", unavailable(IntOrPercent.of("20%")), 21, 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maxUnavailableCases")
  void maxUnavailable(String name, RollingUpdateStrategy s, int desired, int want) {
    assertThat(s.maxUnavailable(desired)).isEqualTo(want);
  }

  static AzureMachinePoolDeploymentStrategy rolling(IntOrString maxSurge) {
    return AzureMachinePoolDeploymentStrategy.builder().type("RollingUpdate")
        .rollingUpdate(MachineRollingUpdateDeployment.builder().maxSurge(Optional.ofNullable(maxSurge)).build()).build();
  }

  static Stream<Arguments> scopeMaxSurgeCases() {
    return Stream.of(
        Arguments.of("default surge should be 1 if no deployment strategy is set", Optional.empty(), 0, 1),
        Arguments.of("default surge should be 1 regardless of replica count with no surger", Optional.empty(), 3, 1),
        Arguments.of("default surge should be 2 as specified by the surger", Optional.of(rolling(IntOrPercent.of(2))), 3, 2),
        Arguments.of("default surge should be 2 (50%) of the desired replicas", Optional.of(rolling(IntOrPercent.of("50%"))), 4, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopeMaxSurgeCases")
  void scopeMaxSurge(String name, Optional<AzureMachinePoolDeploymentStrategy> strategy, int replicas, int want) {
    assertThat(PoolDecisions.maxSurge(RollingUpdateStrategy.from(strategy), replicas)).isEqualTo(want);
  }

  @Test
  void aStrategyWithoutRollingUpdateIsTheEmptyOne() {
    AzureMachinePoolDeploymentStrategy typeOnly = AzureMachinePoolDeploymentStrategy.builder().type("RollingUpdate").build();
    assertThat(RollingUpdateStrategy.from(Optional.of(typeOnly))).isEqualTo(RollingUpdateStrategy.empty());
    // "" deletePolicy means Random, not Oldest.
    assertThat(RollingUpdateStrategy.from(Optional.of(typeOnly)).deletePolicy()).isEmpty();
    AzureMachinePoolDeploymentStrategy other = rolling(IntOrPercent.of(5)).withType("Recreate");
    assertThat(RollingUpdateStrategy.from(Optional.of(other)).surge(3)).isEqualTo(1);
  }
}
