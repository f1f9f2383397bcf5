package io.capi4j.providers.azure.agentpools;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.providers.azure.api.v1beta1.ManagedMachinePoolScaling;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CAPZ's {@code azure/scope/managedmachinepool_test.go}, {@code azure/services/agentpools/spec_test.go} ("with existing
 * agent pool") and {@code agentpools_test.go} (the post-create hook).
 */
class AgentPoolDecisionsTest {
  @Test
  void withoutAutoscaling() {
    AgentPoolSpec s = AgentPoolDecisions.buildSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(s.replicas()).isEqualTo(1);
    assertThat(s.enableAutoScaling()).isFalse();
    assertThat(s.minCount()).isEmpty();
    assertThat(s.maxCount()).isEmpty();
  }

  @Test
  void withAutoscaling() {
    ManagedMachinePoolScaling scaling = ManagedMachinePoolScaling.builder().minSize(2).maxSize(10).build();
    AgentPoolSpec s = AgentPoolDecisions.buildSpec(Optional.empty(), Optional.of(scaling), Optional.empty(), Optional.empty());
    assertThat(s.enableAutoScaling()).isTrue();
    assertThat(s.minCount()).hasValue(2);
    assertThat(s.maxCount()).hasValue(10);
    assertThat(s.replicas()).isEqualTo(1);
  }

  @Test
  void scalingWithoutBoundsStillEnablesAutoscaling() {
    AgentPoolSpec s = AgentPoolDecisions.buildSpec(Optional.of(3), Optional.of(ManagedMachinePoolScaling.builder().build()),
        Optional.empty(), Optional.empty());
    assertThat(s.enableAutoScaling()).isTrue();
    assertThat(s.replicas()).isEqualTo(3);
  }

  @Test
  void withExistingAgentPool() {
    AgentPoolSpec s = new AgentPoolSpec(3, true, Optional.of(1), Optional.of(3), Optional.of("1.26.6"));
    AgentPoolParameters p = AgentPoolDecisions.parameters(s,
        Optional.of(new ExistingAgentPool(Optional.of(1212), Optional.of("1.27.2"), true)));
    assertThat(p.count()).isEqualTo(1212);
    assertThat(p.orchestratorVersion()).hasValue("1.27.2");
    assertThat(p.enableAutoScaling()).isTrue();
  }

  @Test
  void withoutAutoscalingTheCountIsTheReplicasAndVersionsGoUp() {
    AgentPoolSpec s = new AgentPoolSpec(3, false, Optional.empty(), Optional.empty(), Optional.of("1.28.0"));
    AgentPoolParameters p = AgentPoolDecisions.parameters(s,
        Optional.of(new ExistingAgentPool(Optional.of(5), Optional.of("1.27.2"), false)));
    assertThat(p.count()).isEqualTo(3);
    assertThat(p.orchestratorVersion()).hasValue("1.28.0");
    assertThat(AgentPoolDecisions.parameters(s, Optional.empty()).orchestratorVersion()).hasValue("1.28.0");
  }

  @Test
  void theDesiredVersionIsTheHigherOfMachinePoolAndAutoUpgradeWithoutV() {
    assertThat(AgentPoolDecisions.buildSpec(Optional.of(1), Optional.empty(), Optional.of("v1.29.1"), Optional.of("1.30.0"))
        .version()).hasValue("1.30.0");
    assertThat(AgentPoolDecisions.buildSpec(Optional.of(1), Optional.empty(), Optional.of("v1.31.1"), Optional.of("1.30.0"))
        .version()).hasValue("1.31.1");
    assertThat(AgentPoolDecisions.buildSpec(Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty()).version()).isEmpty();
  }

  @Test
  void autoscalingDisabledRemovesTheAnnotation() {
    MachinePoolReplicasUpdate u = AgentPoolDecisions.afterCreateOrUpdate(false, Optional.of(3));
    assertThat(u.replicasManagedBy()).isEmpty();
    assertThat(u.replicas()).isEmpty();
  }

  @Test
  void autoscalingEnabledSetsTheAnnotationAndCopiesTheCount() {
    MachinePoolReplicasUpdate u = AgentPoolDecisions.afterCreateOrUpdate(true, Optional.of(1234));
    assertThat(u.replicasManagedBy()).hasValue("true");
    assertThat(u.replicas()).hasValue(1234);
  }

  @Test
  void providerIDsAreSorted() {
    assertThat(AgentPoolDecisions.providerIDList(List.of("azure:///b", "azure:///a"))).containsExactly("azure:///a", "azure:///b");
  }
}
