package io.capi4j.machinepool;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.MachinePool;
import io.capi4j.api.core.v1beta2.MachinePoolStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cluster.x-k8s.io/replicas-managed-by} and the autoscaler's min/max annotations. */
class ExternallyManagedReplicasTest {
  static final String ID = "test://1";

  static MachinePool annotated(Integer replicas, Map<String, String> annotations) {
    MachinePool mp = Fixtures.machinePool("mp", replicas);
    return mp.withMetadata(new ObjectMetaBuilder(mp.metadata()).withAnnotations(annotations).build());
  }

  static MachinePoolPlan plan(MachinePool mp, Integer external) {
    return MachinePoolPlanner.plan(Fixtures.input(mp)
        .bootstrapConfig(Fixtures.bootstrapConfig("mp-config", true, "secret"))
        .infraMachinePool(Fixtures.infraPool("mp", true, List.of(ID), 1, null))
        .addNodes(Fixtures.readyNode("node-1", ID))
        .externalReplicas(java.util.Optional.ofNullable(external))
        .build());
  }

  @Test
  void externallyManagedPoolIsScalingInsteadOfScalingUp() {
    MachinePoolPlan plan = plan(annotated(3, Map.of(Capi.REPLICAS_MANAGED_BY_ANNOTATION, "aws")), null);
    assertThat(plan.replicaOwner()).isEqualTo(ReplicaOwner.EXTERNAL);
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING);
  }

  @Test
  void emptyValueCountsAsManagedButFalseDoesNot() {
    assertThat(plan(annotated(3, Map.of(Capi.REPLICAS_MANAGED_BY_ANNOTATION, "")), null)
        .machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING);
    MachinePoolPlan notManaged = plan(annotated(3, Map.of(Capi.REPLICAS_MANAGED_BY_ANNOTATION, "false")), null);
    assertThat(notManaged.replicaOwner()).isEqualTo(ReplicaOwner.USER);
    assertThat(notManaged.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_UP);
  }

  @Test
  void externallyManagedPoolScalingDownIsScalingToo() {
    MachinePool mp = annotated(0, Map.of(Capi.REPLICAS_MANAGED_BY_ANNOTATION, "aws"));
    assertThat(plan(mp, null).machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING);
  }

  @Test
  void replicasReportedByTheProviderAreCopiedIntoTheSpecOnlyWhenManagedExternally() {
    MachinePoolPlan managed = plan(annotated(3, Map.of(Capi.REPLICAS_MANAGED_BY_ANNOTATION, "aks")), 1);
    assertThat(managed.machinePool().spec().replicas()).contains(1);
    assertThat(managed.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_RUNNING);
    assertThat(managed.steps()).anyMatch(s -> s.contains("set spec.replicas to 1") && s.contains("was 3"));

    MachinePoolPlan user = plan(annotated(3, Map.of()), 1);
    assertThat(user.machinePool().spec().replicas()).contains(3);
  }

  @Test
  void autoscalerAnnotationsMakeTheAutoscalerTheOwner() {
    MachinePoolPlan plan = plan(annotated(5, Map.of(Capi.AUTOSCALER_MIN_SIZE_ANNOTATION, "1",
        Capi.AUTOSCALER_MAX_SIZE_ANNOTATION, "3")), null);
    assertThat(plan.replicaOwner()).isEqualTo(ReplicaOwner.AUTOSCALER);
    assertThat(plan.steps()).anyMatch(s -> s.contains("outside the autoscaler's bounds [1, 3]"));
    assertThat(plan.machinePool().status().orElseThrow().phase()).isEqualTo(MachinePoolStatus.PHASE_SCALING_UP);
  }
}
